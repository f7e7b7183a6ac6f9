"""Export → import round-trips every value (issue 3): what one office exports, another imports
unchanged, in English and in Chinese.

Texts the importer reads as "no value" ("-", "N/A", "nil", "无"…) are not generated: a customer
called "nil" does not survive a round trip through a spreadsheet, by design."""

from __future__ import annotations

import datetime as dt
import shutil
import string
import tempfile
from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from crmdesk import db as dbmod
from crmdesk.services import Database, audit, lookups
from crmdesk.services import customers as cs
from crmdesk.services.dto import ContactInput, CustomerInput, CustomerQuery
from crmdesk.services.exporting import export_customers
from crmdesk.services.importing.cleaning import is_blank
from crmdesk.services.importing.engine import ImportOptions, run_import

_TEXT = (
    st.text(
        alphabet=st.sampled_from(
            list(string.ascii_letters + string.digits + " .,-'&()")
            + list("恒通信息科技华为张伟王芳李娜北京上海（）、·")
            + ["=", "+", "@", "-"]
        ),
        min_size=1,
        max_size=24,
    )
    .map(lambda s: " ".join(s.split()))
    .filter(lambda s: s and not is_blank(s))
)


def _optional(strategy: st.SearchStrategy) -> st.SearchStrategy:
    return st.one_of(st.none(), strategy)


_PHONES = st.integers(min_value=130_0000_0000, max_value=199_9999_9999).map(str)
_EMAILS = st.from_regex(r"[a-z][a-z0-9]{2,10}@[a-z]{3,8}\.(com|cn|net)", fullmatch=True)
_MONEY = st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False).map(Decimal)
_DAYS = st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2030, 12, 31))

_CUSTOMER = st.fixed_dictionaries(
    {
        "name": _TEXT,
        "kind": st.sampled_from(["company", "person"]),
        "industry": _optional(_TEXT),
        "city": _optional(_TEXT),
        "address": _optional(_TEXT),
        "channel": _optional(
            st.sampled_from(["website", "event", "wechat", "referral", "platform"])
        ),
        "segment": _optional(st.sampled_from(["trial", "paid", "enterprise"])),
        "tier": _optional(st.sampled_from(["A", "B", "C"])),
        "stage": st.sampled_from(["prospect", "new", "growing", "at_risk", "churned"]),
        "annual_revenue": _optional(_MONEY),
        "usage_scenario": _optional(_TEXT),
        "pain_points": _optional(_TEXT),
        "notes": _optional(_TEXT),
        "tags": st.lists(
            st.sampled_from(["VIP", "重点客户", "Trial", "华东"]), max_size=3, unique=True
        ),
        "contact": _optional(
            st.fixed_dictionaries(
                {
                    "name": _TEXT,
                    "title": _optional(_TEXT),
                    "phone": _optional(_PHONES),
                    "email": _optional(_EMAILS),
                    "wechat": _optional(st.from_regex(r"[a-z][a-z0-9_]{4,12}", fullmatch=True)),
                    "birthday": _optional(_DAYS),
                }
            )
        ),
    }
)


def _fresh(template: Path, folder: Path, name: str) -> Database:
    path = folder / name
    shutil.copyfile(template, path)
    engine = dbmod.create_db_engine(str(path))
    database = Database(engine, dbmod.create_session_factory(engine))
    audit.install(database.session_factory)
    database.sign_in("tester")
    return database


def _snapshot(db: Database) -> list[dict[str, object]]:
    """Every exported value of every customer, keyed by code."""
    rows = []
    for row in cs.list_customers(db, CustomerQuery(sort="code"), 0, 1000):
        d = cs.get_customer(db, row.id)
        contact = d.contacts[0] if d.contacts else None
        rows.append(
            {
                "code": d.code,
                "name": d.name,
                "kind": d.kind,
                "industry": d.industry,
                "city": d.city,
                "address": d.address,
                "channel": d.channel,
                "segment": d.segment,
                "tier": d.tier,
                "stage": d.stage,
                "annual_revenue": d.annual_revenue,
                "usage_scenario": d.usage_scenario,
                "pain_points": d.pain_points,
                "notes": d.notes,
                "tags": sorted(t.name for t in d.tags),
                "owner": d.owner_name,
                "contact": None
                if contact is None
                else (
                    contact.name,
                    contact.title,
                    contact.phone,
                    contact.email,
                    contact.wechat,
                    contact.birthday,
                ),
            }
        )
    return rows


@settings(
    max_examples=12,
    deadline=None,
    # Each example builds two databases and a workbook: shrinking would take minutes.
    phases=(Phase.explicit, Phase.reuse, Phase.generate),
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(customers=st.lists(_CUSTOMER, min_size=1, max_size=6), lang=st.sampled_from(["en", "zh_CN"]))
def test_an_export_imported_into_another_office_has_every_value(
    sqlite_template: Path, customers: list[dict], lang: str
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = _fresh(sqlite_template, folder, "source.sqlite3")
        target = _fresh(sqlite_template, folder, "target.sqlite3")
        try:
            tag_ids = {}
            for name in ("VIP", "重点客户", "Trial", "华东"):
                tag, _ = lookups.create_tag(source, name)
                tag_ids[name] = tag.id
            for c in customers:
                contact = c["contact"]
                cs.create_customer(
                    source,
                    CustomerInput(
                        name=c["name"],
                        kind=c["kind"],
                        industry=c["industry"],
                        city=c["city"],
                        address=c["address"],
                        channel=c["channel"],
                        segment=c["segment"],
                        tier=c["tier"],
                        stage=c["stage"],
                        annual_revenue=c["annual_revenue"],
                        usage_scenario=c["usage_scenario"],
                        pain_points=c["pain_points"],
                        notes=c["notes"],
                        tag_ids=tuple(tag_ids[t] for t in c["tags"]),
                    ),
                    [ContactInput(**contact, is_primary=True)] if contact else [],
                )
            exported = folder / "customers.xlsx"
            export_customers(source, exported, lang=lang)

            result = run_import(target, exported, ImportOptions(on_duplicate="create"))

            assert [r.reason for r in result.rejected] == []
            before, after = _snapshot(source), _snapshot(target)
            assert len(after) == len(before)
            differences = [
                (b["code"], key, b[key], a.get(key))
                for b, a in zip(before, after, strict=True)
                for key in b
                if a.get(key) != b[key]
            ]
            assert differences == []
        finally:
            source.close()
            target.close()


def test_an_export_from_another_office_never_updates_a_customer_by_its_number(
    sqlite_template: Path, tmp_path: Path
) -> None:
    """Record ids are only trusted in the database the file came from."""
    theirs = _fresh(sqlite_template, tmp_path, "theirs.sqlite3")
    ours = _fresh(sqlite_template, tmp_path, "ours.sqlite3")
    try:
        cs.create_customer(theirs, CustomerInput(name="甲公司", code="T-1", city="上海"))
        mine, _ = cs.create_customer(ours, CustomerInput(name="乙公司", code="O-1", city="北京"))
        assert mine == 1  # the same record number as theirs
        exported = tmp_path / "theirs.xlsx"
        export_customers(theirs, exported, lang="zh_CN")

        result = run_import(ours, exported)

        assert (result.counts["create"], result.counts["update"]) == (1, 0)
        assert cs.get_customer(ours, mine).name == "乙公司"
        assert cs.get_customer(ours, mine).city == "北京"
    finally:
        theirs.close()
        ours.close()


def test_namesakes_exported_apart_are_imported_apart(sqlite_template: Path, tmp_path: Path) -> None:
    source = _fresh(sqlite_template, tmp_path, "source.sqlite3")
    target = _fresh(sqlite_template, tmp_path, "target.sqlite3")
    try:
        for city in ("北京", "上海"):
            cs.create_customer(source, CustomerInput(name="华信科技有限公司", city=city))
        exported = tmp_path / "namesakes.xlsx"
        export_customers(source, exported)

        result = run_import(target, exported)

        assert result.counts["create"] == 2
        assert sorted(r["city"] for r in _snapshot(target)) == ["上海", "北京"]
    finally:
        source.close()
        target.close()
