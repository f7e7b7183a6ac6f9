"""The lazy customer model: correct rows without loading or counting everything."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import QLocale, QModelIndex, Qt

from crmdesk.qt import customer_model as cm
from crmdesk.qt.customer_model import CustomerTableModel
from crmdesk.services import customers as cs
from crmdesk.services.dto import ContactInput, CustomerInput, CustomerQuery

N = 300


def make_customers(db, n: int = N) -> list[int]:
    ids = []
    for i in range(n):
        cid, _ = cs.create_customer(
            db,
            CustomerInput(
                name=f"Customer {i:03d}",
                tier="ABC"[i % 3],
                stage="at_risk" if i % 10 == 0 else "growing",
                annual_revenue=Decimal(1_234_567 + i),
            ),
            [ContactInput(name=f"Contact {i}", phone=f"1380000{i:04d}")],
        )
        ids.append(cid)
    return ids


@pytest.fixture
def filled(app_context):
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    make_customers(app_context.db)
    return app_context


def name_at(model: CustomerTableModel, row: int) -> str:
    return model.index(row, model.column_of("name")).data()


def test_model_passes_qt_model_tester(qtmodeltester, filled):
    model = CustomerTableModel(filled)
    model.set_query(CustomerQuery())
    qtmodeltester.check(model)
    model.sort(model.column_of("name"), Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)


def test_rows_are_read_page_by_page(filled):
    model = CustomerTableModel(filled)
    model.set_query(CustomerQuery())
    assert model.rowCount() == N
    assert model.exact
    assert model.pages_fetched == 1
    assert name_at(model, 0) == "Customer 000"
    assert name_at(model, 150) == "Customer 150"
    assert model.pages_fetched == 1
    assert name_at(model, 250) == "Customer 250"
    # 300 rows, 200 to a page: two queries, not 300.
    assert model.pages_fetched == 2
    assert model.rowCount(model.index(0, 0)) == 0


def test_last_row_after_jumping_to_the_bottom(filled):
    model = CustomerTableModel(filled)
    model.set_query(CustomerQuery())
    # The back half is read from the end of the index; the rows must still be in order.
    assert name_at(model, N - 1) == "Customer 299"
    assert name_at(model, 250) == "Customer 250"
    assert name_at(model, 200) == "Customer 200"
    assert name_at(model, 199) == "Customer 199"


def test_sort_by_name_descending(filled):
    model = CustomerTableModel(filled)
    model.set_query(CustomerQuery())
    model.sort(model.column_of("name"), Qt.SortOrder.DescendingOrder)
    assert name_at(model, 0) == "Customer 299"
    assert name_at(model, N - 1) == "Customer 000"
    assert model.sort_order == Qt.SortOrder.DescendingOrder


def test_unsortable_column_keeps_the_order(filled):
    model = CustomerTableModel(filled)
    model.set_query(CustomerQuery())
    model.sort(model.column_of("tags"), Qt.SortOrder.DescendingOrder)
    assert name_at(model, 0) == "Customer 000"


def test_capped_count_grows_when_the_exact_count_arrives(filled, monkeypatch, qtbot):
    monkeypatch.setattr(cm, "COUNT_CAP", 100)
    model = CustomerTableModel(filled)
    with qtbot.waitSignal(model.rowsInserted, timeout=10_000):
        model.set_query(CustomerQuery())
        assert model.rowCount() == 100
        assert not model.exact
    assert model.rowCount() == N
    assert model.exact
    assert name_at(model, N - 1) == "Customer 299"


def test_cells_show_labels_money_and_colour(filled):
    model = CustomerTableModel(filled)
    model.set_query(CustomerQuery())
    row = 0  # Customer 000: tier A, churn risk
    assert model.index(row, model.column_of("tier")).data() == "Tier A"
    assert model.index(row, model.column_of("stage")).data() == "Churn risk"
    money = model.index(row, model.column_of("annual_revenue"))
    assert money.data() == "1,234,567"
    assert money.data(Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    assert model.index(row, model.column_of("stage")).data(Qt.ItemDataRole.ForegroundRole)
    assert model.index(row, model.column_of("contact")).data() == "Contact 0"
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Name"
    assert model.data(QModelIndex()) is None


def test_a_change_on_the_bus_reloads(filled, qtbot):
    model = CustomerTableModel(filled)
    model.set_query(CustomerQuery(text="Zebra"))
    assert model.rowCount() == 0
    cid, changes = cs.create_customer(filled.db, CustomerInput(name="Zebra Trading"))
    filled.bus.data_changed.emit(changes, None)
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    assert model.customer_id(0) == cid
    assert model.row_of(cid) == 0


def test_a_search_read_in_the_background_shows_only_the_latest_query(qtbot, filled):
    model = CustomerTableModel(filled)
    model.set_query(CustomerQuery())
    model.set_query_in_background(CustomerQuery(text="Customer 00"))
    model.set_query_in_background(CustomerQuery(text="13800000299"))
    # Until an answer arrives the list keeps showing what it showed.
    assert model.rowCount() == N
    filled.tasks.wait_idle()
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    assert name_at(model, 0) == "Customer 299"
    assert model.query.text == "13800000299"
