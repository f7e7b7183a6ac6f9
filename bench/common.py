"""Shared by the benchmarks: a cached database of N generated customers, timers, memory."""

from __future__ import annotations

import os
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

CACHE = Path(os.environ.get("CRMDESK_BENCH_DIR", "/tmp/crmdesk-bench"))


def default_db(customers: int) -> Path:
    return CACHE / f"bench-{customers}.sqlite3"


def _customers_in(path: Path) -> int:
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return int(con.execute("SELECT count(*) FROM customer").fetchone()[0])
        finally:
            con.close()
    except sqlite3.Error:
        return -1


def ensure_db(customers: int, path: Path | None = None) -> Path:
    """A migrated SQLite database holding ``customers`` generated customers (built once, cached)."""
    path = path or default_db(customers)
    if path.exists() and _customers_in(path) == customers:
        print(f"reusing {path} ({customers:,} customers)")
        return path
    from crmdesk.services import Database
    from crmdesk.services.demo import generate_bulk

    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".building")
    for p in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        p.unlink(missing_ok=True)
    print(f"generating {customers:,} customers into {path} (once; cached afterwards)…")
    started = time.perf_counter()
    db = Database.open(str(partial))
    db.sign_in("bench")
    last = [0.0]

    def progress(done: int, total: int) -> None:
        now = time.perf_counter()
        if now - last[0] > 10:
            last[0] = now
            print(f"  {done:,}/{total:,}", flush=True)

    generate_bulk(db, customers, lang="zh_CN", seed=1, progress=progress)
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    os.replace(partial, path)
    for suffix in ("-wal", "-shm"):
        Path(f"{partial}{suffix}").unlink(missing_ok=True)
    print(f"generated in {time.perf_counter() - started:.0f} s")
    return path


def rss_mb() -> float:
    """Resident memory of this process in MB (Linux /proc; 0 elsewhere)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return 0.0
    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


def timed(fn: Callable[[], object]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def median(xs: list[float]) -> float:
    return statistics.median(xs)


def p90(xs: list[float]) -> float:
    ordered = sorted(xs)
    return ordered[min(len(ordered) - 1, int(round(0.9 * (len(ordered) - 1))))]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def table(rows: list[tuple[str, ...]]) -> None:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for n, r in enumerate(rows):
        print("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip())
        if n == 0:
            print("  ".join("-" * w for w in widths))
    sys.stdout.flush()
