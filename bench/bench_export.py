"""Exporting the customer list to Excel, against openpyxl writing the same cells.

    .venv/bin/python bench/bench_export.py [--customers 100000] [--db PATH] [--lang zh_CN]

Builds (once, cached under /tmp/crmdesk-bench/) a SQLite database of N generated customers, then,
in the same run:
- export: crmdesk.services.exporting.export_customers (every column, read from the database,
  styled, written atomically), as the app and `crmdesk export customers` run it;
- baseline: openpyxl's write-only mode appending the very same cell values, computed beforehand
  and held in memory (read back from the export with python-calamine, not timed), with no
  database, no styles beyond openpyxl's own date format, and a plain save.
Target: export ≤ 1.3 × baseline.
"""

from __future__ import annotations

import argparse
import gc
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import ensure_db, rss_mb, table, verdict  # noqa: E402

TARGET_RATIO = 1.3


def precompute(path: Path) -> list[list[object]]:
    """The cells of an export, as Python values in memory."""
    from python_calamine import CalamineWorkbook

    wb = CalamineWorkbook.from_path(str(path))
    rows = wb.get_sheet_by_index(0).to_python(skip_empty_area=False)
    return [[None if v == "" else v for v in row] for row in rows]


def baseline(rows: list[list[object]], target: Path) -> float:
    from openpyxl import Workbook

    started = time.perf_counter()
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Customers")
    for row in rows:
        ws.append(row)
    wb.save(target)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--db", type=Path, help="an existing crmdesk SQLite database")
    parser.add_argument("--lang", default="zh_CN", choices=("zh_CN", "en"))
    parser.add_argument("--runs", type=int, default=1, help="best of this many runs of each")
    args = parser.parse_args()

    path = args.db or ensure_db(args.customers)

    from crmdesk.services import Database
    from crmdesk.services.exporting import export_customers

    db = Database.open(str(path))
    out_dir = Path(tempfile.mkdtemp(prefix="crmdesk-export-bench-"))
    exported = out_dir / "export.xlsx"
    plain = out_dir / "baseline.xlsx"
    try:
        # Warm the OS file cache and imports, so neither side pays for the first read.
        export_customers(db, out_dir / "warm.xlsx", columns=["code"], lang=args.lang)
        rss_before = rss_mb()
        export_times = []
        rows = 0
        for _ in range(args.runs):
            gc.collect()
            started = time.perf_counter()
            result = export_customers(db, exported, lang=args.lang)
            export_times.append(time.perf_counter() - started)
            rows = result.rows
        rss_export = rss_mb() - rss_before

        cells = precompute(exported)
        n_cells = sum(1 for row in cells for v in row if v is not None)
        base_times = []
        for _ in range(args.runs):
            gc.collect()
            base_times.append(baseline(cells, plain))
    finally:
        db.close()
    size_mb = exported.stat().st_size / 1e6
    shutil.rmtree(out_dir, ignore_errors=True)

    export_s, base_s = min(export_times), min(base_times)
    ratio = export_s / base_s
    print(
        f"\n{rows:,} customers, {len(cells[0])} columns, {n_cells:,} non-empty cells ({args.lang})"
    )
    table(
        [
            ("measure", "time", "note"),
            ("crmdesk export_customers", f"{export_s:.2f} s", f"{rows / export_s:,.0f} rows/s"),
            ("openpyxl write-only, same cells", f"{base_s:.2f} s", "values precomputed in memory"),
            (
                "ratio",
                f"{ratio:.2f}x",
                f"target <= {TARGET_RATIO}x  {verdict(ratio <= TARGET_RATIO)}",
            ),
            ("memory added by the export", f"{rss_export:.0f} MB", "RSS growth"),
            ("file size", f"{size_mb:.1f} MB", "xlsx, deflated"),
        ]
    )
    return 0 if ratio <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
