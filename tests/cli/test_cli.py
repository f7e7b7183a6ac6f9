"""The crmdesk command, driven as an administrator would: in-process and as a real process."""

from __future__ import annotations

import io
import os
import sqlite3
import subprocess
import sys
import types
from pathlib import Path

import pytest

from crmdesk import __version__
from crmdesk.cli import main, system_lang
from crmdesk.services import Database
from crmdesk.services import customers as cs
from crmdesk.services.dto import CustomerInput, CustomerQuery


def _run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = os.environ.copy()
    env["QT_QPA_PLATFORM"] = "offscreen"
    return subprocess.run(
        [sys.executable, "-m", "crmdesk", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def _customers(path: Path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return [r[0] for r in con.execute("SELECT name FROM customer ORDER BY id")]
    finally:
        con.close()


@pytest.fixture
def demo_db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "office.sqlite3"
    assert main(["demo", "--customers", "20", "--db", str(path), "--lang", "zh_CN"]) == 0
    capsys.readouterr()
    return path


def test_demo_then_check_is_ok(tmp_path, capsys):
    path = tmp_path / "demo.sqlite3"
    assert main(["demo", "--customers", "50", "--db", str(path), "--lang", "zh_CN"]) == 0
    out = capsys.readouterr().out
    assert "Made 50 customers" in out and " s." in out
    assert main(["--db", str(path), "check"]) == 0  # options before the command work too
    out = capsys.readouterr().out
    assert "Integrity: ok" in out and "(current)" in out
    assert out.strip().splitlines()[-1] == "ok"
    assert len(_customers(path)) == 50


def test_demo_refuses_a_database_with_customers_unless_forced(demo_db, capsys):
    before = _customers(demo_db)
    assert main(["demo", "--customers", "5", "--db", str(demo_db)]) == 1
    err = capsys.readouterr().err
    assert "already has 20 customers" in err and "--force" in err
    assert _customers(demo_db) == before
    assert main(["demo", "--customers", "5", "--db", str(demo_db), "--force"]) == 0
    assert len(_customers(demo_db)) == 25


def test_demo_above_2000_customers_uses_the_bulk_generator(tmp_path, capsys):
    path = tmp_path / "big.sqlite3"
    assert main(["demo", "--customers", "2,500", "--db", str(path), "--lang", "en"]) == 0
    assert "Made 2,500 customers with contacts and tags" in capsys.readouterr().out
    db = Database.open(str(path))
    try:
        assert cs.count_customers(db, CustomerQuery()).count == 2500
        assert cs.list_customers(db, CustomerQuery(text="smith"), limit=5)
    finally:
        db.close()


def test_demo_without_db_fills_the_demo_database_of_the_language(capsys):
    from crmdesk import paths

    assert main(["demo", "--customers", "10", "--lang", "en"]) == 0
    assert str(paths.demo_database_path("en")) in capsys.readouterr().out
    assert len(_customers(paths.demo_database_path("en"))) == 10


def test_backup_then_restore_brings_back_the_backed_up_data(demo_db, tmp_path, capsys):
    target = tmp_path / "saved" / "office-backup.sqlite3"
    assert main(["backup", "--db", str(demo_db), "--to", str(target)]) == 0
    assert str(target) in capsys.readouterr().out
    assert target.exists()

    db = Database.open(str(demo_db))
    try:
        db.sign_in()
        cs.create_customer(db, CustomerInput(name="备份之后新增有限公司"))
    finally:
        db.close()
    assert "备份之后新增有限公司" in _customers(demo_db)

    assert main(["restore", str(target), "--db", str(demo_db), "--yes"]) == 0
    out = capsys.readouterr().out
    assert "Restored" in out
    kept = Path(out.split("kept at ")[1].strip())
    assert kept.exists()
    assert "备份之后新增有限公司" not in _customers(demo_db)
    assert len(_customers(demo_db)) == 20
    # The replaced database is the one with the later change, so nothing is lost for good.
    assert "备份之后新增有限公司" in _customers(kept)


def test_restore_without_yes_and_without_a_terminal_is_refused(
    demo_db, tmp_path, capsys, monkeypatch
):
    target = tmp_path / "b.sqlite3"
    assert main(["backup", "--db", str(demo_db), "--to", str(target)]) == 0
    before = demo_db.read_bytes()
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    assert main(["restore", str(target), "--db", str(demo_db)]) == 1
    err = capsys.readouterr().err
    assert "no terminal to confirm" in err and "--yes" in err
    assert demo_db.read_bytes() == before


def test_restore_asks_first_and_no_keeps_the_database(demo_db, tmp_path, capsys, monkeypatch):
    target = tmp_path / "b.sqlite3"
    assert main(["backup", "--db", str(demo_db), "--to", str(target)]) == 0
    capsys.readouterr()
    tty = io.StringIO("n\n")
    tty.isatty = lambda: True  # type: ignore[method-assign]
    monkeypatch.setattr(sys, "stdin", tty)
    assert main(["restore", str(target), "--db", str(demo_db)]) == 1
    out = capsys.readouterr().out
    assert (
        f"Replace {demo_db} with {target}? The current database is kept as a backup. [y/N]" in out
    )
    assert "Nothing was changed." in out


def test_restore_of_a_missing_backup_says_so(demo_db, tmp_path, capsys):
    assert main(["restore", str(tmp_path / "nope.sqlite3"), "--db", str(demo_db), "--yes"]) == 1
    assert "There is no backup at" in capsys.readouterr().err


def test_migrate_reports_current_and_refuses_a_newer_database_untouched(tmp_path, capsys):
    path = tmp_path / "newer.sqlite3"
    assert main(["migrate", "--db", str(path)]) == 0
    assert "Migrated" in capsys.readouterr().out
    assert main(["migrate", "--db", str(path)]) == 0
    assert "already current" in capsys.readouterr().out

    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    con.commit()
    con.close()
    for side in ("-wal", "-shm"):
        assert not Path(f"{path}{side}").exists()
    before = (path.read_bytes(), path.stat().st_mtime_ns)

    result = _run("migrate", "--db", str(path))
    assert result.returncode == 1
    assert "newer version of crmdesk" in result.stderr
    assert "Traceback" not in result.stderr
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before
    assert main(["check", "--db", str(path)]) == 1
    assert "newer version" in capsys.readouterr().err


def test_a_bad_database_address_is_one_sentence_and_exit_1(tmp_path):
    result = _run("check", "--db", "postgresql+psycopg://nobody@127.0.0.1:1/crm")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Cannot open the database")
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("argv", "sentence"),
    [
        (["check", "--db", "foo://bar"], "is not a database address"),
        (["check", "--db", "NOWHERE/missing.sqlite3"], "There is no database at"),
        (["backup", "--db", "postgresql://u@localhost/crm"], "use pg_dump"),
        (["migrate", "--db", "NOTADB"], "is not a crmdesk database"),
    ],
)
def test_known_problems_are_sentences(argv, sentence, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "NOTADB").write_text("this is a text file, not a database")
    assert main(argv) == 1
    captured = capsys.readouterr()
    assert sentence in captured.err
    assert "Traceback" not in captured.err and len(captured.err.strip().splitlines()) == 1


def test_usage_errors_exit_2(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["demo", "--customers", "0"])
    assert exc.value.code == 2
    with pytest.raises(SystemExit) as exc:
        main(["--lang", "fr", "check"])
    assert exc.value.code == 2


def test_version_as_a_process():
    result = _run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"crmdesk {__version__}"


def test_subcommands_never_import_qt(demo_db):
    code = (
        "import sys; from crmdesk.cli import main; rc = main(['check', '--db', sys.argv[1]]); "
        "print('qt loaded' if 'PySide6' in sys.modules else 'no qt'); sys.exit(rc)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(demo_db)],
        capture_output=True,
        text=True,
        env=os.environ.copy(),
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "no qt"


@pytest.fixture
def fake_gui(monkeypatch):
    calls = []
    module = types.ModuleType("crmdesk.app")

    def run_gui(db_url, lang, demo=False):
        calls.append((db_url, lang, demo))
        return 0

    module.run_gui = run_gui  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "crmdesk.app", module)
    return calls


def test_demo_flag_creates_the_demo_database_once_and_opens_it(fake_gui, capsys):
    from crmdesk import paths

    assert main(["--demo", "--lang", "en"]) == 0
    assert "Creating the demo database (first start only)" in capsys.readouterr().out
    demo_path = paths.demo_database_path("en")
    assert fake_gui == [(str(demo_path), "en", True)]
    assert len(_customers(demo_path)) == 500

    assert main(["--demo", "--lang", "en"]) == 0
    assert "Creating" not in capsys.readouterr().out
    assert len(_customers(demo_path)) == 500


def test_no_command_starts_the_app_with_the_given_database(fake_gui, tmp_path):
    assert main(["--db", str(tmp_path / "x.sqlite3"), "--lang", "zh_CN"]) == 0
    assert fake_gui == [(str(tmp_path / "x.sqlite3"), "zh_CN", False)]


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"LANG": "zh_CN.UTF-8"}, "zh_CN"),
        ({"LANG": "zh_TW.UTF-8"}, "zh_CN"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
    ],
)
def test_language_follows_the_system(env, expected, monkeypatch):
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        monkeypatch.delenv(var, raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    assert system_lang() == expected
