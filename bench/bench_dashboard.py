"""How the dashboard holds up with a million of everything: the figures, the charts, the report.

    .venv/bin/python bench/bench_dashboard.py [--db PATH] [--runs 3] [--no-view] [--no-report]

The database is the dashboard benchmark's (bench/dashboard_data.py, ``ensure_dashboard_db``:
1,000,000 customers, 5,000,000 interactions, 1,000,000 deals, orders and tickets over three
years; built once, about 4 GB, cached under /tmp/crmdesk-bench/). The moment it was generated is
the clock of every measurement (``db._clock``), so "this year" is always the same year of data.
The scopes are everybody's, in the office's time zone and currency
(``make_scope(dashboard_people(db), *period_dates(kind, now.date()))``).

Each figure is printed next to a baseline measured in the same run: plain sqlite3 opening the
file read-only and running ``SELECT count(*), sum(amount) FROM deal`` (one pass over a
million-row table). Measured (median of ``--runs`` after one untimed compute that brings the
file into the OS cache):

- the figures: each part of ``services.dashboard.PARTS`` alone, and ``compute(db, scope,
  workers=2)`` (every figure, the parts on two threads as the screen runs them), for this year,
  this quarter and this month. Target: the year's figures < 1.5 s (the parts of the year are
  held to it too); the quarter and the month are shown, with their verdict in parentheses, and
  do not decide the result. The SQL statements that took longer than 100 ms in one compute of
  the year are listed with the part that sent them (a cursor-execute listener on the engine;
  on SQLite an aggregate's work happens before its first row, so the time is the statement's);
- the charts (unless ``--no-view``), offscreen: a real ``DashboardPage`` is built on the same
  database with its ``refresh`` disabled (it never computes), given the year's figures, and
  each of its chart widgets is replaced by a new top-level widget of the same class, sized
  640x320 and shown, so the page's own ``_show_chart`` (which calls ``set_data`` exactly as the
  screen does, ``set_line`` for the growth, the ranking through ``_show_ranking``, by rep and by
  team) draws into a widget that is fully on screen. Timed: ``_show_chart`` + processing the
  posted events + ``repaint()`` (a synchronous paint of the widget and its plot) + processing
  events again. Each run starts from the busy state the page sets before new figures arrive;
  one untimed draw per chart comes first (fonts, pyqtgraph's first items). Target: < 50 ms a
  chart;
- the Excel report (unless ``--no-report``): ``write_report(db, scope, path, lang="zh_CN")`` for
  the year into a temporary folder, once computing the figures itself (the command-line path;
  ``max(1, runs // 2)`` runs, as it is mostly the compute timed above) and once given the
  precomputed figures (the dashboard's path: only writing; median of ``--runs``). Target: < 5 s.

The last line is ``RESULT: PASS`` or ``RESULT: FAIL`` (exit status 1). The load average of the
machine is printed at the start and the end: another process working meanwhile shows there.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import sqlite3
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

from common import median, ms, table, timed, verdict  # noqa: E402
from dashboard_data import ensure_dashboard_db  # noqa: E402

from crmdesk.services import Database  # noqa: E402
from crmdesk.services.dashboard import (  # noqa: E402
    PARTS,
    Figures,
    compute,
    dashboard_people,
    make_scope,
)
from crmdesk.services.dashboard_scope import Scope, period_dates  # noqa: E402

FIGURES_TARGET = 1.5
CHART_TARGET = 0.05
REPORT_TARGET = 5.0
SLOW_STATEMENT = 0.1
KINDS = ("year", "quarter", "month")
CHART_SIZE = (640, 320)


def open_db(path: Path, now: dt.datetime) -> Database:
    db = Database.open(str(path), migrate=False)
    db._clock = lambda: now
    return db


def baseline(path: Path, runs: int) -> float:
    """Open the file read-only with plain sqlite3 and add up the deals (one pass over them)."""

    def once() -> None:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        con.execute("SELECT count(*), sum(amount) FROM deal").fetchall()
        con.close()

    once()  # the table in the OS cache, as for everything measured after it
    return median([timed(once) for _ in range(runs)])


def scope_of(db: Database, kind: str, now: dt.datetime) -> Scope:
    start, end = period_dates(kind, now.date())
    return make_scope(dashboard_people(db), start, end)


# ---------------------------------------------------------------------------------------------
# The figures


class SlowStatements:
    """Statements slower than ``SLOW_STATEMENT`` on ``db.engine`` while attached, with the part
    (found on the calling stack) that sent them."""

    def __init__(self, db: Database) -> None:
        self.engine = db.engine
        self.slow: list[tuple[float, str, str]] = []
        self.count = 0
        self._lock = threading.Lock()
        self._parts = {fn.__code__: name for name, fn in PARTS.items()}

    def _part(self) -> str:
        frame = sys._getframe(2)
        while frame is not None:
            name = self._parts.get(frame.f_code)
            if name is not None:
                return name
            frame = frame.f_back  # type: ignore[assignment]
        return "?"

    def before(self, conn: Any, _cursor: Any, _stmt: str, *_args: Any) -> None:  # noqa: ANN401
        conn.info.setdefault("bench_started", []).append(time.perf_counter())

    def after(self, conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:  # noqa: ANN401
        elapsed = time.perf_counter() - conn.info["bench_started"].pop()
        with self._lock:
            self.count += 1
            if elapsed > SLOW_STATEMENT:
                text = re.sub(r"\s+", " ", statement).strip()
                self.slow.append((elapsed, self._part(), text[:120]))

    def __enter__(self) -> SlowStatements:
        from sqlalchemy import event

        event.listen(self.engine, "before_cursor_execute", self.before)
        event.listen(self.engine, "after_cursor_execute", self.after)
        return self

    def __exit__(self, *_exc: object) -> None:
        from sqlalchemy import event

        event.remove(self.engine, "before_cursor_execute", self.before)
        event.remove(self.engine, "after_cursor_execute", self.after)


def bench_figures(
    db: Database, now: dt.datetime, runs: int
) -> tuple[dict[str, dict[str, float]], Figures, SlowStatements]:
    """Per kind of period: each part alone and the whole compute (medians); the year's
    figures; the slow statements of the year's last compute."""
    out: dict[str, dict[str, float]] = {}
    year = scope_of(db, "year", now)
    print("warming up: one compute of the year…", flush=True)
    started = time.perf_counter()
    figures = compute(db, year, workers=2)
    print(f"  {time.perf_counter() - started:.1f} s", flush=True)
    trace = SlowStatements(db)
    for kind in KINDS:
        scope = year if kind == "year" else scope_of(db, kind, now)
        print(f"{kind} {scope.start} – {scope.end}:", flush=True)
        times: dict[str, float] = {}
        for name, fn in PARTS.items():
            t = median([timed(lambda fn=fn, sc=scope: fn(db, sc)) for _ in range(runs)])
            times[name] = t
            print(f"  {name:10s} {ms(t)}", flush=True)
        totals = []
        for run in range(runs):
            if kind == "year" and run == runs - 1:
                with trace:
                    totals.append(timed(lambda sc=scope: compute(db, sc, workers=2)))
            else:
                totals.append(timed(lambda sc=scope: compute(db, sc, workers=2)))
        times["all"] = median(totals)
        print(f"  {'all':10s} {ms(times['all'])}", flush=True)
        out[kind] = times
    return out, figures, trace


# ---------------------------------------------------------------------------------------------
# The charts


def bench_view(
    path: Path, now: dt.datetime, figures: Figures, runs: int
) -> list[tuple[str, float]]:
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    from crmdesk.qt.context import AppContext
    from crmdesk.qt.settings import Settings
    from crmdesk.views.dashboard import DashboardPage
    from crmdesk.views.dashboard_bars import BarChart

    def quiet(_kind: object, _context: object, message: str) -> None:
        # The offscreen platform says so on every top-level window shown.
        if "propagateSizeHints" not in message:
            print(message, file=sys.stderr)

    qInstallMessageHandler(quiet)
    os.environ["CRMDESK_SETTINGS_DIR"] = tempfile.mkdtemp(prefix="crmdesk-bench-settings-")
    app = QApplication.instance() or QApplication([])
    db = open_db(path, now)
    ctx = AppContext.create(db)
    page = DashboardPage(ctx, Settings())
    page.refresh = lambda: None  # type: ignore[method-assign] # it must never compute here
    ctx.tasks.wait_idle(60_000)  # the people (teams, users) arrive; refresh does nothing
    app.processEvents()
    if page.people is None:
        raise RuntimeError("the dashboard's people did not load")
    page.scope = figures.scope
    page.figures = figures

    # The page's charts, each replaced by a top-level widget of the same kind and title.
    shown: dict[str, Any] = {}
    for key, old in list(page.charts.items()):
        kwargs = {"orientation": "h"} if key == "ranking" else {}
        widget = type(old)(old.title(), None, **kwargs)
        assert not kwargs or isinstance(widget, BarChart)
        widget.resize(*CHART_SIZE)
        widget.show()
        page.charts[key] = widget
        shown[key] = widget
    app.processEvents()

    def draw(key: str) -> float:
        widget = shown[key]
        widget.set_busy(True)  # as refresh() leaves it before the figures arrive
        app.processEvents()
        started = time.perf_counter()
        page._show_chart(figures.charts[key])
        app.processEvents()
        widget.repaint()
        app.processEvents()
        return time.perf_counter() - started

    out: list[tuple[str, float]] = []
    cases: list[tuple[str, str, int]] = [(key, key, 0) for key in figures.charts]
    cases.append(("ranking, by team", "ranking", 1))
    for name, key, group in cases:
        page.ranking_group.blockSignals(True)
        page.ranking_group.setCurrentIndex(group)
        page.ranking_group.blockSignals(False)
        if name == "ranking":
            name = "ranking, by rep"
        draw(key)  # untimed: the first items of their kind, fonts
        out.append((name, median([draw(key) for _ in range(runs)])))
    empty = [key for key, w in shown.items() if key in figures.charts and w.is_empty()]
    if empty:
        print(f"(charts left empty: {', '.join(empty)})")
    for widget in shown.values():
        widget.close()
        widget.deleteLater()
    page.close()
    page.deleteLater()
    ctx.tasks.wait_idle(60_000)
    ctx.close()
    db.close()
    app.processEvents()
    return out


# ---------------------------------------------------------------------------------------------
# The report


def bench_report(db: Database, figures: Figures, runs: int) -> dict[str, tuple[float, int]]:
    from crmdesk.services.exporting.report import write_report

    scope = figures.scope
    out: dict[str, tuple[float, int]] = {}
    with tempfile.TemporaryDirectory(prefix="crmdesk-bench-report-") as folder:
        target = Path(folder) / "report.xlsx"

        def write(given: Figures | None) -> Callable[[], object]:
            return lambda: write_report(db, scope, target, lang="zh_CN", figures=given)

        t = median([timed(write(None)) for _ in range(max(1, runs // 2))])
        out["computed"] = (t, target.stat().st_size)
        t = median([timed(write(figures)) for _ in range(runs)])
        out["given"] = (t, target.stat().st_size)
    return out


# ---------------------------------------------------------------------------------------------


def _load() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "?"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="the dashboard database (built if missing)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-view", action="store_true", help="skip drawing the charts")
    parser.add_argument("--no-report", action="store_true", help="skip the Excel report")
    args = parser.parse_args()
    runs = max(1, args.runs)

    path, now = ensure_dashboard_db(args.db)
    print(f"load average at the start: {_load()} ({os.cpu_count()} CPUs)")
    base = baseline(path, runs)
    print(
        f"\n{path} ({path.stat().st_size / 1e6:,.0f} MB); clock: {now:%Y-%m-%d %H:%M} UTC; "
        f"{runs} runs"
    )
    print(f"baseline: plain sqlite3, open read-only + count/sum the deals: {ms(base).strip()}\n")

    db = open_db(path, now)
    figures_times, figures, trace = bench_figures(db, now, runs)
    report = None if args.no_report else bench_report(db, figures, runs)
    db.close()
    charts = None if args.no_view else bench_view(path, now, figures, runs)

    def row(what: str, seconds: float, target: float, counted: bool = True) -> tuple[str, ...]:
        ok = verdict(seconds < target)
        return (
            what,
            ms(seconds),
            f"{seconds / base:8.1f}x",
            f"< {target * 1000:.0f} ms",
            ok if counted else f"({ok})",
        )

    failed = False
    rows: list[tuple[str, ...]] = [("measure", "time", "vs baseline", "target", "")]
    for kind in KINDS:
        counted = kind == "year"
        for name, t in figures_times[kind].items():
            what = f"figures, {kind}: " + ("all (compute, 2 workers)" if name == "all" else name)
            rows.append(row(what, t, FIGURES_TARGET, counted))
            failed = failed or (counted and t >= FIGURES_TARGET)
    for name, t in charts or ():
        rows.append(row(f"chart, year: {name}", t, CHART_TARGET))
        failed = failed or t >= CHART_TARGET
    if report is not None:
        for key, what in (
            ("computed", "report, year: figures computed inside (CLI)"),
            ("given", "report, year: figures given (dashboard)"),
        ):
            t, _size = report[key]
            rows.append(row(what, t, REPORT_TARGET))
            failed = failed or t >= REPORT_TARGET
    table(rows)

    print(
        f"\nstatements over {SLOW_STATEMENT * 1000:.0f} ms in one compute of the year "
        f"({len(trace.slow)} of {trace.count}, slowest first; two parts run at a time):"
    )
    for elapsed, part, text in sorted(trace.slow, reverse=True):
        print(f"  {ms(elapsed)}  {part:9s} {text}")
    if report is not None:
        print(f"\nreport: {report['given'][1] / 1e3:,.0f} kB")
    print(f"load average at the end: {_load()}")
    print("\nRESULT:", "FAIL" if failed else "PASS")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
