"""Bulk customers for scale tests: up to a million, fast."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, select

from crmdesk.models import (
    Contact,
    Customer,
    Tag,
    User,
)
from crmdesk.services.core import Database
from crmdesk.services.customers import search_text_for
from crmdesk.services.demo.common import (
    BATCH,
    CancelCheck,
    Progress,
    _checker,
    _company,
    _fix_sequences,
    _insert,
    _max_ids,
    _person,
    _phone,
    _raw_insert,
    _tag_rows,
    _timestamp_for,
    _unique_code,
    tier_for,
)
from crmdesk.services.demo.data import words_for
from crmdesk.services.demo.office import _CHANNELS
from crmdesk.services.text import company_key, normalize_phone

# ---------------------------------------------------------------------------------------------
# Bulk data for scale tests

_BULK_STAGES = ("prospect", "new", "growing", "growing", "growing", "at_risk", "churned")
_BULK_CHANNELS = tuple(k for k, w in _CHANNELS for _ in range(w // 5))


def _fts_insert_trigger(conn: Connection) -> str | None:
    if conn.dialect.name != "sqlite":
        return None
    return conn.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'customer_fts_ai'"
    ).scalar()


_CUSTOMER_COLUMNS = (
    "id", "code", "kind", "name", "name_key", "industry", "region", "city", "website",
    "channel", "segment", "tier", "stage", "owner_id", "annual_revenue", "search_text",
    "version", "created_at", "updated_at",
)  # fmt: skip
_CONTACT_COLUMNS = (
    "id", "customer_id", "name", "phone", "phone_key", "email", "wechat",
    "is_decision_maker", "is_primary", "version", "created_at", "updated_at",
)  # fmt: skip


def generate_bulk(
    db: Database,
    customers: int,
    lang: str = "zh_CN",
    seed: int = 1,
    progress: Progress | None = None,
    with_contacts: bool = True,
    cancel: CancelCheck | None = None,
    *,
    tickets: int = 0,
    open_tickets: int = 5_000,
    full_history: bool = False,
) -> int:
    """Add ``customers`` plausible customers fast, for scale tests; returns how many.

    Each gets one or two contacts (the commonest Chinese names such as 张伟 and 王芳 among
    them, so searches have realistic hits) and one to three tags; tiers follow the annual
    revenue. No timeline or deals. Rows are built in Python and written with executemany in
    batches of 10,000, all in one transaction. On SQLite the full-text index is built once at
    the end instead of row by row, in the same transaction.

    ``tickets`` adds that many service tickets for these customers, ``open_tickets`` of them
    open now (see crmdesk.services.demo.bulk_tickets: open ones with their whole history,
    closed ones with their figures and closing step, or everything with ``full_history``).
    """
    from crmdesk.services.demo.bulk_tickets import add_bulk_tickets
    from crmdesk.services.service_settings import load_calendar, load_policy

    calendar, policy = load_calendar(db), load_policy(db)
    total = customers + max(0, tickets)
    words = words_for(lang)
    check = _checker(cancel)
    rng = random.Random(seed)
    now = db.now()
    two_years = 730 * 86400
    industries = list(words.industries)
    regions = [(r, c, a) for r, cities in words.regions.items() for c, a in cities]
    need_group, need_tags = words.tag_groups[0]
    plan_group, plan_tags = words.tag_groups[2]
    key_cache: dict[str, str] = {}
    cust_t, contact_t = Customer.__table__, Contact.__table__
    with db.write() as s:
        conn = s.connection()
        ids = _max_ids(conn, [cust_t, contact_t, Tag.__table__])
        tag_ids, tag_rows, _ = _tag_rows(conn, words, ids["tag"])
        _insert(conn, Tag.__table__, tag_rows, check)
        tag_name = {i: n for (_g, n), i in tag_ids.items()}
        region_tag = {r: tag_ids[(words.region_group, r)] for r in words.regions}
        plan_tag = {
            seg: tag_ids[(plan_group, plan_tags[i][0])]
            for i, seg in enumerate(("trial", "paid", "enterprise"))
        }
        need_tag_ids = [tag_ids[(need_group, n)] for n, _ in need_tags]
        owners: list[int | None] = list(
            conn.scalars(select(User.__table__.c.id).where(User.__table__.c.active.is_(True)))
        ) or [None]
        taken: set[str] = set()
        if ids["customer"]:
            taken = set(conn.scalars(select(cust_t.c.code)))
        stamp = _timestamp_for(conn)
        # sqlite3 cannot bind a Decimal; a NUMERIC column stores the text as a number.
        money: Callable[[Decimal], Any] = str if conn.dialect.name == "sqlite" else Decimal
        now_stamp = stamp(now)
        put_customers = _raw_insert(conn, "customer", _CUSTOMER_COLUMNS)
        put_contacts = _raw_insert(conn, "contact", _CONTACT_COLUMNS)
        put_tags = _raw_insert(conn, "customer_tag", ("customer_id", "tag_id"))
        trigger = _fts_insert_trigger(conn)
        deferred: list[tuple[str, str]] = []
        if trigger:
            conn.exec_driver_sql("DROP TRIGGER customer_fts_ai")
            # Building an index once over sorted keys beats a million random inserts into it.
            deferred = list(
                conn.exec_driver_sql(
                    "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                    "AND sql NOT LIKE 'CREATE UNIQUE%' "
                    "AND tbl_name IN ('customer', 'contact', 'customer_tag')"
                ).all()
            )
            for index_name, _sql in deferred:
                conn.exec_driver_sql(f'DROP INDEX "{index_name}"')
            # Keep the indexes being built in memory rather than spilling them to the WAL.
            conn.exec_driver_sql("PRAGMA cache_size=-1000000")
        cid, kid = ids["customer"], ids["contact"]
        done = 0
        while done < customers:
            check()
            batch = min(BATCH, customers - done)
            cust_rows: list[tuple[Any, ...]] = []
            contact_rows: list[tuple[Any, ...]] = []
            link_rows: list[tuple[int, int]] = []
            for _ in range(batch):
                cid += 1
                region, city, area = rng.choice(regions)
                is_company = rng.random() < 0.9
                if is_company:
                    industry = rng.choice(industries)
                    name, domain = _company(rng, words, industry, city)
                else:
                    industry = None
                    name, domain = _person(rng, words, 0.1)
                key = key_cache.get(name)
                if key is None:
                    key = key_cache[name] = company_key(name)
                code = f"C{cid:06d}"
                if code in taken:
                    code = _unique_code(cid, taken)
                stage = rng.choice(_BULK_STAGES)
                revenue = None
                if stage != "prospect":
                    revenue = Decimal(int(10 ** rng.uniform(4, 6.7)) // 100 * 100)
                segment = (
                    "trial" if stage == "prospect" else rng.choice(("paid", "paid", "enterprise"))
                )
                contacts = []
                for i in range(rng.choice((1, 1, 2)) if with_contacts else 0):
                    if is_company or i:
                        person, handle = _person(rng, words, 0.1)
                        email = f"{handle}@{domain if is_company else words.email_domains[0]}"
                    else:
                        person, handle = name, domain
                        email = f"{handle}{rng.randint(1, 99)}@{rng.choice(words.email_domains)}"
                    phone = _phone(rng, words, area)
                    wechat = (
                        f"{handle.replace('.', '_')}{rng.randint(10, 999)}"
                        if rng.random() < 0.3
                        else None
                    )
                    kid += 1
                    contacts.append((person, phone, email, wechat))
                    first = i == 0
                    contact_rows.append(
                        (kid, cid, person, phone, normalize_phone(phone), email, wechat,
                         first, first, 1, now_stamp, now_stamp)
                    )  # fmt: skip
                tags = [region_tag[region], plan_tag[segment]]
                if rng.random() < 0.5:
                    tags.append(rng.choice(need_tag_ids))
                tags.sort()
                link_rows.extend((cid, t) for t in tags)
                created = stamp(now - dt.timedelta(seconds=rng.randrange(two_years)))
                tier = tier_for(revenue)
                cust_rows.append(
                    (cid, code, "company" if is_company else "person", name, key, industry,
                     region, city, f"www.{domain}" if is_company else None,
                     rng.choice(_BULK_CHANNELS), segment, tier, stage,
                     owners[cid % len(owners)], None if revenue is None else money(revenue),
                     search_text_for(name, code, city, contacts, [tag_name[t] for t in tags]),
                     1, created, created)
                )  # fmt: skip
            put_customers(cust_rows)
            put_contacts(contact_rows)
            put_tags(link_rows)
            done += batch
            if progress is not None:
                progress(done, total)
        for _index_name, sql in deferred:
            check()
            conn.exec_driver_sql(sql)
        if trigger:
            conn.exec_driver_sql("INSERT INTO customer_fts(customer_fts) VALUES ('rebuild')")
            conn.exec_driver_sql(trigger)
            conn.exec_driver_sql("PRAGMA cache_size=-65536")
        _fix_sequences(conn, [cust_t, contact_t, Tag.__table__])
        add_bulk_tickets(
            conn,
            tickets,
            now=now,
            calendar=calendar,
            policy=policy,
            lang=lang,
            seed=seed,
            open_tickets=open_tickets,
            full_history=full_history,
            progress=None if progress is None else lambda d, _t: progress(customers + d, total),
            check=check,
        )
    return customers
