"""The small models behind the 360° tabs, and the paged timeline model."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import QModelIndex, Qt

from crmdesk.qt.simple_models import (
    ContactsModel,
    DealsModel,
    HistoryModel,
    OrdersModel,
    TasksModel,
    TicketsModel,
    TimelineModel,
)
from crmdesk.services.dto import (
    AuditRow,
    ContactRow,
    DealRow,
    InteractionRow,
    OrderRow,
    TaskRow,
    TicketRow,
)

NOW = dt.datetime(2024, 5, 6, 8, 30, tzinfo=dt.UTC)


def _check(qtmodeltester, model, rows):  # noqa: ANN001
    model.set_rows(rows)
    qtmodeltester.check(model)
    model.set_rows([])
    qtmodeltester.check(model)


def test_contacts_model(qtmodeltester):  # noqa: ANN001
    rows = [
        ContactRow(
            1,
            9,
            "王芳",
            "采购经理",
            "13812345678",
            "w@x.cn",
            "wf",
            dt.date(1985, 3, 2),
            True,
            True,
            None,
            1,
        ),
        ContactRow(2, 9, "李强", None, None, None, None, None, False, False, "IT", 1),
    ]
    model = ContactsModel()
    _check(qtmodeltester, model, rows)
    model.set_rows(rows)
    assert model.index(0, 6).data() == "★"
    assert model.index(1, 6).data() == ""
    assert model.index(0, 7).data() == "✔"


def test_deals_and_orders_models(qtmodeltester):  # noqa: ANN001
    deals = [
        DealRow(1, "年度框架协议", "negotiation", Decimal("500000"), "CNY", 60, None, "张经理")
    ]
    orders = [
        OrderRow(1, "SO-001", dt.date(2024, 1, 2), Decimal("1200.50"), "CNY", "open", Decimal(0)),
        OrderRow(2, "SO-002", dt.date(2024, 2, 2), Decimal("99"), "CNY", "cancelled", Decimal(0)),
    ]
    deal_model, order_model = DealsModel(), OrdersModel()
    _check(qtmodeltester, deal_model, deals)
    _check(qtmodeltester, order_model, orders)
    deal_model.set_rows(deals)
    assert deal_model.index(0, 1).data() == "Negotiation"  # a label, not the stored code
    assert "500,000" in deal_model.index(0, 2).data()


def test_tickets_model_marks_overdue(qtmodeltester):  # noqa: ANN001
    late = TicketRow(1, "T-1", "屏幕闪烁", "complaint", "high", "assigned", "赵工", NOW, NOW, False)
    done = TicketRow(2, "T-2", "咨询", "question", "low", "closed", None, NOW, NOW, True)
    model = TicketsModel()
    _check(qtmodeltester, model, [late, done])
    model.set_rows([late, done])
    assert "Overdue" in model.index(0, 7).data()
    assert "Overdue" not in model.index(1, 7).data()


def test_tasks_and_history_models(qtmodeltester):  # noqa: ANN001
    tasks = [
        TaskRow(1, 9, "回访", "follow_up", NOW, "张经理", None, None),
        TaskRow(2, 9, "对账", "follow_up", None, None, NOW, None),
    ]
    model = TasksModel()
    _check(qtmodeltester, model, tasks)
    model.set_rows(tasks)
    assert model.index(1, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    history = [
        AuditRow(1, NOW, "张经理", "customer", 9, "update", "stage", "growing", "at_risk"),
        AuditRow(2, NOW, "张经理", "customer", 9, "update", "owner_id", "3", "4"),
        AuditRow(3, NOW, None, "contact", 2, "create", None, None, None),
    ]
    hist = HistoryModel()
    hist.user_names = {3: "李四", 4: "王五"}
    _check(qtmodeltester, hist, history)
    hist.set_rows(history)
    assert [hist.index(0, c).data() for c in (3, 4, 5)] == ["Stage", "Growing", "Churn risk"]
    assert [hist.index(1, c).data() for c in (4, 5)] == ["李四", "王五"]


def _interactions(n: int) -> list[InteractionRow]:
    return [
        InteractionRow(
            i,
            9,
            "call",
            NOW - dt.timedelta(hours=i),
            "张经理",
            None,
            f"第{i}次电话",
            None,
            i % 7 == 0,
        )
        for i in range(n)
    ]


def test_timeline_model_pages(qtmodeltester):  # noqa: ANN001
    everything = _interactions(250)
    calls: list[tuple[int, int]] = []

    def fetch(offset: int, limit: int) -> list[InteractionRow]:
        calls.append((offset, limit))
        return everything[offset : offset + limit]

    model = TimelineModel(fetch, page_size=100)
    model.set_first_page(everything[:100], total=250)
    assert model.rowCount() == 100
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 250
    assert not model.canFetchMore(QModelIndex())
    assert calls == [(100, 100), (200, 100)]
    assert model.index(0, 0).data() == "第0次电话"


def test_timeline_model_passes_the_model_tester(qtmodeltester):  # noqa: ANN001
    everything = _interactions(250)
    model = TimelineModel(lambda offset, limit: everything[offset : offset + limit], page_size=100)
    model.set_first_page(everything[:100], total=250)
    # The tester fetches the remaining pages itself.
    qtmodeltester.check(model)
