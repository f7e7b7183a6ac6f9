"""``crmdesk --self-test``: does this installation work, end to end?

Runs in a temporary folder, never on the user's database, settings or logs: migrates a fresh
database (and one made by the first schema revision), imports the small spreadsheet shipped in
crmdesk/resources/selftest/, exports it again, renders a chart and the main window offscreen.
Exits 0, or 1 naming the step that failed. The packaged app runs it in CI
(tools/build_and_selftest.py), so a migration, translation, icon or Qt plugin that the bundle
lost is found before a user finds it.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SHEET = ("selftest", "customers.xlsx")
SHEET_CUSTOMERS = 8  # rows in the shipped sheet (tools/make_selftest_sheet.py)
FIRST_REVISION = "0001_initial"


class SelfTestFailure(Exception):
    """A check whose answer was wrong (rather than an exception from the code under test)."""


def _check(condition: bool, message: str) -> None:
    if not condition:
        raise SelfTestFailure(message)


@dataclass
class _Run:
    folder: Path
    say: Callable[[str], None]
    db: Any = None
    ctx: Any = None
    app: Any = None
    timings: list[tuple[str, float]] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------
# The steps, in order; each gets the run and may leave things on it for the next.


def step_qt(run: _Run) -> None:
    from PySide6.QtCore import QLibraryInfo

    from crmdesk.app import create_application
    from crmdesk.qt.errors import log_qt_messages

    run.app = create_application([sys.argv[0] if sys.argv else "crmdesk"])
    log_qt_messages()
    _check(run.app.platformName() == "offscreen", f"platform is {run.app.platformName()}")
    run.say(
        f"  Qt {QLibraryInfo.version().toString()} at {QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)}"
    )


def step_resources(run: _Run) -> None:
    from PySide6.QtCore import QLibraryInfo, QTranslator
    from PySide6.QtGui import QIcon

    from crmdesk.paths import resource_path

    for name in ("crmdesk", "customers", "tickets", "pipeline"):
        icon = QIcon(str(resource_path("icons", f"{name}.svg")))
        image = icon.pixmap(32, 32).toImage()
        _check(not image.isNull(), f"the icon {name}.svg does not render (no SVG support?)")
        _check(_colours(image) > 1, f"the icon {name}.svg renders blank")
    # Translators loaded, not installed: the self-test leaves the application as it found it.
    own = QTranslator()
    folder = str(resource_path("i18n"))
    _check(own.load("crmdesk_zh_CN", folder), f"no crmdesk_zh_CN.qm in {folder}")
    text = own.translate("MainWindow", "&File")
    _check(text == "文件(&F)", f"'&File' translates to {text!r}")
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_own = QTranslator()
    _check(
        qt_own.load("qtbase_zh_CN", qt_folder) or qt_own.load("qt_zh_CN", qt_folder),
        f"no Qt translation for zh_CN in {qt_folder}",
    )
    _check(resource_path(*SHEET).is_file(), f"{resource_path(*SHEET)} is missing")


def step_migrate(run: _Run) -> None:
    from crmdesk import db as dbmod

    engine = dbmod.create_db_engine(str(run.folder / "fresh.sqlite3"))
    try:
        result = dbmod.migrate_to_head(engine)
        _check(result.to_revision == dbmod.head_revision(), "not at the newest schema")
        _check(dbmod.integrity_check(engine) == "ok", "integrity check failed")
    finally:
        dbmod.dispose_quietly(engine)
    run.say(f"  schema {result.to_revision}")


def step_upgrade(run: _Run) -> None:
    """A database made by the first release is upgraded, with a backup taken first."""
    from alembic import command

    from crmdesk import db as dbmod

    engine = dbmod.create_db_engine(str(run.folder / "old.sqlite3"))
    try:
        with engine.begin() as conn:
            cfg = dbmod.alembic_config()
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, FIRST_REVISION)
        _check(dbmod.current_revision(engine) == FIRST_REVISION, "could not make an old database")
        result = dbmod.migrate_to_head(engine)
        _check(dbmod.current_revision(engine) == dbmod.head_revision(), "upgrade did not finish")
        _check(result.backup is not None and result.backup.exists(), "no backup before upgrade")
    finally:
        dbmod.dispose_quietly(engine)
    run.say(f"  {FIRST_REVISION} → {result.to_revision}")


def step_import(run: _Run) -> None:
    from crmdesk.paths import resource_path
    from crmdesk.services import Database
    from crmdesk.services import customers as cs
    from crmdesk.services.dto import CustomerQuery
    from crmdesk.services.importing import engine

    run.db = Database.open(str(run.folder / "fresh.sqlite3"))
    run.db.sign_in()
    result = engine.run_import(run.db, resource_path(*SHEET), engine.ImportOptions())
    created = result.counts["create"]
    _check(created == SHEET_CUSTOMERS, f"{created} customers created, not {SHEET_CUSTOMERS}")
    _check(not result.rejected, f"rows rejected: {[r.reason for r in result.rejected]}")
    count = cs.count_customers(run.db, CustomerQuery()).count
    _check(count == SHEET_CUSTOMERS, f"{count} customers in the database")


def step_export(run: _Run) -> None:
    from openpyxl import load_workbook

    from crmdesk.services import exporting

    out = run.folder / "export.xlsx"
    result = exporting.export_customers(run.db, out, lang="zh_CN")
    _check(result.rows == SHEET_CUSTOMERS, f"{result.rows} rows exported")
    wb = load_workbook(out, read_only=True)
    try:
        cells = {str(v) for row in wb.active.iter_rows(min_row=2, values_only=True) for v in row}
    finally:
        wb.close()
    _check("上海青禾贸易有限公司" in cells, "a customer's name is not in the export")
    _check("zhangwei@qinghe.example" in cells, "a contact's email is not in the export")


def step_report(run: _Run) -> None:
    """The manager report: the dashboard's figures and native Excel charts (openpyxl.chart)."""
    import datetime as dt

    from openpyxl import load_workbook

    from crmdesk.services.dashboard import dashboard_people, make_scope
    from crmdesk.services.dashboard_scope import period_dates
    from crmdesk.services.exporting.report import write_report

    start, end = period_dates("last12", dt.date.today())
    scope = make_scope(dashboard_people(run.db), start, end)
    out = run.folder / "report.xlsx"
    write_report(run.db, scope, out, lang="zh_CN")
    wb = load_workbook(out)
    try:
        charts = sum(len(ws._charts) for ws in wb.worksheets)  # noqa: SLF001 - openpyxl keeps them there
    finally:
        wb.close()
    _check(charts > 0, "the report has no chart")
    _check(len(wb.worksheets) >= 5, f"the report has {len(wb.worksheets)} sheets")


def step_chart(run: _Run) -> None:
    import pyqtgraph as pg

    plot = pg.PlotWidget()
    plot.resize(400, 300)
    plot.addItem(pg.BarGraphItem(x=[1, 2, 3], height=[3, 5, 2], width=0.6, brush="#3b6ea8"))
    plot.show()
    run.app.processEvents()
    image = plot.grab().toImage()
    plot.close()
    plot.deleteLater()
    _check(not image.isNull() and _colours(image) > 2, "the chart rendered blank")


def step_window(run: _Run) -> None:
    from crmdesk.app import build_main_window
    from crmdesk.qt.context import AppContext
    from crmdesk.qt.settings import Settings

    run.ctx = AppContext.create(run.db)
    window = build_main_window(run.ctx, Settings())
    try:
        window.resize(1200, 800)
        window.show()
        run.app.processEvents()
        rows = window.customers.model.rowCount()
        _check(rows == SHEET_CUSTOMERS, f"the customer list shows {rows} rows")
        image = window.grab().toImage()
        _check(not image.isNull() and _colours(image) > 4, "the main window rendered blank")
        # Every page of the main window must open too.
        for row in range(window.nav.count()):
            window.show_page(row)
            run.app.processEvents()
        run.ctx.tasks.wait_idle(30_000)
    finally:
        window.close()
        window.deleteLater()
        run.app.processEvents()


STEPS: tuple[tuple[str, Callable[[_Run], None]], ...] = (
    ("start Qt", step_qt),
    ("resources", step_resources),
    ("migrate", step_migrate),
    ("upgrade from the first schema", step_upgrade),
    ("import", step_import),
    ("export", step_export),
    ("report", step_report),
    ("chart", step_chart),
    ("main window", step_window),
)


def _colours(image: Any, samples: int = 24) -> int:
    """How many different colours a grid of samples finds: 1 means a blank picture."""
    w, h = image.width(), image.height()
    return len(
        {
            image.pixel(x * (w - 1) // samples, y * (h - 1) // samples)
            for x in range(samples + 1)
            for y in range(samples + 1)
        }
    )


def _isolate(folder: Path) -> dict[str, str | None]:
    """Point every folder crmdesk writes to into ``folder``; returns what to put back."""
    names = {
        "CRMDESK_DATA_DIR": folder / "data",
        "CRMDESK_BACKUP_DIR": folder / "backups",
        "CRMDESK_LOG_DIR": folder / "logs",
        "CRMDESK_SETTINGS_DIR": folder / "settings",
    }
    saved = {name: os.environ.get(name) for name in [*names, "QT_QPA_PLATFORM", "QT_LOGGING_RULES"]}
    for name, path in names.items():
        os.environ[name] = str(path)
    os.environ.pop("CRMDESK_DATABASE_URL", None)
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    # The offscreen platform's notes about what it cannot do are not findings.
    os.environ["QT_LOGGING_RULES"] = "qt.qpa.*=false"
    return saved


def run_self_test(say: Callable[[str], None] | None = None) -> int:
    """Run every step; 0 when all passed, else 1 after naming the failed step."""
    out = say or _print
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="crmdesk-selftest-") as tmp:
        saved = _isolate(Path(tmp))
        run = _Run(Path(tmp), out)
        failed: str | None = None
        try:
            for name, step in STEPS:
                t0 = time.perf_counter()
                try:
                    step(run)
                except Exception as exc:  # noqa: BLE001 - the report names the step
                    failed = name
                    detail = str(exc) if isinstance(exc, SelfTestFailure) else repr(exc)
                    out(f"FAILED {name}: {detail}")
                    if not isinstance(exc, SelfTestFailure):
                        out(traceback.format_exc().rstrip())
                    break
                run.timings.append((name, time.perf_counter() - t0))
                out(f"ok     {name} ({time.perf_counter() - t0:.2f} s)")
        finally:
            if run.ctx is not None:
                run.ctx.close()
            if run.db is not None:
                run.db.close()
            for name, value in saved.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value
    total = time.perf_counter() - started
    if failed is not None:
        out(f"self-test FAILED at step '{failed}' after {total:.1f} s")
        return 1
    out(f"self-test passed: {len(STEPS)} steps in {total:.1f} s")
    return 0


def _print(text: str) -> None:
    # A windowed app on Windows has no stdout; the log has the result all the same.
    import logging

    logging.getLogger("crmdesk.selftest").info(text)
    if sys.stdout is not None:
        print(text, flush=True)
