"""Start-up on a database at the current schema: the window paints its list from the quick look
while the database layer opens on a worker, then everything works as on any start."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from crmdesk import app as crm_app
from crmdesk.errors import DatabaseError
from crmdesk.qt.context import AppContext
from crmdesk.qt.settings import Settings
from crmdesk.services import Database, lookups
from crmdesk.services import core as core_service
from crmdesk.services.demo import generate_demo

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def office(sqlite_db: Database) -> str:
    generate_demo(sqlite_db, "en", customers=60)
    url = sqlite_db.engine.url.database
    assert url
    return url


@pytest.fixture
def started(qapp, office: str) -> Iterator[AppContext]:  # noqa: ANN001
    ctx = crm_app.open_context(office)
    yield ctx
    ctx.tasks.wait_idle(2_000)
    ctx.close()


def test_the_list_paints_before_the_database_layer_is_loaded(office: str, tmp_path: Path) -> None:
    # A fresh interpreter, as a launch is: SQLAlchemy must not be imported until the list has
    # painted with rows, and the database opens after that.
    script = textwrap.dedent(
        """
        import json, sys
        from PySide6.QtCore import QTimer
        from crmdesk import app as crm_app
        from crmdesk.qt.settings import Settings

        qapp = crm_app.create_application(sys.argv[:1])
        ctx = crm_app.open_context(sys.argv[1])
        window = crm_app.build_main_window(ctx, Settings())
        crm_app.show_main_window(window)
        qapp.processEvents()
        window.repaint()
        seen = {
            "rows": window.customers.model.rowCount(),
            "count": window.customers.count_label.text(),
            "user": window.user_label.text(),
            "sqlalchemy_at_paint": "sqlalchemy" in sys.modules,
            "ready_at_paint": ctx.ready,
        }

        def opened():
            seen["ready_later"] = ctx.ready
            seen["owners"] = window.customers.filters.owner_combo.count()
            print(json.dumps(seen), flush=True)
            qapp.quit()

        ctx.when_ready(opened)
        QTimer.singleShot(20_000, qapp.quit)
        qapp.exec()
        ctx.close()
        """
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", script, office],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["rows"] == 60
    assert seen["count"] == "60 customers"
    assert "admin" in seen["user"].lower() or "Signed in as" in seen["user"]
    assert seen["sqlalchemy_at_paint"] is False
    assert seen["ready_at_paint"] is False
    assert seen["ready_later"] is True
    assert seen["owners"] > 3  # the users arrived with the database: Any, Mine, No owner + users


def test_once_open_the_filters_status_and_later_pages_work(
    started: AppContext, office: str, qtbot
) -> None:  # noqa: ANN001
    ctx = started
    window = crm_app.build_main_window(ctx, Settings())
    qtbot.addWidget(window)
    assert not ctx.ready
    view = window.customers
    assert view.model.rowCount() == 60
    assert view.filters.tag_combo.count() == 1  # tags come with the database layer
    assert "Signed in as" in window.user_label.text()
    window.show()
    ctx.start_opening()  # as show_main_window does once the list has painted
    qtbot.waitUntil(lambda: ctx.ready, timeout=20_000)
    tags = lookups.list_tags(ctx.db)
    assert view.filters.tag_combo.count() == len(tags) + 1
    assert window.db_label.text().endswith(Path(office).name)
    # A filter now reads through the services.
    view.filters.set_tier("A")
    view.apply_query()
    assert 0 < view.model.rowCount() < 60
    assert {view.model.row_data(i).tier for i in range(view.model.rowCount())} == {"A"}


def test_a_search_typed_before_the_database_is_open_waits_for_it(
    started: AppContext, qtbot
) -> None:  # noqa: ANN001
    ctx = started
    window = crm_app.build_main_window(ctx, Settings())
    qtbot.addWidget(window)
    name = window.customers.model.row_data(5).name
    window.customers.search.setText(name)
    window.customers.apply_query()  # Enter: reads at once, so waits for the database
    assert ctx.ready
    assert window.customers.model.row_data(0).name == name


def test_closing_before_the_database_opened_does_not_hang(started: AppContext, qtbot) -> None:  # noqa: ANN001
    ctx = started
    window = crm_app.build_main_window(ctx, Settings())
    qtbot.addWidget(window)
    # A worker waiting for the database (as the exact count of a big list does) while the
    # window closes before the opening began: it is told, and closing returns.
    answers: list[object] = []
    ctx.tasks.submit(lambda: ctx.db, answers.append, answers.append)
    closer = threading.Thread(target=ctx.close)
    closer.start()
    closer.join(10)
    assert not closer.is_alive()


def test_a_database_that_cannot_be_opened_after_all_is_said(
    started: AppContext,
    qtbot,
    monkeypatch,  # noqa: ANN001
) -> None:
    ctx = started

    def refuse(*_args: object, **_kwargs: object) -> Database:
        raise DatabaseError("The database cannot be read: {reason}", reason="disk I/O error")

    monkeypatch.setattr(core_service.Database, "open", classmethod(lambda cls, *a, **k: refuse()))
    failures: list[BaseException] = []
    ctx.when_failed(failures.append)
    ctx.start_opening()
    qtbot.waitUntil(lambda: bool(failures), timeout=20_000)
    assert isinstance(failures[0], DatabaseError)
    assert not ctx.ready
    with pytest.raises(DatabaseError):
        ctx.db  # noqa: B018


def test_a_new_database_opens_the_normal_way_at_once(qapp, tmp_path: Path) -> None:  # noqa: ANN001
    ctx = crm_app.open_context(str(tmp_path / "new.sqlite3"))
    try:
        assert ctx.ready and ctx.quick is None
        assert ctx.user is not None
    finally:
        ctx.close()


def test_the_real_launch_shows_an_error_when_the_opening_fails(
    office: str,
    qtbot,
    monkeypatch,  # noqa: ANN001
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(sys, "unraisablehook", sys.unraisablehook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    shown: list[str] = []
    monkeypatch.setattr("crmdesk.qt.errors.show_error", lambda _parent, exc: shown.append(str(exc)))
    monkeypatch.setattr(
        core_service.Database,
        "open",
        classmethod(
            lambda cls, *a, **k: (_ for _ in ()).throw(
                DatabaseError("The database cannot be read: {reason}", reason="locked")
            )
        ),
    )
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: QMessageBox.StandardButton.Ok)
    code = crm_app.run_gui(office, "en")
    assert code == 1
    assert shown and "locked" in shown[0]
