"""Shared pieces of the demo and bulk generators: constants, ids, names, inserts."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, func, insert, select, text

from crmdesk.errors import CrmError
from crmdesk.models import (
    Tag,
)
from crmdesk.services.demo.data import MOBILE_PREFIXES, Words

Progress = Callable[[int, int], Any]
CancelCheck = Callable[[], bool]

TIER_A_ABOVE = Decimal(1_000_000)
TIER_B_FROM = Decimal(300_000)
BATCH = 10_000

DEAL_PROBABILITY = {
    "lead": 10,
    "contact": 20,
    "proposal": 40,
    "negotiation": 70,
    "won": 100,
    "lost": 0,
}
OPEN_STAGES = ("lead", "contact", "proposal", "negotiation")
TICKET_FLOW = ("registered", "assigned", "solution", "informed", "resolved", "closed")


class GenerationCancelled(CrmError):
    """The user stopped the generation; nothing was written."""


@dataclass(frozen=True)
class DemoSummary:
    users: int
    customers: int
    contacts: int
    tags: int
    interactions: int
    tasks: int
    deals: int
    orders: int
    payments: int
    tickets: int
    articles: int = 0


def tier_for(amount: Decimal | None) -> str | None:
    """The A/B/C tier of an annual transaction amount (A > 1,000,000; B from 300,000)."""
    if amount is None:
        return None
    if amount > TIER_A_ABOVE:
        return "A"
    if amount >= TIER_B_FROM:
        return "B"
    return "C"


# ---------------------------------------------------------------------------------------------
# Shared helpers


def _max_ids(conn: Connection, tables: list[Any]) -> dict[str, int]:
    return {t.name: conn.scalar(select(func.coalesce(func.max(t.c.id), 0))) or 0 for t in tables}


def _insert(
    conn: Connection, table: Any, rows: list[dict[str, Any]], check: Callable[[], None]
) -> None:
    for start in range(0, len(rows), BATCH):
        check()
        conn.execute(insert(table), rows[start : start + BATCH])


def _fix_sequences(conn: Connection, tables: list[Any]) -> None:
    """Rows were inserted with explicit ids; move PostgreSQL's sequences past them."""
    if conn.dialect.name != "postgresql":
        return
    for t in tables:
        conn.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{t.name}', 'id'), "
                f"(SELECT coalesce(max(id), 0) + 1 FROM {t.name}), false)"
            )
        )


def _checker(cancel: CancelCheck | None) -> Callable[[], None]:
    def check() -> None:
        if cancel is not None and cancel():
            raise GenerationCancelled("Generating the data was cancelled; nothing was written.")

    return check


def _phone(rng: random.Random, words: Words, area: str) -> str:
    if not words.chinese:
        return f"({area}) 555-{rng.randrange(10000):04d}"
    roll = rng.random()
    number = f"{rng.choice(MOBILE_PREFIXES)}{rng.randrange(10**8):08d}"
    if roll < 0.8:
        return number
    if roll < 0.9:
        return f"{number[:3]} {number[3:7]} {number[7:]}"
    return f"{area}-{rng.randrange(2 * 10**7, 9 * 10**7):08d}"


def _person(rng: random.Random, words: Words, common_share: float = 0.12) -> tuple[str, str]:
    """A (name, latin handle) pair; a share of the commonest names so searches hit."""
    if rng.random() < common_share:
        return rng.choice(words.common_names)
    family, family_py = rng.choice(words.surnames)
    given, given_py = rng.choice(words.given_names)
    if words.chinese:
        return family + given, family_py + given_py
    return f"{given} {family}", f"{given_py}.{family_py}"


def _company(rng: random.Random, words: Words, industry: str, city: str) -> tuple[str, str]:
    """A company name and its web domain."""
    brand, brand_py = rng.choice(words.brands)
    word = rng.choice(words.industries[industry])
    suffix = rng.choice(words.company_suffixes)
    if words.chinese:
        name = f"{city}{brand}{word}{suffix}" if rng.random() < 0.7 else f"{brand}{word}{suffix}"
        domain = f"{brand_py}{rng.choice(('', 'tech', 'group', 'china'))}.com.cn"
    else:
        name = f"{brand} {word} {suffix}"
        domain = f"{brand_py}{word.lower()}.com"
    return name, domain


def _pick(rng: random.Random, table: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([k for k, _ in table], [w for _, w in table])[0]


def _money(value: float) -> Decimal:
    return Decimal(max(1000, round(value / 1000) * 1000))


def _tag_rows(
    conn: Connection, words: Words, next_id: int
) -> tuple[dict[tuple[str, str], int], list[dict[str, Any]], int]:
    """Every demo tag's id, reusing tags that exist: ((group, name) -> id, new rows, next id)."""
    palette = ("#00897b", "#3949ab", "#c0ca33", "#6d4c41", "#5e35b1", "#039be5", "#e53935")
    wanted: list[tuple[str, str, str]] = []
    for i, industry in enumerate(words.industries):
        wanted.append((words.industry_group, industry, palette[i % len(palette)]))
    for i, region in enumerate(words.regions):
        wanted.append((words.region_group, region, palette[(i + 3) % len(palette)]))
    for group, tags in words.tag_groups:
        wanted.extend((group, name, colour) for name, colour in tags)
    t = Tag.__table__
    existing = {(g, n): i for i, g, n in conn.execute(select(t.c.id, t.c.group, t.c.name))}
    rows = []
    for group, name, colour in wanted:
        if (group, name) not in existing:
            next_id += 1
            existing[(group, name)] = next_id
            rows.append({"id": next_id, "name": name, "group": group, "color": colour})
    return existing, rows, next_id


def _unique_code(cid: int, taken: set[str]) -> str:
    code = f"C{cid:06d}"
    n = 0
    while code in taken:
        n += 1
        code = f"C{cid:06d}-{n}"
    taken.add(code)
    return code


def _raw_insert(
    conn: Connection, table: str, columns: tuple[str, ...]
) -> Callable[[list[tuple[Any, ...]]], None]:
    """executemany of plain tuples straight to the driver.

    SQLAlchemy's per-row parameter processing costs more than SQLite's insert itself at a
    million rows; the values are made driver-ready by :func:`_bulk_value` instead.
    """
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join([mark] * len(columns))})"

    def run(rows: list[tuple[Any, ...]]) -> None:
        if rows:
            conn.exec_driver_sql(sql, rows)

    return run


def _timestamp_for(conn: Connection) -> Callable[[dt.datetime], Any]:
    """How a UTC timestamp is bound: as UtcDateTime stores it (naive UTC text on SQLite)."""
    if conn.dialect.name == "sqlite":
        return lambda moment: moment.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    return lambda moment: moment
