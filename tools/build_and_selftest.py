"""Build the packaged app with crmdesk.spec and prove it works, as CI does on every run.

    .venv/bin/pip install -e ".[build]" && .venv/bin/python tools/build_and_selftest.py [--measure]

1. builds the one-folder bundle (dist/crmdesk, or dist/crmdesk.app on macOS) and reports its size,
   which must stay under 250 MB on Linux;
2. checks what is inside: the migrations as source, the translations, the self-test sheet, and
   no alembic.ini, no second Qt binding, no QtQuick/QML/PDF;
3. runs the frozen ``--self-test`` from an unrelated folder with an empty home;
4. makes a database at the first schema revision (0001_initial) with this source tree's Alembic
   and has the frozen app upgrade it (``migrate``), check it (``check``) and export it;
5. has the frozen app write demo data, open its window on them, and hand a second launch on
   the same database over to the running copy;
6. with ``--measure``: start-up to a painted window, frozen against from source (median of runs),
   and the self-test's time.

Exits 0 when everything passed, else 1 after saying what failed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

LIMIT_MB = 250  # Linux; Windows and macOS bundles are of the same order
FIRST_REVISION = "0001_initial"


class Failed(Exception):
    pass


def say(text: str = "") -> None:
    print(text, flush=True)


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def build(dist: Path, work: Path) -> tuple[Path, float]:
    started = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(dist),
            "--workpath",
            str(work),
            str(ROOT / "crmdesk.spec"),
        ],
        check=True,
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
    )
    took = time.perf_counter() - started
    bundle = dist / "crmdesk.app" if sys.platform == "darwin" else dist / "crmdesk"
    if not bundle.exists():
        raise Failed(f"the build made no {bundle}")
    return bundle, took


def executable(bundle: Path) -> Path:
    if sys.platform == "darwin":
        return bundle / "Contents" / "MacOS" / "crmdesk"
    if sys.platform == "win32":
        return bundle / "crmdesk-cli.exe"  # the console twin: the windowed one has no stdout
    return bundle / "crmdesk"


def check_contents(bundle: Path) -> list[str]:
    files = [p.relative_to(bundle).as_posix() for p in bundle.rglob("*") if p.is_file()]
    problems = []

    def has(fragment: str) -> bool:
        return any(fragment in f for f in files)

    for needed in (
        "crmdesk/migrations/env.py",
        f"crmdesk/migrations/versions/{FIRST_REVISION}.py",
        "crmdesk/resources/i18n/crmdesk_zh_CN.qm",
        "crmdesk/resources/icons/crmdesk.svg",
        "crmdesk/resources/selftest/customers.xlsx",
        "imageformats/libqsvg",
        "iconengines/libqsvgicon",
    ):
        if not has(needed) and not (needed.startswith(("imageformats", "iconengines")) and
                                    has(needed.replace("/lib", "/q"))):  # fmt: skip
            problems.append(f"missing from the bundle: {needed}")
    for unwanted in ("alembic.ini", "PyQt5", "PyQt6", "PySide2", "tkinter", "Qt6Quick", "Qt6Qml",
                     "Qt6Pdf", "QtQuick", "QtQml", "/qml/"):  # fmt: skip
        found = [f for f in files if unwanted in f]
        if found:
            problems.append(f"should not be in the bundle: {found[0]} ({len(found)} files)")
    if not has("QtOpenGLWidgets"):
        problems.append("PySide6.QtOpenGLWidgets is missing (pyqtgraph imports it)")
    return problems


def isolated_env(home: Path) -> dict[str, str]:
    """An environment with an empty home, so nothing of this machine's user is read or touched."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CRMDESK_", "PYTHON"))}
    env.update(
        HOME=str(home),
        USERPROFILE=str(home),
        APPDATA=str(home / "AppData" / "Roaming"),
        LOCALAPPDATA=str(home / "AppData" / "Local"),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_STATE_HOME=str(home / ".local" / "state"),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_CACHE_HOME=str(home / ".cache"),
        QT_QPA_PLATFORM="offscreen",
        QT_LOGGING_RULES="qt.qpa.*=false",
    )
    return env


def run(cmd: list[str], *, cwd: Path, env: dict[str, str], timeout: int = 300):  # noqa: ANN201
    return subprocess.run(
        cmd,
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=timeout,
        check=False,
    )


def frozen_self_test(exe: Path, scratch: Path) -> float:
    elsewhere = scratch / "unrelated-folder"
    elsewhere.mkdir()
    started = time.perf_counter()
    done = run([str(exe), "--self-test"], cwd=elsewhere, env=isolated_env(scratch / "home-1"))
    took = time.perf_counter() - started
    say(done.stdout.rstrip())
    if done.returncode != 0:
        raise Failed(f"the frozen self-test exited with {done.returncode}\n{done.stderr}")
    if any(elsewhere.iterdir()):
        raise Failed(f"the self-test left files in its working folder: {list(elsewhere.iterdir())}")
    return took


def make_first_revision_db(path: Path) -> None:
    """A database exactly as the first release made it, by this source tree's Alembic."""
    from alembic import command

    from crmdesk import db as dbmod

    engine = dbmod.create_db_engine(str(path))
    try:
        with engine.begin() as conn:
            cfg = dbmod.alembic_config()
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, FIRST_REVISION)
        with engine.begin() as conn:
            # One customer as 0001 stored it, so the upgrade has data to carry over.
            conn.exec_driver_sql(
                "INSERT INTO customer (code, kind, name, name_key, stage, search_text, version, "
                "created_at, updated_at) VALUES ('C000001', 'company', '老客户有限公司', '老客户', "
                "'prospect', ' 老 客 户 有 限 公 司 ', 1, '2024-01-01 00:00:00', "
                "'2024-01-01 00:00:00')"
            )
        if dbmod.current_revision(engine) != FIRST_REVISION:
            raise Failed("could not make a database at the first revision")
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        engine.dispose()


def frozen_upgrade(exe: Path, scratch: Path) -> str:
    from crmdesk import db as dbmod

    old = scratch / "office" / "old.sqlite3"
    old.parent.mkdir()
    make_first_revision_db(old)
    env = isolated_env(scratch / "home-2")
    done = run([str(exe), "--db", str(old), "migrate"], cwd=scratch, env=env)
    say(done.stdout.rstrip())
    head = dbmod.head_revision()
    if done.returncode != 0 or f"from {FIRST_REVISION} to {head}" not in done.stdout:
        raise Failed(f"the frozen app did not upgrade a {FIRST_REVISION} database:\n{done.stderr}")
    done = run([str(exe), "--db", str(old), "check"], cwd=scratch, env=env)
    say(done.stdout.rstrip())
    if done.returncode != 0 or f"Schema: {head} (current)" not in done.stdout:
        raise Failed(f"the upgraded database does not pass check:\n{done.stderr}")
    done = run(
        [str(exe), "--db", str(old), "export", "customers", str(scratch / "old.xlsx")],
        cwd=scratch,
        env=env,
    )
    if done.returncode != 0 or "Exported 1 customers" not in done.stdout:
        raise Failed(
            f"the upgraded database's customer did not export:\n{done.stdout}{done.stderr}"
        )
    return head


def frozen_demo(exe: Path, scratch: Path, customers: int, name: str) -> Path:
    """The demo data generator, run by the frozen app: its word lists are code, not files,
    but it touches most of the services."""
    db = scratch / name
    done = run(
        [str(exe), "--db", str(db), "--lang", "zh_CN", "demo", "--customers", str(customers)],
        cwd=scratch,
        env=isolated_env(scratch / "home-demo"),
    )
    say(done.stdout.rstrip())
    if done.returncode != 0 or f"Made {customers} customers" not in done.stdout:
        raise Failed(f"the frozen app could not make demo data:\n{done.stderr}")
    return db


def frozen_app_and_second_launch(exe: Path, scratch: Path, db: Path) -> float:
    """The app itself (not the self-test): it paints its window on ``db``; then, while one copy
    runs, a second launch on the same database hands over to it and exits."""
    env = isolated_env(scratch / "home-gui")
    ready = time_to_ready([str(exe), "--db", str(db)], env, scratch)
    # A log of its own: the first copy is running once it has written "started on" there.
    env["CRMDESK_LOG_DIR"] = str(scratch / "gui-logs")
    log_file = scratch / "gui-logs" / "crmdesk.log"
    first = subprocess.Popen(
        [str(exe), "--db", str(db)],
        cwd=scratch,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while "started on" not in (log_file.read_text("utf-8") if log_file.exists() else ""):
            if first.poll() is not None or time.monotonic() > deadline:
                raise Failed(f"the frozen app did not start (status {first.poll()})")
            time.sleep(0.1)
        second = run([str(exe), "--db", str(db)], cwd=scratch, env=env, timeout=60)
        if second.returncode != 0:
            raise Failed(f"the second launch exited with {second.returncode}: {second.stderr}")
        deadline = time.monotonic() + 10
        while "another launch on this database" not in log_file.read_text("utf-8"):
            if time.monotonic() > deadline:
                raise Failed("the running app was not asked to come to the front")
            time.sleep(0.1)
        if first.poll() is not None:
            raise Failed("the first copy ended when the second was launched")
    finally:
        first.terminate()
        first.wait(30)
    return ready


def time_to_ready(cmd: list[str], env: dict[str, str], cwd: Path) -> float:
    started = time.time()
    done = run(cmd, cwd=cwd, env={**env, "CRMDESK_QUIT_WHEN_READY": "1"}, timeout=120)
    lines = [ln for ln in done.stdout.splitlines() if ln.startswith("ready ")]
    if done.returncode != 0 or not lines:
        raise Failed(f"{cmd[0]} did not start:\n{done.stdout}\n{done.stderr}")
    return float(lines[-1].split()[1]) - started


def measure_startup(exe: Path, scratch: Path, runs: int) -> tuple[float, float]:
    """Median seconds from launch to a painted main window on a 500-customer demo database."""
    db = frozen_demo(exe, scratch, 500, "startup.sqlite3")
    env = isolated_env(scratch / "home-3")
    source_env = {**env, "PYTHONPATH": str(ROOT)}
    frozen_cmd = [str(exe), "--db", str(db), "--lang", "en"]
    source_cmd = [sys.executable, "-m", "crmdesk", "--db", str(db), "--lang", "en"]
    time_to_ready(frozen_cmd, env, scratch)  # once each first: files in the OS cache
    time_to_ready(source_cmd, source_env, scratch)
    frozen, source = [], []
    for _ in range(runs):
        frozen.append(time_to_ready(frozen_cmd, env, scratch))
        source.append(time_to_ready(source_cmd, source_env, scratch))
    return statistics.median(frozen), statistics.median(source)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build")
    parser.add_argument("--measure", action="store_true", help="also time start-up")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--no-build", action="store_true", help="check the bundle already in --dist, do not build"
    )
    args = parser.parse_args()
    figures: list[tuple[str, str]] = []
    scratch = Path(tempfile.mkdtemp(prefix="crmdesk-frozen-"))
    try:
        if args.no_build:
            bundle = args.dist / ("crmdesk.app" if sys.platform == "darwin" else "crmdesk")
        else:
            say("== building with crmdesk.spec")
            bundle, took = build(args.dist, args.work)
            figures.append(("build", f"{took:.0f} s"))
        size_mb = folder_size(bundle) / 1e6
        figures += [("bundle", f"{bundle}"), ("bundle size", f"{size_mb:.0f} MB")]
        say(f"bundle {bundle}: {size_mb:.0f} MB")
        if sys.platform.startswith("linux") and size_mb >= LIMIT_MB:
            raise Failed(f"the bundle is {size_mb:.0f} MB; it must stay under {LIMIT_MB} MB")
        problems = check_contents(bundle)
        if problems:
            raise Failed("\n".join(problems))
        exe = executable(bundle)
        say("== frozen self-test, from an unrelated folder")
        figures.append(("frozen self-test", f"{frozen_self_test(exe, scratch):.1f} s"))
        say(f"== frozen upgrade of a {FIRST_REVISION} database")
        head = frozen_upgrade(exe, scratch)
        figures.append(("upgrade", f"{FIRST_REVISION} → {head}"))
        say("== frozen demo data")
        demo = frozen_demo(exe, scratch, 30, "demo.sqlite3")
        say("== the frozen app's window, and a second launch on the same database")
        ready = frozen_app_and_second_launch(exe, scratch, demo)
        figures.append(("window painted", f"{ready * 1000:.0f} ms after launch (one run)"))
        if args.measure:
            say(f"== start-up to a painted window, median of {args.runs}")
            frozen, source = measure_startup(exe, scratch, args.runs)
            figures += [("start-up, frozen", f"{frozen * 1000:.0f} ms"),
                        ("start-up, from source", f"{source * 1000:.0f} ms")]  # fmt: skip
    except (Failed, subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
        say(f"\nFROZEN BUILD FAILED: {exc}")
        return 1
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    say("")
    width = max(len(k) for k, _ in figures)
    for key, value in figures:
        say(f"{key:<{width}}  {value}")
    say("frozen build passed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
