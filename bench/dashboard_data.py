"""The dashboard benchmark's database: three years of a busy office, a million of everything.

    .venv/bin/python bench/dashboard_data.py

``ensure_dashboard_db()`` builds it once and keeps it under /tmp/crmdesk-bench/
(``CRMDESK_BENCH_DIR`` moves it) as ``bench-dashboard-1000000.sqlite3``, with the moment it was
generated and its row counts beside it in ``….sqlite3.json``; later calls reuse it.

It starts from a copy of the service-desk benchmark's database (``ensure_service_db``: a million
customers with their contacts and tags, a million tickets of which about 5,000 are open), opens
it with ``Database.open`` so it is migrated to the newest schema, and adds with plain sqlite3:

- 5,000,000 interactions over the three years before "now", more of them recent than old (each
  between its customer's creation and now, or until the customer churned), in office hours;
- 1,000,000 deals: about 35% won and 25% lost (closed within the three years, after they were
  created), the rest open in the stages before; the probability is the stage's;
- 1,000,000 orders: one for most won deals, the rest spread unevenly over a minority of the
  customers (many have two or more, many none), about 5% cancelled;
- the customers' own history: created over the three years (growth), stage prospect, new,
  growing, at risk or churned (about 12%, with the moment it happened in ``churned_at``), and
  ``last_interaction_at`` the latest of their interactions.

The "now" is the service database's (its open tickets are late as of then), so the tickets and
everything added here share one clock. The tickets are left as they are (closed over the last
two years, the open ones now): a customer's created_at can come after its first ticket.
Everything random comes from a fixed seed: the same file on every machine. About 0.5% of the
interactions and deals are deleted (soft). The whole addition takes about six minutes.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import json
import math
import os
import random
import shutil
import sqlite3
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_service_desk import ensure_service_db  # noqa: E402
from common import CACHE  # noqa: E402

from crmdesk.services import Database  # noqa: E402
from crmdesk.services.demo.data import words_for  # noqa: E402

CUSTOMERS = 1_000_000
TICKETS = 1_000_000
OPEN_TICKETS = 5_000  # as bench_service_desk's --open default: its database is the one reused
INTERACTIONS = 5_000_000
DEALS = 1_000_000
ORDERS = 1_000_000
SEED = 20261123
# Bumped whenever what is generated changes, so an older cached file is built again.
GENERATOR = 3

YEARS = 3
US = 1_000_000  # timestamps are handled as integer microseconds since the Unix epoch
HOUR = 3600 * US
DAY = 24 * HOUR
SPAN = YEARS * 365 * DAY
LOCAL = 8 * HOUR  # the office is in China (UTC+8): office hours and order dates are local
GROWTH = 2.0  # three times as many customers come in now as three years ago
CHUNK = 50_000
_EPOCH = dt.datetime(1970, 1, 1)
_EPOCH_DAY = dt.date(1970, 1, 1).toordinal()

# Tables this adds to or rewrites; their secondary indexes are dropped meanwhile.
_TABLES = ("customer", "interaction", "deal", "sales_order")
_KINDS = ("call", "visit", "email", "meeting", "wechat", "note")
_KIND_WEIGHTS = (30, 8, 15, 7, 30, 10)
_OPEN_DEAL_STAGES = {"lead": 12, "contact": 10, "proposal": 10, "negotiation": 8}
_DEAL_STAGES = {"won": 35, "lost": 25, **_OPEN_DEAL_STAGES}
_CONTACTS = (
    "张经理",
    "王总",
    "李工",
    "刘主任",
    "陈经理",
    "杨总",
    "赵工",
    "黄经理",
    "周主管",
    "吴总",
)


# ---------------------------------------------------------------------------------------------
# Small helpers


def stamp(us: int) -> str:
    """Naive UTC text as UtcDateTime stores it on SQLite: 'YYYY-MM-DD HH:MM:SS.ffffff'."""
    return (_EPOCH + dt.timedelta(microseconds=us)).isoformat(" ", "microseconds")


_dates: dict[int, str] = {}


def local_date(us: int) -> str:
    """The office's calendar day of a moment, as 'YYYY-MM-DD'."""
    day = (us + LOCAL) // DAY
    text = _dates.get(day)
    if text is None:
        text = _dates[day] = dt.date.fromordinal(_EPOCH_DAY + day).isoformat()
    return text


def office_hours(rng: random.Random, us: int, lo: int, hi: int) -> int:
    """The moment moved to office hours (09:00-18:00 local) of its day, if it stays in [lo, hi]."""
    day = (us + LOCAL) // DAY
    moved = day * DAY - LOCAL + 9 * HOUR + int(rng.random() * 9 * HOUR)
    return moved if lo <= moved <= hi else us


def money(rng: random.Random, lo: float, hi: float) -> str:
    """An amount between lo and hi, spread log-uniformly, as text with two decimals (what a
    NUMERIC column turns into the number the ORM would have stored)."""
    return f"{math.exp(rng.uniform(math.log(lo), math.log(hi))):.2f}"


class Progress:
    """Prints where the build is, at most every ~10 s."""

    def __init__(self) -> None:
        self.started = time.perf_counter()
        self.last = self.started
        self.phase = ""
        self.phase_started = self.started
        self.done: int | None = None
        self.total: int | None = None

    def begin(self, phase: str) -> None:
        now = time.perf_counter()
        self.phase, self.phase_started, self.last = phase, now, now
        self.done = self.total = None
        print(f"  [{now - self.started:5.0f} s] {phase}…", flush=True)

    def tick(self, done: int | None = None, total: int | None = None) -> None:
        if done is not None:
            self.done, self.total = done, total
        now = time.perf_counter()
        if now - self.last >= 10:
            self.last = now
            where = f" {self.done:,}/{self.total:,}" if self.done is not None and self.total else ""
            print(
                f"  [{now - self.started:5.0f} s] {self.phase}{where} "
                f"({now - self.phase_started:.0f} s in this step)",
                flush=True,
            )

    def handler(self) -> int:
        """For sqlite3's progress handler: ticks during long statements, never interrupts."""
        self.tick()
        return 0


def _chunks(rows: Iterable[tuple[Any, ...]], size: int = CHUNK) -> Iterator[list[tuple[Any, ...]]]:
    it = iter(rows)
    while batch := list(itertools.islice(it, size)):
        yield batch


def _insert(
    con: sqlite3.Connection,
    table: str,
    columns: Sequence[str],
    rows: Iterable[tuple[Any, ...]],
    total: int,
    progress: Progress,
) -> None:
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    done = 0
    for batch in _chunks(rows):
        con.executemany(sql, batch)
        done += len(batch)
        progress.tick(done, total)


def _schema(con: sqlite3.Connection) -> list[tuple[str, str, str, str | None]]:
    return sorted(
        con.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_stat%'"
        ).fetchall()
    )


def _max_id(con: sqlite3.Connection, table: str) -> int:
    return int(con.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()[0])


def _growth_offset(u: float) -> float:
    """Where in [0, 1] (0 the start of the span, 1 now) a moment falls, for uniform u, when the
    density grows linearly from 1 to 1 + GROWTH (the inverse of its distribution function)."""
    g = GROWTH
    return (-1 + math.sqrt(1 + 2 * g * u * (1 + g / 2))) / g


def _growth_share(x: float) -> float:
    """The distribution function of _growth_offset: the share of moments before x in [0, 1]."""
    g = GROWTH
    return (x + g * x * x / 2) / (1 + g / 2)


# ---------------------------------------------------------------------------------------------
# The generation


class Generator:
    def __init__(self, con: sqlite3.Connection, now: dt.datetime, progress: Progress) -> None:
        self.con = con
        self.progress = progress
        self.rng = random.Random(SEED)
        self.now = int(round(now.timestamp() * US))
        self.begin = self.now - SPAN
        self.words = words_for("zh_CN")
        self.users = [
            r[0]
            for r in con.execute("SELECT id FROM app_user WHERE active = 1 ORDER BY id").fetchall()
        ] or [r[0] for r in con.execute("SELECT id FROM app_user ORDER BY id").fetchall()]
        if not self.users:
            raise RuntimeError("the service database has no users")
        self.stage_probability = dict(
            con.execute("SELECT key, probability FROM deal_stage").fetchall()
        )
        missing = set(_DEAL_STAGES) - set(self.stage_probability)
        if missing:
            raise RuntimeError(f"deal_stage lacks {sorted(missing)}")
        # The customers: id and the window in which things happen with them.
        self.cids: list[int] = []
        self.start: list[int] = []
        self.end: list[int] = []
        self.stage: list[str] = []
        self.last: list[int] = []

    # -- customers ----------------------------------------------------------------------------

    def plan_customers(self) -> list[tuple[Any, ...]]:
        """New created_at, stage, owner and churned_at for every customer (written once the
        interactions have given last_interaction_at)."""
        rng, now = self.rng, self.now
        self.progress.begin("planning the customers' history")
        rows = self.con.execute("SELECT id, stage, owner_id FROM customer ORDER BY id").fetchall()
        plan: list[tuple[Any, ...]] = []
        young = 120 * DAY
        for n, (cid, old_stage, owner) in enumerate(rows):
            r = rng.random()
            if old_stage == "prospect":  # no revenue, trial segment: stays a prospect
                stage = "prospect"
            elif r < 0.14:  # of the six in seven who are not prospects: 12% of all
                stage = "churned"
            elif r < 0.29:
                stage = "at_risk"
            elif r < 0.43:
                stage = "new"
            else:
                stage = "growing"
            # New customers came in the last four months, the others (prospects aside) before.
            lo, hi = self.begin, now - HOUR
            if stage == "new":
                lo = now - young
            elif stage != "prospect":
                hi = min(hi, now - young)
            share_lo = _growth_share((lo - self.begin) / SPAN)
            share_hi = _growth_share((hi - self.begin) / SPAN)
            x = _growth_offset(share_lo + rng.random() * (share_hi - share_lo))
            created = office_hours(rng, self.begin + int(x * SPAN), lo, hi)
            churned = None
            end = now
            if stage == "churned":
                lo = created + 30 * DAY
                churned = lo + int(rng.random() * (now - lo))
                end = churned
            elif stage == "at_risk":
                quiet = now - int(rng.uniform(30, 120) * DAY)
                end = quiet if quiet > created + DAY else now
            if owner is None:
                owner = self.users[cid % len(self.users)]
            self.cids.append(cid)
            self.start.append(created)
            self.end.append(end)
            self.stage.append(stage)
            updated = churned if churned is not None else created
            plan.append((cid, created, updated, stage, owner, churned))
            if n % 10_000 == 0:
                self.progress.tick(n, len(rows))
        self.last = [0] * len(self.cids)
        return plan

    def write_customers(self, plan: list[tuple[Any, ...]]) -> None:
        con, progress = self.con, self.progress
        progress.begin("writing the customers' history")
        con.execute(
            "CREATE TEMP TABLE dash_customer (id INTEGER PRIMARY KEY, created_at TEXT, "
            "updated_at TEXT, stage TEXT, owner_id INTEGER, churned_at TEXT, "
            "last_interaction_at TEXT)"
        )

        def rows() -> Iterator[tuple[Any, ...]]:
            for (cid, created, updated, stage, owner, churned), last in zip(
                plan, self.last, strict=True
            ):
                updated = max(updated, last) if stage != "churned" else updated
                yield (
                    cid,
                    stamp(created),
                    stamp(updated),
                    stage,
                    owner,
                    None if churned is None else stamp(churned),
                    stamp(last) if last else None,
                )

        _insert(
            con,
            "temp.dash_customer",
            ("id", "created_at", "updated_at", "stage", "owner_id", "churned_at",
             "last_interaction_at"),
            rows(),
            len(plan),
            progress,
        )  # fmt: skip
        con.execute(
            "UPDATE customer SET created_at = d.created_at, updated_at = d.updated_at, "
            "stage = d.stage, owner_id = d.owner_id, churned_at = d.churned_at, "
            "last_interaction_at = d.last_interaction_at "
            "FROM temp.dash_customer AS d WHERE d.id = customer.id"
        )
        con.execute("DROP TABLE temp.dash_customer")

    def weights(self, factor: dict[str, float], sigma: float, by_time: bool) -> list[float]:
        """Cumulative weights over the customers: the stage's factor, a log-normal spread (a
        few customers get a lot, many little) and, with by_time, how long they were active."""
        rng = self.rng
        out: list[float] = []
        total = 0.0
        for start, end, stage in zip(self.start, self.end, self.stage, strict=True):
            w = factor.get(stage, 1.0) * rng.lognormvariate(0, sigma)
            if by_time:
                w *= (end - start) / DAY + 30
            total += w
            out.append(total)
        return out

    def moment(self, lo: int, hi: int) -> int:
        """When something happened with a customer active from lo to hi, in office hours: more
        often early on (getting started takes more calls than running along), which with the
        growing number of customers makes the last year about half of all that happened."""
        rng = self.rng
        return office_hours(rng, lo + int(rng.random() ** 2 * (hi - lo)), lo, hi)

    def pick(self, cum: list[float], k: int) -> list[int]:
        """k customer indexes drawn by the cumulative weights."""
        rng, top, hi = self.rng, cum[-1], len(cum) - 1
        return [min(bisect.bisect(cum, rng.random() * top), hi) for _ in range(k)]

    # -- interactions -------------------------------------------------------------------------

    def interactions(self) -> None:
        rng, progress, now = self.rng, self.progress, self.now
        progress.begin(f"planning {INTERACTIONS:,} interactions")
        cum = self.weights(
            {"prospect": 0.4, "new": 1.0, "growing": 1.6, "at_risk": 0.8, "churned": 0.7},
            0.8,
            by_time=True,
        )
        who = self.pick(cum, INTERACTIONS)
        when: list[int] = []
        start, end = self.start, self.end
        for n, i in enumerate(who):
            lo, hi = start[i], end[i]
            when.append(self.moment(lo, hi))
            if n % 100_000 == 0:
                progress.tick(n, INTERACTIONS)
        # Ids in the order they happened, as an office entering them would give.
        order = sorted(range(INTERACTIONS), key=when.__getitem__)
        w = self.words
        summaries = {
            kind: [
                s.format(contact=c, product=p) for s in texts for c in _CONTACTS for p in w.products
            ]
            for kind, texts in w.interactions.items()
        }
        important = [
            (kind, s.format(contact=c, product=p))
            for kind, s in w.important_interactions
            for c in _CONTACTS
            for p in w.products
        ]
        kinds = list(itertools.accumulate(_KIND_WEIGHTS))
        users, cids, last = self.users, self.cids, self.last
        first_id = _max_id(self.con, "interaction")

        def rows() -> Iterator[tuple[Any, ...]]:
            for n, j in enumerate(order):
                i, at = who[j], when[j]
                if rng.random() < 0.04:
                    kind, summary = rng.choice(important)
                    flag = 1
                else:
                    kind = _KINDS[bisect.bisect(kinds, rng.random() * kinds[-1])]
                    summary = rng.choice(summaries[kind])
                    flag = 0
                created = min(now, at + int(rng.random() * HOUR))
                deleted = None
                entered = updated = stamp(created)
                if rng.random() < 0.005:
                    gone = created + int(rng.random() * (now - created))
                    deleted = updated = stamp(gone)
                elif at > last[i]:
                    last[i] = at
                yield (
                    first_id + n + 1, cids[i], kind, stamp(at), rng.choice(users), summary,
                    flag, deleted, 1, entered, updated,
                )  # fmt: skip

        progress.begin(f"writing {INTERACTIONS:,} interactions")
        _insert(
            self.con,
            "interaction",
            ("id", "customer_id", "kind", "occurred_at", "user_id", "summary", "important",
             "deleted_at", "version", "created_at", "updated_at"),
            rows(),
            INTERACTIONS,
            progress,
        )  # fmt: skip

    # -- deals --------------------------------------------------------------------------------

    def deals(self) -> list[tuple[int, int, int, str]]:
        """Writes the deals; returns the won ones an order can follow: (deal id, customer
        index, closed at, amount)."""
        rng, progress, now = self.rng, self.progress, self.now
        progress.begin(f"planning {DEALS:,} deals")
        cum = self.weights(
            {"prospect": 0.6, "new": 1.2, "growing": 1.5, "at_risk": 1.0, "churned": 0.8},
            0.6,
            by_time=True,
        )
        who = self.pick(cum, DEALS)
        stage_keys = list(_DEAL_STAGES)
        stage_cum = list(itertools.accumulate(_DEAL_STAGES.values()))
        plans: list[tuple[int, int, str, int | None]] = []  # created, customer, stage, closed
        for n, i in enumerate(who):
            stage = stage_keys[bisect.bisect(stage_cum, rng.random() * stage_cum[-1])]
            lo, hi = self.start[i], self.end[i]
            if stage in ("won", "lost"):
                hi = max(lo, hi - HOUR)
                created = self.moment(lo, hi)
                took = int(min(rng.lognormvariate(math.log(30), 0.8), 365) * DAY)
                limit = self.end[i]
                closed = min(created + took, limit)
                if closed <= created:
                    closed = min(created + HOUR, now)
                closed = office_hours(rng, closed, created + 1, limit)
                plans.append((created, i, stage, closed))
            else:
                lo = max(lo, hi - 365 * DAY)
                created = office_hours(rng, lo + int(rng.random() * (hi - lo)), lo, hi)
                plans.append((created, i, stage, None))
            if n % 100_000 == 0:
                progress.tick(n, DEALS)
        plans.sort()
        w = self.words
        titles = [w.deal_title.format(product=p) for p in w.products]
        today = (now + LOCAL) // DAY * DAY - LOCAL  # local midnight, in UTC
        first_id = _max_id(self.con, "deal")
        won: list[tuple[int, int, int, str]] = []

        def rows() -> Iterator[tuple[Any, ...]]:
            for n, (created, i, stage, closed) in enumerate(plans):
                did = first_id + n + 1
                amount = money(rng, 1_000, 500_000)
                currency = "USD" if rng.random() < 0.02 else "CNY"
                if closed is None:
                    expected = local_date(today + rng.randint(-20, 120) * DAY)
                else:
                    expected = local_date(closed)
                deleted = None
                updated = closed if closed is not None else created
                if rng.random() < 0.005:
                    gone = updated + int(rng.random() * (now - updated))
                    deleted = stamp(gone)
                    updated = gone
                elif stage == "won" and currency == "CNY":
                    assert closed is not None
                    won.append((did, i, closed, amount))
                yield (
                    did, self.cids[i], rng.choice(titles), stage, amount, currency,
                    self.stage_probability[stage], expected, rng.choice(self.users),
                    rng.choice(w.lost_reasons) if stage == "lost" else None,
                    None if closed is None else stamp(closed), deleted, 1, stamp(created),
                    stamp(updated),
                )  # fmt: skip

        progress.begin(f"writing {DEALS:,} deals")
        _insert(
            self.con,
            "deal",
            ("id", "customer_id", "title", "stage", "amount", "currency", "probability",
             "expected_close", "owner_id", "lost_reason", "closed_at", "deleted_at", "version",
             "created_at", "updated_at"),
            rows(),
            DEALS,
            progress,
        )  # fmt: skip
        return won

    # -- orders -------------------------------------------------------------------------------

    def orders(self, won: list[tuple[int, int, int, str]]) -> None:
        rng, progress, now = self.rng, self.progress, self.now
        progress.begin(f"planning {ORDERS:,} orders")
        # Most won deals became an order a few days after they were won.
        plans: list[tuple[int, int, int | None, str]] = []  # at, customer index, deal, amount
        for did, i, closed, amount in won:
            if len(plans) >= ORDERS // 2 or rng.random() >= 0.9:
                continue
            at = office_hours(rng, min(now, closed + int(rng.random() * 5 * DAY)), closed, now)
            plans.append((at, i, did, amount))
        # The others from a minority of the customers, some of them buying again and again.
        # (churned customers bought too, before they left)
        factor = {"prospect": 0.02, "new": 0.3, "growing": 0.45, "at_risk": 0.4, "churned": 0.35}
        cum: list[float] = []
        total = 0.0
        for stage, start, end in zip(self.stage, self.start, self.end, strict=True):
            if rng.random() < factor[stage]:
                total += rng.lognormvariate(0, 1.0) * ((end - start) / DAY + 30)
            cum.append(total)
        rest = ORDERS - len(plans)
        for n, i in enumerate(self.pick(cum, rest)):
            lo, hi = self.start[i], self.end[i]
            at = self.moment(lo, hi)
            plans.append((at, i, None, money(rng, 1_000, 300_000)))
            if n % 100_000 == 0:
                progress.tick(n, rest)
        plans.sort(key=lambda p: p[0])
        first_id = _max_id(self.con, "sales_order")

        def rows() -> Iterator[tuple[Any, ...]]:
            for n, (at, i, did, amount) in enumerate(plans):
                oid = first_id + n + 1
                ordered_on = local_date(at)
                r = rng.random()
                if r < 0.05:
                    status = "cancelled"
                    updated = min(now, at + int(rng.uniform(0.1, 10) * DAY))
                elif now - at > rng.uniform(7, 60) * DAY:
                    status = "delivered"
                    updated = min(now, at + int(rng.uniform(3, 45) * DAY))
                else:
                    status = "open"
                    updated = at
                yield (
                    oid, f"SO{ordered_on[:4]}{ordered_on[5:7]}-{oid:07d}", self.cids[i], did,
                    ordered_on, amount, "CNY", status, stamp(at), stamp(updated),
                )  # fmt: skip

        progress.begin(f"writing {ORDERS:,} orders")
        _insert(
            self.con,
            "sales_order",
            ("id", "number", "customer_id", "deal_id", "ordered_on", "amount", "currency",
             "status", "created_at", "updated_at"),
            rows(),
            ORDERS,
            progress,
        )  # fmt: skip


# ---------------------------------------------------------------------------------------------
# The database


def default_path() -> Path:
    return CACHE / f"bench-dashboard-{CUSTOMERS}.sqlite3"


def _wanted() -> dict[str, int]:
    return {
        "generator": GENERATOR,
        "seed": SEED,
        "customers": CUSTOMERS,
        "tickets": TICKETS,
        "open": OPEN_TICKETS,
        "interactions": INTERACTIONS,
        "deals": DEALS,
        "orders": ORDERS,
    }


def _count(path: Path, table: str) -> int:
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return int(con.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
        finally:
            con.close()
    except sqlite3.Error:
        return -1


def ensure_dashboard_db(path: Path | None = None) -> tuple[Path, dt.datetime]:
    """The dashboard benchmark's database (built once, cached) and the moment it was
    generated, which is the clock of every measurement on it."""
    path = path or default_path()
    info_file = path.with_name(path.name + ".json")
    wanted = _wanted()
    if path.exists() and info_file.exists():
        info = json.loads(info_file.read_text())
        if (
            all(info.get(k) == v for k, v in wanted.items())
            and _count(path, "customer") == CUSTOMERS
            and _count(path, "deal") == info.get("rows", {}).get("deal")
        ):
            print(f"reusing {path} (now {info['now']})")
            return path, dt.datetime.fromisoformat(info["now"])

    source, now = ensure_service_db(CUSTOMERS, TICKETS, OPEN_TICKETS)
    started = time.perf_counter()
    progress = Progress()
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".building")
    for p in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        p.unlink(missing_ok=True)
    progress.begin(f"copying {source}")
    shutil.copyfile(source, partial)
    for suffix in ("-wal", "-shm"):  # a service database closed uncleanly
        if Path(f"{source}{suffix}").exists():
            shutil.copyfile(f"{source}{suffix}", f"{partial}{suffix}")

    progress.begin("migrating to the newest schema")
    db = Database.open(str(partial))
    db.sign_in("bench")
    db._clock = lambda: now
    db.close()

    con = sqlite3.connect(str(partial), isolation_level=None)
    try:
        con.set_progress_handler(progress.handler, 2_000_000)
        schema = _schema(con)
        for table in _TABLES:
            if table != "customer" and _count(partial, table):
                raise RuntimeError(f"{table} is not empty in {source}: expected none")
        # Bulk loading: no journal, no syncing, a big cache. The file is thrown away if this
        # fails half-way (it is only renamed into place at the end).
        mode = con.execute("PRAGMA journal_mode=OFF").fetchall()[0][0]
        if mode != "off":
            raise RuntimeError(f"could not turn the journal off ({mode})")
        con.execute("PRAGMA synchronous=OFF").fetchall()
        con.execute("PRAGMA cache_size=-2000000").fetchall()
        con.execute("PRAGMA temp_store=MEMORY").fetchall()
        con.execute("PRAGMA foreign_keys=OFF").fetchall()
        indexes = [
            (name, sql)
            for _type, name, table, sql in schema
            if _type == "index" and sql is not None and table in _TABLES
        ]
        progress.begin(f"dropping {len(indexes)} indexes of {', '.join(_TABLES)}")
        for name, _sql in indexes:
            con.execute(f'DROP INDEX "{name}"')
        # The triggers that keep interaction.previous_at look at the customer's other
        # interactions through an index dropped above: set aside, previous_at filled at the end.
        triggers = [
            (name, sql)
            for _type, name, table, sql in schema
            if _type == "trigger" and table == "interaction"
        ]
        for name, _sql in triggers:
            con.execute(f'DROP TRIGGER "{name}"')

        gen = Generator(con, now, progress)
        plan = gen.plan_customers()
        con.execute("BEGIN")
        gen.interactions()
        won = gen.deals()
        gen.orders(won)
        gen.write_customers(plan)
        con.execute("COMMIT")

        progress.begin(f"building {len(indexes)} indexes again")
        con.execute("BEGIN")
        for n, (name, sql) in enumerate(indexes):
            progress.phase = f"building index {n + 1}/{len(indexes)} {name}"
            con.execute(sql)
        progress.phase = "interaction.previous_at"
        con.execute(
            "UPDATE interaction SET previous_at = x.p FROM (SELECT id, lag(occurred_at) OVER "
            "(PARTITION BY customer_id ORDER BY occurred_at, id) AS p FROM interaction "
            "WHERE deleted_at IS NULL) AS x WHERE x.id = interaction.id AND x.p IS NOT NULL"
        )
        for _name, sql in triggers:
            con.execute(sql)
        con.execute("COMMIT")
        if _schema(con) != schema:
            raise RuntimeError("the schema changed while generating (an index not rebuilt?)")
        if con.execute(
            "SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'"
        ).fetchone():  # statistics from before would mislead the planner
            progress.begin("ANALYZE")
            con.execute("ANALYZE")
        counts = {
            t: int(con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0])
            for t in ("customer", "contact", "ticket", "interaction", "deal", "sales_order")
        }
    finally:
        con.close()
    # Back to WAL as the app keeps it, on a fresh connection (no statement of the bulk work
    # left open to block the checkpoint).
    progress.begin("checkpointing")
    con = sqlite3.connect(str(partial), isolation_level=None)
    try:
        con.execute("PRAGMA journal_mode=WAL").fetchall()
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    finally:
        con.close()
    for suffix in ("-wal", "-shm"):  # an older file's: never to be replayed into this one
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    os.replace(partial, path)
    for suffix in ("-wal", "-shm"):
        Path(f"{partial}{suffix}").unlink(missing_ok=True)
    elapsed = time.perf_counter() - started
    info_file.write_text(
        json.dumps(
            {"now": now.isoformat(), **wanted, "rows": counts, "seconds": round(elapsed)},
            indent=1,
        )
    )
    print(f"generated {path} in {elapsed:.0f} s")
    return path, now


def _sanity(path: Path, now: dt.datetime) -> list[tuple[str, object]]:
    year_ago = (now - dt.timedelta(days=365)).astimezone(dt.UTC).replace(tzinfo=None)
    since = year_ago.isoformat(" ", "microseconds")
    day = year_ago.date().isoformat()
    queries: list[tuple[str, str, tuple[Any, ...]]] = [
        ("deals won in the last 365 days",
         "SELECT count(*), round(sum(amount)) FROM deal WHERE stage = 'won' "
         "AND deleted_at IS NULL AND closed_at >= ?", (since,)),
        ("orders in the last 365 days (not cancelled)",
         "SELECT count(*), round(sum(amount)) FROM sales_order WHERE ordered_on >= ? "
         "AND status <> 'cancelled'", (day,)),
        ("interactions in the last 365 days",
         "SELECT count(*) FROM interaction WHERE occurred_at >= ? AND deleted_at IS NULL",
         (since,)),
        ("customers churned in the last 365 days",
         "SELECT count(*) FROM customer WHERE churned_at >= ? AND deleted_at IS NULL", (since,)),
        ("customers by stage",
         "SELECT group_concat(stage || ' ' || n, ', ') FROM "
         "(SELECT stage, count(*) AS n FROM customer GROUP BY stage)", ()),
        ("deals by stage",
         "SELECT group_concat(stage || ' ' || n, ', ') FROM "
         "(SELECT stage, count(*) AS n FROM deal GROUP BY stage)", ()),
        ("customers created in the last 365 days",
         "SELECT count(*) FROM customer WHERE created_at >= ?", (since,)),
        ("customers with 2+ orders / with none",
         "SELECT sum(n >= 2), (SELECT count(*) FROM customer) - count(*) FROM "
         "(SELECT customer_id, count(*) AS n FROM sales_order GROUP BY customer_id)", ()),
    ]  # fmt: skip
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        out = []
        for name, sql, args in queries:
            row = con.execute(sql, args).fetchone()
            out.append((name, row[0] if len(row) == 1 else tuple(row)))
        return out
    finally:
        con.close()


def main() -> int:
    started = time.perf_counter()
    path, now = ensure_dashboard_db()
    took = time.perf_counter() - started
    print(f"\n{path}\nnow {now.isoformat()}  ({took:.0f} s)\n")
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        for table in ("customer", "contact", "ticket", "interaction", "deal", "sales_order"):
            n = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            print(f"  {table:<12} {n:>12,}")
    finally:
        con.close()
    print()
    for name, value in _sanity(path, now):
        print(f"  {name}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
