"""How the customer list feels on a big database: open, type a search, jump to the end, memory.

    .venv/bin/python bench/bench_customer_list.py [--customers 1000000] [--db PATH] [--runs 5]

Builds (once, cached under /tmp/crmdesk-bench/) a SQLite database of N generated customers, then
measures with the services API and with the list's item model (CustomerTableModel), and prints
each figure next to a baseline measured in the same run: plain sqlite3 opening the same file and
reading one page of 100 customers in name order. Targets: first page < 0.3 s, search median
< 100 ms, last row < 0.3 s, memory added by the list < 100 MB.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import sqlite3
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

from common import ensure_db, median, ms, p90, rss_mb, table, timed, verdict  # noqa: E402

from crmdesk.services import Database  # noqa: E402
from crmdesk.services import customers as cs  # noqa: E402
from crmdesk.services.dto import CustomerQuery  # noqa: E402

FIRST_PAGE_TARGET = 0.3
SEARCH_TARGET = 0.1
LAST_ROW_TARGET = 0.3
MEMORY_TARGET_MB = 100
VISIBLE_ROWS = 40  # what a maximised window shows
COUNT_CAP = 10_000


def baseline(path: Path, runs: int) -> float:
    """Open the file with plain sqlite3 and read the first 100 customers in name order."""

    def once() -> None:
        con = sqlite3.connect(str(path))
        con.execute(
            "SELECT id, code, name, city, tier, stage FROM customer WHERE deleted_at IS NULL "
            "ORDER BY name, id LIMIT 100"
        ).fetchall()
        con.close()

    once()  # the file in the OS cache, as for everything measured after it
    return median([timed(once) for _ in range(runs)])


def sample_queries(path: Path, seed: int = 7) -> list[tuple[str, str]]:
    """Chinese 2- and 3-character terms, emails and phone fragments taken from the data."""
    rng = random.Random(seed)
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        top = con.execute("SELECT max(id) FROM contact").fetchone()[0] or 0
        contacts = []
        for _ in range(40):
            row = con.execute(
                "SELECT phone, email FROM contact WHERE id >= ? ORDER BY id LIMIT 1",
                (rng.randint(1, max(top, 1)),),
            ).fetchone()
            if row:
                contacts.append(row)
    finally:
        con.close()
    queries = [("cjk-2", q) for q in ("张伟", "王芳", "科技", "李娜", "北京", "贸易")]
    queries += [("cjk-3", q) for q in ("恒通信", "张伟明", "华为技", "有限公", "深圳市")]
    # What a keystroke sends while 恒通信息 and 王芳 are being typed.
    queries += [("typing", q) for q in ("恒", "恒通", "恒通信", "恒通信息", "王", "王芳")]
    emails = [e for _, e in contacts if e][:6]
    queries += [("email", e) for e in emails]
    queries += [("email-part", e.split("@")[0][:6]) for e in emails[:3]]
    phones = ["".join(ch for ch in (p or "") if ch.isdigit()) for p, _ in contacts]
    phones = [p for p in phones if len(p) >= 11]
    for i, digits in enumerate(phones[:10]):
        n = 4 + i % 4  # 4 to 7 digits
        start = rng.randint(0, len(digits) - n)
        queries.append(("phone", digits[start : start + n]))
    queries += [("latin", q) for q in ("qq.com", "zhang", "tech")]
    return queries


def bench_services(path: Path, runs: int, queries: list[tuple[str, str]]) -> dict[str, object]:
    out: dict[str, object] = {}

    def open_first_page() -> None:
        db = Database.open(str(path))
        q = CustomerQuery()
        cs.count_customers(db, q, cap=COUNT_CAP)
        cs.list_customers(db, q, 0, 100)
        db.close()

    open_first_page()
    out["open"] = median([timed(open_first_page) for _ in range(runs)])

    db = Database.open(str(path))
    per_kind: dict[str, list[float]] = {}
    times: list[float] = []
    worst: list[tuple[float, str]] = []
    for kind, text in queries:
        q = CustomerQuery(text=text)

        def search(q: CustomerQuery = q) -> None:
            cs.count_customers(db, q, cap=COUNT_CAP)
            cs.list_customers(db, q, 0, 100)

        t = median([timed(search) for _ in range(3)])
        times.append(t)
        per_kind.setdefault(kind, []).append(t)
        worst.append((t, text))
    out["search"] = times
    out["search_kinds"] = per_kind
    out["search_worst"] = sorted(worst, reverse=True)[:5]

    total = cs.count_customers(db, CustomerQuery()).count
    out["total"] = total
    last_times = []
    for sort, desc in (("name", False), ("city", True), ("created_at", False)):
        q = CustomerQuery(sort=sort, descending=desc)
        last_times.append(
            timed(lambda q=q: cs.list_customers(db, q, total - 100, 100, total=total))
        )
    out["last"] = max(last_times)
    db.close()
    return out


def bench_model(path: Path, runs: int, queries: list[tuple[str, str]]) -> dict[str, object] | None:
    try:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QApplication

        from crmdesk.qt.context import AppContext
        from crmdesk.qt.customer_model import CustomerTableModel
    except ImportError as exc:
        print(f"(skipping the item-model part: {exc})")
        return None
    app = QApplication.instance() or QApplication([])
    out: dict[str, object] = {}

    def visible(model: CustomerTableModel, first: int = 0) -> None:
        last = min(model.rowCount(), first + VISIBLE_ROWS)
        for row in range(first, last):
            for col in range(model.columnCount()):
                idx = model.index(row, col)
                model.data(idx, Qt.ItemDataRole.DisplayRole)
                model.data(idx, Qt.ItemDataRole.DecorationRole)

    def open_first_page() -> None:
        db = Database.open(str(path))
        db.sign_in("bench")
        ctx = AppContext.create(db)
        model = CustomerTableModel(ctx)
        model.set_query(CustomerQuery())
        visible(model)
        assert model.rowCount() > 0
        ctx.tasks.wait_idle(120_000)
        ctx.close()
        db.close()

    # Opening is timed up to the visible rows; the exact count that follows runs in the
    # background and is waited for outside the timed part.
    def timed_open() -> float:
        import time

        db_t0 = time.perf_counter()
        db = Database.open(str(path))
        db.sign_in("bench")
        ctx = AppContext.create(db)
        model = CustomerTableModel(ctx)
        model.set_query(CustomerQuery())
        visible(model)
        elapsed = time.perf_counter() - db_t0
        ctx.tasks.wait_idle(120_000)
        ctx.close()
        db.close()
        return elapsed

    open_first_page()
    out["open"] = median([timed_open() for _ in range(runs)])

    gc.collect()
    db = Database.open(str(path))
    db.sign_in("bench")
    ctx = AppContext.create(db)
    app.processEvents()
    rss_before = rss_mb()
    model = CustomerTableModel(ctx)
    times = []
    for _kind, text in queries:
        q = CustomerQuery(text=text)

        def search(q: CustomerQuery = q) -> None:
            model.set_query(q)
            visible(model)

        times.append(median([timed(search) for _ in range(3)]))
        ctx.tasks.wait_idle(120_000)
    out["search"] = times

    model.set_query(CustomerQuery())
    ctx.tasks.wait_idle(300_000)  # the exact count of a million rows comes in the background
    n = model.rowCount()
    out["rows"] = n
    out["last"] = timed(lambda: visible(model, max(0, n - VISIBLE_ROWS)))
    # Scroll around like a user dragging the scroll bar: memory must stay bounded.
    rng = random.Random(3)
    for _ in range(300):
        visible(model, rng.randrange(max(1, n - VISIBLE_ROWS)))
    gc.collect()
    out["memory"] = rss_mb() - rss_before
    out["pages"] = model.pages_in_memory
    # What of that is the model's own Python objects (the rest is mostly SQLite's page cache,
    # PRAGMA cache_size in crmdesk/db.py, per connection): a fresh model, traced.
    import tracemalloc

    tracemalloc.start()
    fresh = CustomerTableModel(ctx, live=False)
    fresh.set_query(CustomerQuery())
    ctx.tasks.wait_idle(300_000)
    for _ in range(300):
        visible(fresh, rng.randrange(max(1, fresh.rowCount() - VISIBLE_ROWS)))
    gc.collect()
    out["python_heap"] = tracemalloc.get_traced_memory()[0] / 1e6
    tracemalloc.stop()
    with db.engine.connect() as conn:
        out["sqlite_cache"] = conn.exec_driver_sql("PRAGMA cache_size").scalar()
    ctx.tasks.wait_idle(60_000)
    ctx.close()
    db.close()
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, help="a SQLite file to use (built if missing)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    path = ensure_db(args.customers, args.db)
    base = baseline(path, args.runs)
    queries = sample_queries(path)
    print(f"\n{args.customers:,} customers in {path} ({path.stat().st_size / 1e6:,.0f} MB)")
    print(f"baseline: plain sqlite3, open + first 100 rows by name: {ms(base).strip()}\n")

    svc = bench_services(path, args.runs, queries)
    model = bench_model(path, args.runs, queries)

    def row(what: str, seconds: float, target: float) -> tuple[str, ...]:
        return (
            what,
            ms(seconds),
            f"{seconds / base:7.1f}x",
            f"< {target * 1000:.0f} ms",
            verdict(seconds < target),
        )

    rows: list[tuple[str, ...]] = [("measure", "time", "vs baseline", "target", "")]
    s_times: list[float] = svc["search"]  # type: ignore[assignment]
    rows.append(row("services: open -> first page", svc["open"], FIRST_PAGE_TARGET))  # type: ignore[arg-type]
    rows.append(row("services: search median", median(s_times), SEARCH_TARGET))
    rows.append(("services: search p90", ms(p90(s_times)), f"{p90(s_times) / base:7.1f}x", "", ""))
    rows.append(row("services: last page (worst sort)", svc["last"], LAST_ROW_TARGET))  # type: ignore[arg-type]
    failed = not (
        svc["open"] < FIRST_PAGE_TARGET  # type: ignore[operator]
        and median(s_times) < SEARCH_TARGET
        and svc["last"] < LAST_ROW_TARGET  # type: ignore[operator]
    )
    if model is not None:
        m_times: list[float] = model["search"]  # type: ignore[assignment]
        rows.append(row("model: open -> visible rows", model["open"], FIRST_PAGE_TARGET))  # type: ignore[arg-type]
        rows.append(row("model: search median", median(m_times), SEARCH_TARGET))
        rows.append(("model: search p90", ms(p90(m_times)), f"{p90(m_times) / base:7.1f}x", "", ""))
        rows.append(row("model: jump to last row", model["last"], LAST_ROW_TARGET))  # type: ignore[arg-type]
        mem = model["memory"]
        rows.append(
            (
                "model: memory added",
                f"{mem:8.1f} MB",
                "",
                f"< {MEMORY_TARGET_MB} MB",
                verdict(mem < MEMORY_TARGET_MB),
            )
        )  # type: ignore[operator]
        cache = model["sqlite_cache"]
        cache_mb = -cache / 1000 if cache < 0 else cache * 4096 / 1e6  # type: ignore[operator]
        rows.append(
            ("  of which the model's Python objects", f"{model['python_heap']:8.1f} MB", "", "", "")
        )
        rows.append(("  SQLite page cache bound per connection", f"{cache_mb:8.1f} MB", "", "", ""))
        failed = failed or not (
            model["open"] < FIRST_PAGE_TARGET  # type: ignore[operator]
            and median(m_times) < SEARCH_TARGET
            and model["last"] < LAST_ROW_TARGET  # type: ignore[operator]
            and mem < MEMORY_TARGET_MB  # type: ignore[operator]
        )
    table(rows)

    print("\nsearch by kind (services, median of each query's median):")
    for kind, ts in svc["search_kinds"].items():  # type: ignore[union-attr]
        print(f"  {kind:11s} {ms(median(ts))}  ({len(ts)} queries, worst {ms(max(ts)).strip()})")
    print("slowest queries:", ", ".join(f"{q!r} {t * 1000:.0f} ms" for t, q in svc["search_worst"]))  # type: ignore[union-attr]
    if model is not None:
        print(f"model rows: {model['rows']:,}; pages in memory after scrolling: {model['pages']}")
    print("\nRESULT:", "FAIL" if failed else "PASS")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
