"""The audit trail (谁改了什么): every change to a customer and what belongs to it is recorded."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

from crmdesk.services import Database, lookups
from crmdesk.services import activity as act
from crmdesk.services import contacts as ks
from crmdesk.services import customers as cs
from crmdesk.services.dto import AuditRow, ContactInput, CustomerInput, InteractionInput


def _history(db: Database, cid: int) -> list[AuditRow]:
    return act.customer_history(db, cid)


def _changes(rows: list[AuditRow]) -> dict[str, tuple[str | None, str | None]]:
    return {r.field: (r.old_value, r.new_value) for r in rows if r.action == "update" and r.field}


def test_creating_a_customer_is_recorded_with_who_did_it(database: Database) -> None:
    cid, _ = cs.create_customer(
        database, CustomerInput(name="恒通信息"), [ContactInput(name="张伟", phone="13812345678")]
    )
    rows = _history(database, cid)
    assert {(r.entity, r.action) for r in rows} == {("customer", "create"), ("contact", "create")}
    assert all(r.user_name == "tester" for r in rows)
    created = next(r for r in rows if r.entity == "customer")
    assert created.entity_id == cid


def test_an_edit_records_each_changed_field_with_old_and_new_value(database: Database) -> None:
    cid, _ = cs.create_customer(
        database, CustomerInput(name="恒通信息", city="北京", tier="C", annual_revenue=Decimal(5))
    )
    before = cs.get_customer(database, cid)
    database.sign_in("tester")
    cs.update_customer(
        database,
        cid,
        before.version,
        replace(
            before.to_input(),
            city="上海",
            tier="A",
            stage="growing",
            annual_revenue=Decimal("1200000.50"),
        ),
    )
    rows = [r for r in _history(database, cid) if r.action == "update"]
    assert _changes(rows) == {
        "city": ("北京", "上海"),
        "tier": ("C", "A"),
        "stage": ("prospect", "growing"),
        "annual_revenue": ("5.00", "1200000.50"),
    }
    assert all(r.user_name == "tester" for r in rows)


def test_saving_without_changes_records_nothing(database: Database) -> None:
    cid, _ = cs.create_customer(database, CustomerInput(name="恒通信息", city="北京"))
    n = len(_history(database, cid))
    before = cs.get_customer(database, cid)
    cs.update_customer(database, cid, before.version, before.to_input())
    assert len(_history(database, cid)) == n


def test_the_user_who_made_a_change_is_the_one_recorded(database: Database) -> None:
    from crmdesk.models import Role, User

    with database.write() as s:
        s.add(User(username="li", display_name="李娜", role=Role.SALES_REP))
    cid, _ = cs.create_customer(database, CustomerInput(name="恒通信息"))
    database.sign_in("li")
    before = cs.get_customer(database, cid)
    cs.update_customer(database, cid, before.version, replace(before.to_input(), city="深圳"))
    newest = _history(database, cid)[0]
    assert (newest.user_name, newest.field, newest.new_value) == ("李娜", "city", "深圳")


def test_tag_changes_are_recorded(database: Database) -> None:
    vip, _ = lookups.create_tag(database, "VIP", "level")
    trial, _ = lookups.create_tag(database, "试用", "segment")
    cid, _ = cs.create_customer(database, CustomerInput(name="恒通信息", tag_ids=(trial.id,)))
    before = cs.get_customer(database, cid)
    cs.update_customer(
        database, cid, before.version, replace(before.to_input(), tag_ids=(trial.id, vip.id))
    )
    mid = cs.get_customer(database, cid)
    cs.update_customer(database, cid, mid.version, replace(mid.to_input(), tag_ids=(vip.id,)))
    tag_rows = [r for r in _history(database, cid) if r.field == "tags"]
    assert [(r.old_value, r.new_value) for r in tag_rows] == [
        ("VIP, 试用", "VIP"),
        ("试用", "VIP, 试用"),
    ]


def test_delete_and_restore_are_recorded(database: Database) -> None:
    cid, _ = cs.create_customer(database, CustomerInput(name="恒通信息"))
    cs.delete_customers(database, [cid])
    cs.restore_customers(database, [cid])
    actions = [(r.entity, r.action) for r in _history(database, cid)]
    assert actions[:2] == [("customer", "restore"), ("customer", "delete")]
    assert actions[-1] == ("customer", "create")


def test_contact_changes_are_recorded(database: Database) -> None:
    cid, _ = cs.create_customer(database, CustomerInput(name="恒通信息"))
    kid, _ = ks.add_contact(
        database, cid, ContactInput(name="王芳", phone="13812345678", email="wf@example.com")
    )
    (contact,) = cs.get_customer(database, cid).contacts
    ks.update_contact(
        database,
        kid,
        contact.version,
        replace(contact.to_input(), phone="13999999999", title="采购经理"),
    )
    ks.set_contact_deleted(database, kid, True)
    rows = [r for r in _history(database, cid) if r.entity == "contact"]
    assert all(r.entity_id == kid for r in rows)
    assert rows[0].action == "delete"
    assert _changes(rows) == {"phone": ("13812345678", "13999999999"), "title": (None, "采购经理")}
    assert rows[-1].action == "create"


def test_interaction_and_task_changes_are_recorded(database: Database) -> None:
    cid, _ = cs.create_customer(database, CustomerInput(name="恒通信息"))
    iid, _ = act.add_interaction(
        database, cid, InteractionInput(kind="visit", summary="上门演示", important=True)
    )
    act.set_interaction_deleted(database, iid, True)
    tid, _ = act.add_task(
        database, cid, "回访报价", due_at=dt.datetime(2030, 1, 2, 9, 0, tzinfo=dt.UTC)
    )
    act.set_task_done(database, tid, True)
    rows = _history(database, cid)
    interaction = [(r.action, r.field) for r in rows if r.entity == "interaction"]
    assert interaction == [("delete", None), ("create", None)]
    task = [r for r in rows if r.entity == "task"]
    assert [(r.action, r.field) for r in task] == [("update", "done_at"), ("create", None)]
    assert task[0].old_value is None and task[0].new_value is not None
    assert all(r.user_name == "tester" for r in rows)


def test_history_is_newest_first_and_pages(database: Database) -> None:
    cid, _ = cs.create_customer(database, CustomerInput(name="恒通信息"))
    for city in ("北京", "上海", "广州", "深圳"):
        c = cs.get_customer(database, cid)
        cs.update_customer(database, cid, c.version, replace(c.to_input(), city=city))
    rows = _history(database, cid)
    assert [r.new_value for r in rows if r.field == "city"] == ["深圳", "广州", "上海", "北京"]
    assert [(r.at, r.id) for r in rows] == sorted(((r.at, r.id) for r in rows), reverse=True)
    page = act.customer_history(database, cid, offset=1, limit=2)
    assert [r.id for r in page] == [r.id for r in rows[1:3]]


def test_history_of_one_customer_holds_nothing_of_another(database: Database) -> None:
    a, _ = cs.create_customer(database, CustomerInput(name="恒通信息"))
    b, _ = cs.create_customer(database, CustomerInput(name="华为技术"))
    ks.add_contact(database, b, ContactInput(name="王芳"))
    assert {r.entity_id for r in _history(database, a)} == {a}


def test_every_new_database_handle_is_audited(sqlite_db: Database) -> None:
    """Handles come and go (tests, a restore); a new one must never be taken for an old one."""
    from sqlalchemy.orm import sessionmaker

    from crmdesk import db as dbmod
    from crmdesk.services import audit

    engine = dbmod.create_db_engine(sqlite_db.engine.url)
    gone = sessionmaker(engine)
    audit.install(gone)
    del gone
    # Made right after the old one was collected: CPython usually hands it the same address.
    factory = dbmod.create_session_factory(engine)
    audit.install(factory)
    fresh = Database(engine, factory)
    fresh.sign_in("tester")
    cid, _ = cs.create_customer(fresh, CustomerInput(name="恒通信息"))
    assert [(r.entity, r.action) for r in _history(fresh, cid)] == [("customer", "create")]
    fresh.close()
