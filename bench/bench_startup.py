"""Start-up: from launching crmdesk to a painted customer list with rows, against a bare window.

    .venv/bin/python bench/bench_startup.py [--customers 100000] [--db PATH] [--runs 7]

Both are started as fresh processes (several runs, median). The bare one imports PySide6 and
shows an empty QMainWindow; crmdesk opens the database, builds the main window through
crmdesk.app as run_gui does, shows it and waits until the customer list's model has rows and a
paint has gone through. Each child prints the moment it was ready; the parent measures from just
before it started the process. Target: crmdesk within 3x the bare window.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import ensure_db, median, ms, table, verdict  # noqa: E402

TARGET_RATIO = 3.0

BARE = textwrap.dedent(
    """
    import sys, time
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1200, 800)
    window.show()

    def painted():
        app.processEvents()
        window.repaint()
        print("ready", time.time(), flush=True)
        app.quit()

    QTimer.singleShot(0, painted)
    app.exec()
    """
)

CRMDESK = textwrap.dedent(
    """
    import sys, time

    # The real entry point (crmdesk.cli) imports crmdesk.app first, so do the same here.
    from crmdesk import app as crm_app
    from PySide6.QtCore import QTimer
    from crmdesk.qt.customer_model import CustomerTableModel
    from crmdesk.qt.settings import Settings

    qapp = crm_app.create_application(sys.argv[:1])
    ctx = crm_app.open_context(sys.argv[1])
    window = crm_app.build_main_window(ctx, Settings())
    window.resize(1200, 800)
    crm_app.show_main_window(window)

    def painted():
        qapp.processEvents()
        models = [m for m in window.findChildren(CustomerTableModel) if m.rowCount() > 0]
        if not models:
            QTimer.singleShot(5, painted)
            return
        window.repaint()
        print("ready", time.time(), models[0].rowCount(), flush=True)
        qapp.quit()

    QTimer.singleShot(0, painted)
    qapp.exec()
    # The database layer finishes loading on its worker (reported apart, no target).
    db = ctx.db
    print("open", time.time(), flush=True)
    ctx.tasks.wait_idle(5_000)
    ctx.close()
    """
)


def launch(code: str, *args: str, env: dict[str, str], opened: list[float] | None = None) -> float:
    started = time.time()
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=300,
        check=False,
    )
    lines = [ln for ln in done.stdout.splitlines() if ln.startswith("ready ")]
    if done.returncode != 0 or not lines:
        raise SystemExit(f"the child failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    open_lines = [ln for ln in done.stdout.splitlines() if ln.startswith("open ")]
    if opened is not None and open_lines:
        opened.append(float(open_lines[-1].split()[1]) - started)
    return float(lines[-1].split()[1]) - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--db", type=Path)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()

    path = ensure_db(args.customers, args.db)
    home = Path(tempfile.mkdtemp(prefix="crmdesk-bench-home-"))
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        "QT_LOGGING_RULES": "qt.qpa.*=false",
        # The children must not read or write the user's own settings, logs and backups.
        "CRMDESK_DATA_DIR": str(home / "data"),
        "CRMDESK_BACKUP_DIR": str(home / "backups"),
        "CRMDESK_LOG_DIR": str(home / "logs"),
        "CRMDESK_SETTINGS_DIR": str(home / "settings"),
    }
    # An installed app runs from compiled bytecode; a shell that forbids writing it would make
    # every start recompile crmdesk from source and measure that instead. The warm-up runs
    # below write the bytecode once.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    # One run of each first, so both find their files in the OS cache.
    launch(BARE, env=env)
    launch(CRMDESK, str(path), env=env)
    bare, crm, opened = [], [], []
    for _ in range(args.runs):  # interleaved, so a busy moment hits both alike
        bare.append(launch(BARE, env=env))
        crm.append(launch(CRMDESK, str(path), env=env, opened=opened))
    b, c = median(bare), median(crm)
    print(f"\n{args.customers:,} customers in {path}; {args.runs} runs each, median\n")
    table(
        [
            ("start-up to a painted window", "median", "min", "max", "vs bare", "target", ""),
            ("bare PySide6 window", ms(b), ms(min(bare)), ms(max(bare)), "1.0x", "", ""),
            (
                "crmdesk customer list with rows",
                ms(c),
                ms(min(crm)),
                ms(max(crm)),
                f"{c / b:.1f}x",
                f"< {TARGET_RATIO:.0f}x",
                verdict(c / b < TARGET_RATIO),
            ),
        ]
    )
    if opened:
        o = median(opened)
        print(
            f"\nThe database layer (SQLAlchemy, the models, the open database) was ready "
            f"{ms(o)} after launch (median), {o / b:.1f}x the bare window; it loads after the "
            "first paint, on a worker."
        )
    ok = c / b < TARGET_RATIO
    print("\nRESULT:", "PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
