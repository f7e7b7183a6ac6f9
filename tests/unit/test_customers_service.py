"""The customer service as a user meets it: saving, stale edits, duplicates, the paged list."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.orm.exc import StaleDataError

from crmdesk.errors import NotFoundError, StaleEditError, ValidationError
from crmdesk.models import Contact, Customer, Role, User
from crmdesk.services import Database, lookups
from crmdesk.services import activity as act
from crmdesk.services import customers as cs
from crmdesk.services.dto import ContactInput, CustomerInput, CustomerQuery, InteractionInput


def _user(db: Database, username: str, name: str) -> int:
    with db.write() as s:
        u = User(username=username, display_name=name, role=Role.SALES_REP)
        s.add(u)
        s.flush()
        return u.id


def _ids(rows) -> list[int]:  # noqa: ANN001
    return [r.id for r in rows]


def _live_count(db: Database) -> int:
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(Customer)) or 0


# ---------------------------------------------------------------------------------------------
# Create, edit, delete, restore, erase


def test_a_created_customer_shows_in_the_list_and_its_record(database: Database) -> None:
    cid, changes = cs.create_customer(
        database,
        CustomerInput(name="  北京恒通信息科技有限公司 ", city="北京", tier="A", stage="new"),
        [ContactInput(name="张伟", phone="138 1234 5678", email="Zhang.Wei@Example.com")],
    )
    assert changes.customers == {cid} and len(changes.contacts) == 1
    detail = cs.get_customer(database, cid)
    assert detail.name == "北京恒通信息科技有限公司"
    assert detail.code.startswith("C")
    assert detail.owner_name == "tester"  # the one who created it owns it
    assert [(k.name, k.email) for k in detail.contacts] == [("张伟", "zhang.wei@example.com")]
    (row,) = cs.list_customers(database, CustomerQuery())
    assert (row.id, row.contact_name, row.phone, row.tier) == (cid, "张伟", "138 1234 5678", "A")


def test_an_edit_is_saved_and_bumps_the_version(database: Database) -> None:
    cid, _ = cs.create_customer(database, CustomerInput(name="恒通"))
    before = cs.get_customer(database, cid)
    data = before.to_input()
    from dataclasses import replace

    cs.update_customer(database, cid, before.version, replace(data, city="上海", tier="B"))
    after = cs.get_customer(database, cid)
    assert (after.city, after.tier, after.name) == ("上海", "B", "恒通")
    assert after.version == before.version + 1
    assert _ids(cs.list_customers(database, CustomerQuery(text="恒通", tier="B"))) == [cid]


def test_saving_over_a_newer_version_is_refused_and_changes_nothing(database: Database) -> None:
    from dataclasses import replace

    cid, _ = cs.create_customer(database, CustomerInput(name="恒通"))
    opened = cs.get_customer(database, cid)  # two people open the same customer
    cs.update_customer(database, cid, opened.version, replace(opened.to_input(), city="上海"))
    with pytest.raises(StaleEditError, match="changed by someone else"):
        cs.update_customer(database, cid, opened.version, replace(opened.to_input(), city="广州"))
    now = cs.get_customer(database, cid)
    assert now.city == "上海"
    assert now.version == opened.version + 1


def test_two_sessions_racing_on_one_customer_the_second_flush_is_stale(
    database: Database,
) -> None:
    """The ORM version column catches a save that passed the service's version check."""
    cid, _ = cs.create_customer(database, CustomerInput(name="恒通"))
    mine = database.session_factory()
    c = mine.get(Customer, cid)
    assert c is not None
    mine.commit()  # the form keeps the loaded record while someone else saves
    from dataclasses import replace

    other = cs.get_customer(database, cid)
    cs.update_customer(database, cid, other.version, replace(other.to_input(), city="上海"))
    c.city = "广州"
    with pytest.raises(StaleDataError):
        mine.commit()
    mine.rollback()
    mine.close()
    assert cs.get_customer(database, cid).city == "上海"


def test_updating_a_customer_that_was_erased_says_so(database: Database) -> None:
    cid, _ = cs.create_customer(database, CustomerInput(name="恒通"))
    opened = cs.get_customer(database, cid)
    cs.delete_customers(database, [cid])
    cs.erase_customers(database, [cid])
    with pytest.raises(NotFoundError):
        cs.update_customer(database, cid, opened.version, opened.to_input())


def test_validation_errors_name_each_field(database: Database) -> None:
    with pytest.raises(ValidationError) as err:
        cs.create_customer(
            database,
            CustomerInput(name="  ", annual_revenue=Decimal(-5), website="www.a b.com"),
        )
    assert set(err.value.field_errors) == {"name", "annual_revenue", "website"}
    assert all(text.endswith(".") for text in err.value.field_errors.values())
    with pytest.raises(ValidationError) as err:
        cs.create_customer(database, CustomerInput(name="恒通", tier="Z"))
    assert "tier" in err.value.field_errors
    with pytest.raises(ValidationError) as err:
        cs.create_customer(
            database, CustomerInput(name="恒通"), [ContactInput(name="张伟", email="zhang@")]
        )
    assert "email" in err.value.field_errors
    assert _live_count(database) == 0  # nothing half-saved


def test_a_used_code_is_refused_on_the_code_field(database: Database) -> None:
    cs.create_customer(database, CustomerInput(name="恒通", code="VIP-1"))
    with pytest.raises(ValidationError) as err:
        cs.create_customer(database, CustomerInput(name="华为", code="VIP-1"))
    assert "code" in err.value.field_errors
    assert _live_count(database) == 1


def test_delete_moves_to_trash_and_restore_brings_back(database: Database) -> None:
    keep, _ = cs.create_customer(database, CustomerInput(name="华为技术"))
    gone, _ = cs.create_customer(database, CustomerInput(name="恒通信息"))
    cs.delete_customers(database, [gone])
    assert _ids(cs.list_customers(database, CustomerQuery())) == [keep]
    assert _ids(cs.list_customers(database, CustomerQuery(text="恒通"))) == []
    assert _ids(cs.list_customers(database, CustomerQuery(trash=True))) == [gone]
    assert cs.count_customers(database, CustomerQuery()).count == 1
    assert cs.get_customer(database, gone).deleted_at is not None
    cs.restore_customers(database, [gone])
    assert set(_ids(cs.list_customers(database, CustomerQuery()))) == {keep, gone}
    assert _ids(cs.list_customers(database, CustomerQuery(trash=True))) == []


def test_erase_removes_everything_and_only_from_the_trash(database: Database) -> None:
    cid, _ = cs.create_customer(
        database, CustomerInput(name="恒通信息"), [ContactInput(name="张伟", phone="13812345678")]
    )
    act.add_interaction(database, cid, InteractionInput(kind="call", summary="报价 13812345678"))
    with pytest.raises(ValidationError, match="trash"):
        cs.erase_customers(database, [cid])
    assert cs.get_customer(database, cid).name == "恒通信息"
    cs.delete_customers(database, [cid])
    cs.erase_customers(database, [cid])
    with pytest.raises(NotFoundError):
        cs.get_customer(database, cid)
    with database.read() as s:
        assert s.scalar(select(func.count()).select_from(Contact)) == 0
    assert cs.list_customers(database, CustomerQuery(text="张伟", trash=True)) == []
    # The trail keeps that something happened but no longer what the record said.
    history = act.customer_history(database, cid)
    assert history
    assert all(h.old_value is None and h.new_value is None for h in history)


# ---------------------------------------------------------------------------------------------
# Duplicates


def _seed_huawei(database: Database) -> int:
    cid, _ = cs.create_customer(
        database,
        CustomerInput(name="(北京)华为技术有限公司"),
        [ContactInput(name="王芳", phone="+86 138-1234-5678", email="Wang.Fang@Example.com")],
    )
    return cid


@pytest.mark.parametrize(
    "typed", ["华为技术", "华为技术股份有限公司", "华为技术（北京）有限公司", "华为 技术 有限公司"]
)
def test_a_company_name_without_legal_form_finds_the_existing_customer(
    database: Database, typed: str
) -> None:
    cid = _seed_huawei(database)
    hits = cs.find_duplicates(database, name=typed)
    assert [(h.id, h.reason) for h in hits] == [(cid, "name")]


def test_a_phone_or_email_in_another_spelling_finds_the_existing_customer(
    database: Database,
) -> None:
    cid = _seed_huawei(database)
    by_phone = cs.find_duplicates(database, phones=["0086 13812345678"])
    assert [(h.id, h.reason) for h in by_phone] == [(cid, "phone")]
    assert "王芳" in by_phone[0].detail
    by_email = cs.find_duplicates(database, emails=[" WANG.FANG@example.com "])
    assert [(h.id, h.reason) for h in by_email] == [(cid, "email")]
    assert cs.find_duplicates(database, name="华为终端", phones=["13900000000"]) == []


def test_the_record_being_edited_and_deleted_ones_are_not_duplicates(database: Database) -> None:
    cid = _seed_huawei(database)
    assert cs.find_duplicates(database, name="华为技术", exclude_id=cid) == []
    cs.delete_customers(database, [cid])
    assert cs.find_duplicates(database, name="华为技术", phones=["13812345678"]) == []


def test_namesakes_can_be_created(database: Database) -> None:
    first = _seed_huawei(database)
    second, _ = cs.create_customer(database, CustomerInput(name="华为技术有限公司"))
    assert first != second
    assert cs.get_customer(database, first).code != cs.get_customer(database, second).code
    hits = cs.find_duplicates(database, name="华为技术")
    assert {h.id for h in hits} == {first, second}


# ---------------------------------------------------------------------------------------------
# The list: paging, sorting, counting, filtering

N = 37
_CITIES = ["北京", "上海", None, "深圳", "上海"]
_TIERS = ["A", "B", "C", None]
_STAGES = ["prospect", "new", "growing", "at_risk"]
_CHANNELS = ["website", "wechat", None, "referral"]


@pytest.fixture
def crowd(database: Database) -> dict[str, object]:
    """N customers with ties and empty values in every sortable column."""
    owners = [_user(database, "li", "李娜"), _user(database, "zhao", "赵敏"), None]
    vip, _ = lookups.create_tag(database, "VIP", "level")
    ids = []
    for i in range(N):
        name = ["恒通科技", "华为技术", "张伟贸易", "Acme Trading", "王芳工作室"][i % 5]
        cid, _ = cs.create_customer(
            database,
            CustomerInput(
                name=f"{name}{i // 5 if i % 3 else ''}",
                city=_CITIES[i % 5],
                tier=_TIERS[i % 4],
                stage=_STAGES[i % 4],
                channel=_CHANNELS[i % 4],
                industry=["IT", None, "制造"][i % 3],
                owner_id=owners[i % 3],
                annual_revenue=None if i % 6 == 0 else Decimal(1000 * (i % 7)),
                tag_ids=(vip.id,) if i % 4 == 1 else (),
            ),
            [ContactInput(name=f"联系人{i}", phone=f"1380000{i:04d}", email=f"c{i}@example.com")],
        )
        ids.append(cid)
        if i % 4 == 0:
            act.add_interaction(
                database,
                cid,
                InteractionInput(
                    "call", "回访", occurred_at=dt.datetime(2024, 1, 1 + i % 3, tzinfo=dt.UTC)
                ),
            )
    # A new customer belongs to whoever created it; some customers have lost their owner.
    with database.write() as s:
        s.execute(update(Customer).where(Customer.id.in_(ids[2::3])).values(owner_id=None))
    return {"ids": ids, "owners": owners, "vip": vip.id}


def test_pages_are_consecutive_and_reading_from_the_end_gives_the_same_rows(
    database: Database, crowd: dict[str, object]
) -> None:
    # One fixture for every order: building the crowd is the slow part.
    for sort in sorted(cs.SORT_COLUMNS):
        for descending in (False, True):
            _check_paging(database, crowd, CustomerQuery(sort=sort, descending=descending))


def _check_paging(database: Database, crowd: dict[str, object], q: CustomerQuery) -> None:
    everything = _ids(cs.list_customers(database, q, 0, 1000))
    assert sorted(everything) == sorted(crowd["ids"]), q  # type: ignore[arg-type]
    for size in (5, 8):
        forward = []
        for offset in range(0, N, size):
            forward += _ids(cs.list_customers(database, q, offset, size))
        assert forward == everything, q
        backward = []
        for offset in range(0, N, size):
            backward += _ids(cs.list_customers(database, q, offset, size, total=N))
        assert backward == everything, q
    last = cs.list_customers(database, q, N - 1, 1, total=N)
    assert _ids(last) == everything[-1:]
    # Reversing the direction reverses the list exactly (ties broken by id both ways).
    other = _ids(
        cs.list_customers(database, CustomerQuery(sort=q.sort, descending=not q.descending))
    )
    assert other == everything[::-1], q


def test_the_list_is_in_name_order(database: Database, crowd: dict[str, object]) -> None:
    rows = cs.list_customers(database, CustomerQuery(sort="name"))
    keys = [(r.name, r.id) for r in rows]
    assert keys == sorted(keys)
    rows = cs.list_customers(database, CustomerQuery(sort="annual_revenue", descending=True))
    amounts = [r.annual_revenue for r in rows if r.annual_revenue is not None]
    assert amounts == sorted(amounts, reverse=True)


def test_counts_are_exact_or_capped(database: Database, crowd: dict[str, object]) -> None:
    assert cs.count_customers(database, CustomerQuery()) == cs.CountResult(N, True)
    assert cs.count_customers(database, CustomerQuery(), cap=10) == cs.CountResult(10, False)
    assert cs.count_customers(database, CustomerQuery(), cap=N) == cs.CountResult(N, True)
    assert cs.count_customers(database, CustomerQuery(text="恒通"), cap=1000).exact
    n = cs.count_customers(database, CustomerQuery(text="恒通")).count
    assert n == len(cs.list_customers(database, CustomerQuery(text="恒通"), 0, 1000)) > 0


def test_quick_filters_combine_with_search(database: Database, crowd: dict[str, object]) -> None:
    everything = cs.list_customers(database, CustomerQuery(), 0, 1000)

    def expect(pred) -> list[int]:  # noqa: ANN001
        return sorted(r.id for r in everything if pred(r))

    def got(**kw) -> list[int]:  # noqa: ANN003
        q = CustomerQuery(**kw)
        rows = _ids(cs.list_customers(database, q, 0, 1000))
        assert cs.count_customers(database, q).count == len(rows)
        return sorted(rows)

    li, zhao, _ = crowd["owners"]  # type: ignore[misc]
    assert got(tier="A") == expect(lambda r: r.tier == "A") != []
    assert got(tier="-") == expect(lambda r: r.tier is None) != []
    assert got(stage="at_risk") == expect(lambda r: r.stage == "at_risk") != []
    assert got(channel="wechat") == expect(lambda r: r.channel == "wechat") != []
    assert got(owner_id=li) == expect(lambda r: r.owner_id == li) != []
    assert got(owner_id=0) == expect(lambda r: r.owner_id is None) != []
    assert got(tag_id=crowd["vip"]) == expect(lambda r: "VIP" in r.tags) != []
    assert got(text="恒通") == expect(lambda r: "恒通" in r.name) != []
    both = got(text="恒通", tier="A", owner_id=li)
    assert both == expect(lambda r: "恒通" in r.name and r.tier == "A" and r.owner_id == li)
    assert got(text="华为", stage="new", channel="wechat", tag_id=crowd["vip"]) == expect(
        lambda r: (
            "华为" in r.name and r.stage == "new" and r.channel == "wechat" and "VIP" in r.tags
        )
    )
    assert got(text="恒通", tier="A", stage="growing", owner_id=zhao) == expect(
        lambda r: "恒通" in r.name and r.tier == "A" and r.stage == "growing" and r.owner_id == zhao
    )


def test_filtered_pages_read_from_the_end_match_too(
    database: Database, crowd: dict[str, object]
) -> None:
    q = CustomerQuery(text="科技", sort="city", descending=True)
    everything = _ids(cs.list_customers(database, q, 0, 1000))
    total = cs.count_customers(database, q).count
    assert total == len(everything) > 3
    backward = []
    for offset in range(0, total, 3):
        backward += _ids(cs.list_customers(database, q, offset, 3, total=total))
    assert backward == everything


def test_the_trash_has_its_own_list_and_filters(
    database: Database, crowd: dict[str, object]
) -> None:
    ids: list[int] = crowd["ids"]  # type: ignore[assignment]
    cs.delete_customers(database, ids[:10])
    assert cs.count_customers(database, CustomerQuery()).count == N - 10
    trash = _ids(cs.list_customers(database, CustomerQuery(trash=True), 0, 1000))
    assert sorted(trash) == sorted(ids[:10])
    in_trash_tier_a = _ids(cs.list_customers(database, CustomerQuery(trash=True, tier="A")))
    assert set(in_trash_tier_a) <= set(ids[:10]) and in_trash_tier_a
    cs.restore_customers(database, ids[:10])
    assert cs.count_customers(database, CustomerQuery(trash=True)).count == 0


def test_suggestions_while_typing_a_name(database: Database, crowd: dict[str, object]) -> None:
    hits = cs.suggest_customers(database, "华为")
    assert hits and all("华为" in name for _, _, name in hits)
    assert cs.suggest_customers(database, "  ") == []
