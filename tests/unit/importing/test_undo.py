"""Taking an import back: what it created goes, what it updated gets its old values back, and
what people edited since is left alone and named."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from crmdesk.services import Database
from crmdesk.services import activity as act
from crmdesk.services import customers as cs
from crmdesk.services.dto import ContactInput, CustomerInput, CustomerQuery
from crmdesk.services.importing.engine import (
    ImportUndoError,
    list_imports,
    run_import,
    undo_import,
)

from .conftest import write_xlsx


@pytest.fixture
def office(database: Database, tmp_path: Path) -> tuple[Database, int, Path]:
    """An existing customer 华为 (no industry yet) and a file that updates it and adds two."""
    cid, _ = cs.create_customer(
        database, CustomerInput(name="华为技术有限公司", city="深圳"), [ContactInput(name="张伟")]
    )
    path = write_xlsx(
        tmp_path / "import.xlsx",
        {
            "客户": [
                ["客户名称", "行业", "联系人", "手机", "标签"],
                ["华为技术", "通信", "赵强", "13600001111", "重点"],
                ["小米科技有限公司", "电子", "李娜", "13912345678", "新客户"],
                ["腾讯科技", "互联网", "王芳", "13700001111", None],
            ],
            "跟进记录": [
                ["客户名称", "日期", "内容"],
                ["华为技术", dt.date(2024, 1, 2), "上门拜访"],
            ],
        },
    )
    return database, cid, path


def _all_names(db: Database) -> list[str]:
    return sorted(r.name for r in cs.list_customers(db, CustomerQuery()))


def test_undo_removes_what_was_created_and_restores_what_was_updated(
    office: tuple[Database, int, Path],
) -> None:
    db, cid, path = office
    result = run_import(db, path)
    assert (result.counts["create"], result.counts["update"]) == (2, 1)
    updated = cs.get_customer(db, cid)
    assert updated.industry == "通信" and {t.name for t in updated.tags} == {"重点"}
    assert len(updated.contacts) == 2 and updated.figures.interactions == 1

    undone = undo_import(db, result.batch_id)
    # Two customers (their contacts go with them), 赵强 and the follow-up at 华为.
    assert (undone.removed, undone.restored, undone.left_alone) == (4, 1, ())
    assert _all_names(db) == ["华为技术有限公司"]
    back = cs.get_customer(db, cid)
    assert (back.industry, back.city, back.tags) == (None, "深圳", ())
    assert [k.name for k in back.contacts] == ["张伟"]
    assert back.figures.interactions == 0 and back.last_interaction_at is None
    assert cs.list_customers(db, CustomerQuery(text="赵强")) == []
    (batch,) = list_imports(db)
    assert batch.status == "undone"

    with pytest.raises(ImportUndoError) as caught:
        undo_import(db, result.batch_id)
    assert str(caught.value) == (
        f"Import {result.batch_id} was already undone; there is nothing left to take back."
    )


def test_undo_leaves_records_edited_since_the_import_alone(
    office: tuple[Database, int, Path],
) -> None:
    db, cid, path = office
    result = run_import(db, path)
    xiaomi = cs.list_customers(db, CustomerQuery(text="小米"))[0].id
    # Somebody works on two of the imported records afterwards.
    for customer_id, notes in ((cid, "已签约"), (xiaomi, "重要")):
        detail = cs.get_customer(db, customer_id)
        cs.update_customer(
            db,
            customer_id,
            detail.version,
            CustomerInput(
                name=detail.name, industry=detail.industry, city=detail.city, notes=notes
            ),
        )

    undone = undo_import(db, result.batch_id)
    assert sorted(undone.left_alone) == sorted(
        [
            (cid, "华为技术有限公司", "edited since the import"),
            (xiaomi, "小米科技有限公司", "edited since the import"),
        ]
    )
    assert undone.restored == 0
    assert _all_names(db) == ["华为技术有限公司", "小米科技有限公司"]  # 腾讯 went
    kept = cs.get_customer(db, cid)
    assert (kept.industry, kept.notes) == ("通信", "已签约")
    assert list_imports(db)[0].status == "undone"


def _entries(db: Database, cid: int) -> set[tuple[str, str, str | None, str | None, str | None]]:
    return {
        (h.entity, h.action, h.field, h.old_value, h.new_value)
        for h in act.customer_history(db, cid)
    }


def test_an_import_and_its_undo_are_in_the_customers_history(
    office: tuple[Database, int, Path],
) -> None:
    db, cid, path = office
    result = run_import(db, path)
    xiaomi = cs.list_customers(db, CustomerQuery(text="小米"))[0].id

    # A created customer's History tab shows its creation and its contact's, by who imported.
    created = act.customer_history(db, xiaomi)
    assert {(h.entity, h.action) for h in created} == {
        ("customer", "create"),
        ("contact", "create"),
    }
    assert {h.user_name for h in created} == {"tester"}
    assert next(h for h in created if h.entity == "customer").entity_id == xiaomi

    # The updated customer shows each changed field with its old and new value, and what was
    # added to it.
    updated = _entries(db, cid)
    assert ("customer", "update", "industry", None, "通信") in updated
    assert ("customer", "update", "tags", "", "重点") in updated
    assert ("contact", "create", None, None, None) in updated
    assert ("interaction", "create", None, None, None) in updated

    undo_import(db, result.batch_id)
    after = _entries(db, cid)
    # The restoration: old values back, the imported contact and follow-up erased.
    assert ("customer", "update", "industry", "通信", None) in after
    assert ("customer", "update", "tags", "重点", "") in after
    assert ("contact", "erase", None, None, None) in after
    assert ("interaction", "erase", None, None, None) in after
    assert {(h.entity, h.action) for h in act.customer_history(db, xiaomi)} >= {
        ("customer", "erase"),
        ("contact", "erase"),
    }
