"""Importing a 100,000-row customer sheet, against reading it with python-calamine and inserting
the same rows with plain sqlite3 executemany.

    .venv/bin/python bench/bench_import.py [--rows 100000]

Builds (once, cached under /tmp/crmdesk-bench/) an .xlsx of N customers written with openpyxl's
write-only mode: 客户名称, 联系人, 手机 (some as Excel floats), 邮箱, 城市, 行业, 标签, 客户等级,
年交易额（万元）. Then, in one run, each measurement in a fresh subprocess on a fresh migrated
database:
- baseline: python-calamine reads the sheet and sqlite3 ``executemany`` inserts the rows into
  customer and contact (the columns they need, values as read, no cleaning);
- crmdesk: ``run_import`` of the same file (safety checks, header detection, mapping, cleaning,
  de-duplication against the file and the database, search text, tags, import records and
  the audit trail: one entry per created customer and contact; the time spent writing those
  entries is shown).
Targets: crmdesk ≤ 2 × baseline; crmdesk's peak memory (ru_maxrss) < 600 MB.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import CACHE  # noqa: E402

TARGET_RATIO = 2.0
TARGET_MB = 600
HEADER = [
    "客户名称",
    "联系人",
    "手机",
    "邮箱",
    "城市",
    "行业",
    "标签",
    "客户等级",
    "年交易额（万元）",
]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂"
CITIES = ["北京", "上海", "广州", "深圳", "杭州", "成都", "武汉", "南京", "西安", "苏州"]
INDUSTRIES = ["制造业", "互联网", "零售", "金融", "教育", "医疗", "物流", "餐饮"]
TAGS = ["VIP", "老客户", "新客户", "重点", "渠道", "华东", "华南", "试用"]
TIERS = ["A类", "B类", "C类", "A", "b", "VIP", None]


def build_sheet(rows: int) -> Path:
    path = CACHE / f"import-{rows}.xlsx"
    if path.exists():
        print(f"reusing {path}")
        return path
    from openpyxl import Workbook

    CACHE.mkdir(parents=True, exist_ok=True)
    rng = random.Random(1)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("客户台账")
    ws.append(["2024年客户台账"])
    ws.append(HEADER)
    for i in range(rows):
        phone = 13_000_000_000 + i * 7
        ws.append(
            [
                f"{rng.choice(CITIES)}{i:06d}号科技有限公司",
                rng.choice(SURNAMES) + rng.choice(GIVEN),
                float(phone) if i % 3 == 0 else str(phone),
                f"user{i}@example{i % 97}.com",
                rng.choice(CITIES),
                rng.choice(INDUSTRIES),
                "、".join(rng.sample(TAGS, rng.randint(0, 2))) or None,
                rng.choice(TIERS),
                round(rng.uniform(1, 500), 1),
            ]
        )
    partial = path.with_name(path.name + ".part")
    wb.save(partial)
    partial.replace(path)
    print(f"wrote {path}")
    return path


def fresh_db(name: str) -> Path:
    """A copy of a migrated empty database (migrating once, not timed)."""
    template = CACHE / "import-template.sqlite3"
    if not template.exists():
        from crmdesk import db as dbmod

        engine = dbmod.create_db_engine(str(template))
        dbmod.migrate_to_head(engine)
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        engine.dispose()
    target = CACHE / name
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(template, target)
    return target


# ---------------------------------------------------------------------------------------------
# The two measurements (each runs in its own process)


def run_baseline(sheet: Path, db: Path) -> int:
    from python_calamine import CalamineWorkbook

    wb = CalamineWorkbook.from_path(str(sheet))
    rows = wb.get_sheet_by_index(0).to_python(skip_empty_area=False)[2:]
    con = sqlite3.connect(str(db), isolation_level=None)
    con.execute("PRAGMA foreign_keys=ON")
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=FULL")
    now = time.strftime("%Y-%m-%d %H:%M:%S.000000")
    customers = []
    contacts = []
    for i, r in enumerate(rows, 1):
        name, person, phone, email, city, industry, _tags, tier, revenue = r[:9]
        phone_text = str(int(phone)) if isinstance(phone, float) else str(phone)
        customers.append(
            (i, f"C{i:06d}", "company", name, name, industry, city, "prospect",
             str(revenue), name, 1, now, now)
        )  # fmt: skip
        contacts.append((i, i, person, phone_text, phone_text, email, 0, 1, 1, now, now))
    con.execute("BEGIN IMMEDIATE")
    con.executemany(
        "INSERT INTO customer (id, code, kind, name, name_key, industry, city, stage, "
        "annual_revenue, search_text, version, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        customers,
    )
    con.executemany(
        "INSERT INTO contact (id, customer_id, name, phone, phone_key, email, is_decision_maker, "
        "is_primary, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        contacts,
    )
    con.execute("COMMIT")
    con.close()
    return len(customers)


AUDIT = {"audit_rows": 0, "audit_seconds": 0.0}


def run_crmdesk(sheet: Path, db: Path) -> int:
    from crmdesk.services import Database
    from crmdesk.services.importing import execute
    from crmdesk.services.importing.engine import run_import

    # What writing the audit trail costs (its rows are built while the records are).
    write = execute.AuditLog.write

    def timed(self: execute.AuditLog, token: object = None) -> None:
        started = time.perf_counter()
        AUDIT["audit_rows"] += len(self.rows)
        write(self, token)  # type: ignore[arg-type]
        AUDIT["audit_seconds"] += time.perf_counter() - started

    execute.AuditLog.write = timed  # type: ignore[method-assign]
    database = Database.open(str(db))
    database.sign_in("bench")
    result = run_import(database, sheet)
    database.close()
    return result.counts["create"]


def measure(which: str, sheet: Path, db: Path) -> None:
    started = time.perf_counter()
    rows = (run_baseline if which == "baseline" else run_crmdesk)(sheet, db)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(json.dumps({"seconds": seconds, "peak_mb": peak, "rows": rows, **AUDIT}))


def child(which: str, sheet: Path, db: Path) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--measure", which, str(sheet), str(db)],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument(
        "--measure", nargs=3, metavar=("WHICH", "SHEET", "DB"), help=argparse.SUPPRESS
    )
    args = parser.parse_args()
    if args.measure:
        which, sheet, db = args.measure
        measure(which, Path(sheet), Path(db))
        return 0
    sheet = build_sheet(args.rows)
    base = child("baseline", sheet, fresh_db("import-baseline.sqlite3"))
    ours = child("crmdesk", sheet, fresh_db("import-crmdesk.sqlite3"))
    ratio = ours["seconds"] / base["seconds"]
    print(f"rows: {args.rows:,}")
    print(f"baseline (calamine + sqlite3 executemany): {base['seconds']:.2f} s, "
          f"{base['rows']:,.0f} customers, peak {base['peak_mb']:.0f} MB")  # fmt: skip
    print(f"crmdesk run_import:                        {ours['seconds']:.2f} s, "
          f"{ours['rows']:,.0f} customers, peak {ours['peak_mb']:.0f} MB")  # fmt: skip
    print(f"  of which writing {ours['audit_rows']:,.0f} audit entries: "
          f"{ours['audit_seconds']:.2f} s")  # fmt: skip
    ok_time = ratio <= TARGET_RATIO
    ok_mem = ours["peak_mb"] < TARGET_MB
    print(f"ratio: {ratio:.2f}× (target ≤ {TARGET_RATIO}×) {'ok' if ok_time else 'MISSED'}")
    print(f"peak memory: {ours['peak_mb']:.0f} MB (target < {TARGET_MB} MB) "
          f"{'ok' if ok_mem else 'MISSED'}")  # fmt: skip
    return 0 if ok_time and ok_mem else 1


if __name__ == "__main__":
    sys.exit(main())
