"""The pipeline board as a sales rep uses it: columns with counts and totals, drag and drop,
lost asks why, won offers the order, the keyboard and context menu, filters, the list, new
deal, the deal dialog and the stage settings."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtCore import QLocale, QModelIndex, Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from sqlalchemy import func, select

from crmdesk.models import Customer, Deal, DealStageDef, Order
from crmdesk.qt.deal_models import money
from crmdesk.qt.settings import Settings
from crmdesk.services import customers as cs
from crmdesk.services import pipeline
from crmdesk.services.demo import generate_demo
from crmdesk.services.dto import CustomerInput
from crmdesk.views import deal_move
from crmdesk.views.deal_dialog import DealDialog, new_deal, open_deal
from crmdesk.views.pipeline_board import PipelineBoardPage, column_money
from crmdesk.views.pipeline_filters import ME, PipelineFilters
from crmdesk.views.stage_settings_dialog import StageSettingsDialog
from crmdesk.views.ticket_step_dialogs import TextStepDialog

TODAY = dt.date(2026, 3, 10)


@pytest.fixture(autouse=True)
def _english():
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


@pytest.fixture
def sales(app_context):
    """Two customers (prospects) and four deals: two leads, one proposal, one mine."""
    db = app_context.db
    apex, _ = cs.create_customer(db, CustomerInput(name="Apex Foods"), [])
    bolt, _ = cs.create_customer(db, CustomerInput(name="Bolt Tools"), [])
    with db.write() as s:
        s.get(Customer, apex).stage = "prospect"
    me = db.user.id
    ids = {}
    for key, cid, title, amount, stage, owner, close in (
        ("a", apex, "Ovens", "1000", "lead", None, TODAY),
        ("b", apex, "Fridges", "3000", "lead", me, dt.date(2026, 4, 2)),
        ("c", bolt, "Drills", "2000", "proposal", me, TODAY),
        ("d", bolt, "Saws", "500", "negotiation", None, None),
    ):
        deal_id, _ = pipeline.create_deal(
            db,
            pipeline.DealInput(
                customer_id=cid,
                title=title,
                amount=Decimal(amount),
                stage=stage,
                expected_close=close,
                owner_id=owner,
            ),
        )
        ids[key] = deal_id
    if ids:
        # Deals without an owner in the input get the signed-in user: take "a" and "d" back.
        with db.write() as s:
            s.get(Deal, ids["a"]).owner_id = None
            s.get(Deal, ids["d"]).owner_id = None
    app_context.ids = ids
    app_context.customers = {"apex": apex, "bolt": bolt}
    return app_context


def make_page(ctx, qtbot, settings: Settings | None = None) -> PipelineBoardPage:  # noqa: ANN001
    page = PipelineBoardPage(ctx, settings or Settings(), today=TODAY)
    qtbot.addWidget(page)
    page.resize(1400, 700)
    with qtbot.waitSignal(page.board_loaded, timeout=10_000):
        page.show()
    return page


def titles(page: PipelineBoardPage, stage: str) -> list[str]:
    return [c.title for c in page.columns[stage].model.cards()]


def drop(page: PipelineBoardPage, deal_id: int, to_stage: str) -> bool:
    """Drop the card on another column the way a drag ends: through the models' MIME data."""
    source = next(c for c in page.columns.values() if c.model.row_of(deal_id) is not None)
    data = source.model.mimeData([source.model.index(source.model.row_of(deal_id))])
    target = page.columns[to_stage].model
    assert target.canDropMimeData(data, Qt.DropAction.MoveAction, -1, -1, QModelIndex())
    return target.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, QModelIndex())


def stage_of(db, deal_id: int) -> str:  # noqa: ANN001
    return pipeline.get_deal(db, deal_id).stage


def test_columns_counts_and_totals(sales, qtbot):
    page = make_page(sales, qtbot)
    assert list(page.columns) == ["lead", "contact", "proposal", "negotiation", "won", "lost"]
    assert [page.columns[k].title.text() for k in ("lead", "won")] == ["Lead", "Won"]
    # Soonest expected close first.
    assert titles(page, "lead") == ["Ovens", "Fridges"]
    assert titles(page, "proposal") == ["Drills"]
    lead = page.columns["lead"]
    assert lead.count_label.text() == "2"
    # 1,000 + 3,000 at the lead's 10 %.
    assert lead.totals_label.text() == "¥4,000 · weighted ¥400"
    assert page.columns["proposal"].totals_label.text() == "¥2,000 · weighted ¥1,000"
    assert page.columns["won"].count_label.text() == "0"
    assert page.summary.text() == "4 open deals · ¥6,500 · weighted ¥1,775"


def test_a_deal_in_another_currency_is_totalled_apart(sales, qtbot, english):  # noqa: ARG001
    db = sales.db
    with db.read() as s:
        apex = s.scalar(select(Customer.id).where(Customer.name == "Apex Foods"))
    pipeline.create_deal(
        db,
        pipeline.DealInput(
            customer_id=apex, title="Export", amount=Decimal("700"), stage="lead", currency="USD"
        ),
    )
    page = make_page(sales, qtbot)
    lead = page.columns["lead"]
    assert lead.count_label.text() == "3"
    # The yuan deals' total as before; the dollars are not added to it, but said to be there.
    assert lead.totals_label.text() == "¥4,000 · weighted ¥400 +1 other currency"
    assert lead.totals_label.toolTip().splitlines() == [
        "Total amount ¥4,000; weighted by probability ¥400",
        "Total amount $700; weighted by probability $70",
    ]
    assert page.summary.text() == "5 open deals · ¥6,500 · weighted ¥1,775 +1 other currency"
    # A column's totals: exact below a million, shortened above so they fit.
    assert column_money(Decimal("250000"), "CNY") == "¥250,000"
    assert column_money(Decimal("18455000"), "CNY") == "¥18.5M"


def test_demo_data_fills_every_column(demo_ctx, qtbot):
    page = make_page(demo_ctx, qtbot)
    with demo_ctx.db.read() as s:
        open_deals = s.scalar(
            select(func.count())
            .select_from(Deal)
            .join(Customer, Customer.id == Deal.customer_id)
            .where(
                Deal.deleted_at.is_(None),
                Customer.deleted_at.is_(None),
                Deal.stage.in_(["lead", "contact", "proposal", "negotiation"]),
            )
        )
    shown = sum(page.columns[k].count for k in ("lead", "contact", "proposal", "negotiation"))
    assert shown == open_deals > 0
    for key in ("lead", "contact", "proposal", "negotiation"):
        column = page.columns[key]
        cards = column.model.cards()
        assert cards and column.count == column.shown == len(cards)
        currency = cards[0].currency
        total = sum((c.amount for c in cards), Decimal(0))
        weighted = sum((c.amount * c.probability / 100 for c in cards), Decimal(0))
        # Millions shortened to fit the column (¥1.2M); the exact amounts are in its tooltip.
        assert column.totals_label.text() == (
            f"{column_money(total, currency)} · weighted {column_money(weighted, currency)}"
        )
        assert column.totals_label.toolTip() == (
            f"Total amount {money(total, currency)}; "
            f"weighted by probability {money(weighted, currency)}"
        )


@pytest.fixture
def demo_ctx(app_context):
    generate_demo(app_context.db, "en", customers=60, seed=5)
    return app_context


def test_dropping_a_card_moves_the_deal(sales, qtbot):
    page = make_page(sales, qtbot)
    deal_id = sales.ids["a"]
    own = page.columns["lead"].model
    data = own.mimeData([own.index(0)])
    assert not own.canDropMimeData(data, Qt.DropAction.MoveAction, -1, -1, QModelIndex())
    with qtbot.waitSignal(page.board_loaded, timeout=10_000):
        drop(page, deal_id, "contact")
    assert stage_of(sales.db, deal_id) == "contact"
    assert titles(page, "contact") == ["Ovens"]
    assert titles(page, "lead") == ["Fridges"]
    # It took the stage's probability and the card is selected in its new column.
    assert page.columns["contact"].model.card(0).probability == 20
    assert page.current_card().id == deal_id


def test_lost_asks_for_the_reason(sales, qtbot):
    page = make_page(sales, qtbot)
    deal_id = sales.ids["c"]
    drop(page, deal_id, "lost")
    qtbot.waitUntil(lambda: "move" in deal_move.pending, timeout=3000)
    dialog = deal_move.pending["move"]
    assert isinstance(dialog, TextStepDialog)
    dialog.accept()  # no reason: refused, the dialog stays
    assert dialog.isVisible() and dialog.error.isVisible()
    dialog.edit.setPlainText("Competitor was cheaper")
    with qtbot.waitSignal(page.board_loaded, timeout=10_000):
        dialog.accept()
    detail = pipeline.get_deal(sales.db, deal_id)
    assert (detail.stage, detail.lost_reason) == ("lost", "Competitor was cheaper")
    assert titles(page, "lost") == ["Drills"]


def test_cancelling_the_reason_leaves_the_deal(sales, qtbot):
    page = make_page(sales, qtbot)
    deal_id = sales.ids["c"]
    drop(page, deal_id, "lost")
    qtbot.waitUntil(lambda: "move" in deal_move.pending, timeout=3000)
    deal_move.pending["move"].reject()
    sales.tasks.wait_idle()
    assert stage_of(sales.db, deal_id) == "proposal"
    assert titles(page, "proposal") == ["Drills"]


def test_won_creates_the_order_and_makes_the_prospect_a_new_customer(sales, qtbot):
    page = make_page(sales, qtbot)
    deal_id = sales.ids["b"]
    drop(page, deal_id, "won")
    qtbot.waitUntil(lambda: "move" in deal_move.pending, timeout=3000)
    box = deal_move.pending["move"]
    assert isinstance(box, QMessageBox) and "Fridges" in box.text()
    create = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.YesRole)
    with qtbot.waitSignal(page.board_loaded, timeout=10_000):
        create.click()
    assert stage_of(sales.db, deal_id) == "won"
    with sales.db.read() as s:
        orders = s.scalars(select(Order).where(Order.deal_id == deal_id)).all()
        assert [o.amount for o in orders] == [Decimal("3000")]
        assert s.get(Customer, sales.customers["apex"]).stage == "new"
    assert titles(page, "won") == ["Fridges"]
    assert page.columns["won"].totals_label.text() == "¥3,000 · weighted ¥3,000"


def test_won_without_order(sales, qtbot):
    page = make_page(sales, qtbot)
    deal_id = sales.ids["d"]
    drop(page, deal_id, "won")
    qtbot.waitUntil(lambda: "move" in deal_move.pending, timeout=3000)
    box = deal_move.pending["move"]
    without = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.NoRole)
    with qtbot.waitSignal(page.board_loaded, timeout=10_000):
        without.click()
    assert stage_of(sales.db, deal_id) == "won"
    with sales.db.read() as s:
        assert s.scalar(select(func.count()).select_from(Order)) == 0


def test_dragging_marks_where_the_card_may_go(sales, qtbot):
    page = make_page(sales, qtbot)
    page._drag_started("won")
    states = {k: c.drop_state for k, c in page.columns.items()}
    assert states == {
        "lead": "allowed",
        "contact": "allowed",
        "proposal": "allowed",
        "negotiation": "allowed",
        "won": "source",
        "lost": "refused",
    }
    assert page.columns["lead"].hint.text() == "Reopens the deal"
    page._drag_started("lead")
    assert page.columns["lost"].hint.text() == "Asks why it was lost"
    assert page.columns["won"].hint.text() == "Offers to create the order"
    page._drag_finished()
    assert all(c.drop_state == "" for c in page.columns.values())


def test_ctrl_right_moves_and_the_menu_offers_stages(sales, qtbot):
    page = make_page(sales, qtbot)
    deal_id = sales.ids["a"]
    assert page.select_deal(deal_id)
    with qtbot.waitSignal(page.board_loaded, timeout=10_000):
        qtbot.keyClick(
            page.columns["lead"].view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier
        )
    assert stage_of(sales.db, deal_id) == "contact"
    assert page.current_card().id == deal_id
    menu = page.card_menu(page.current_card())
    move = next(a.menu() for a in menu.actions() if a.text() == "Move to")
    entries = {a.text(): a.isEnabled() for a in move.actions()}
    assert entries == {
        "Lead": True,
        "Proposal / quote": True,
        "Negotiation": True,
        "Won": True,
        "Lost": True,
    }
    menu.close()


def test_filters_owner_search_and_close_month(sales, qtbot):
    page = make_page(sales, qtbot)
    with qtbot.waitSignal(page.board_loaded, timeout=10_000):
        page.set_filters(PipelineFilters(owner=ME))
    assert titles(page, "lead") == ["Fridges"] and titles(page, "negotiation") == []
    assert page.summary.text().endswith("filtered")
    with qtbot.waitSignal(page.board_loaded, timeout=10_000):
        page.set_filters(PipelineFilters(text="bolt"))
    assert titles(page, "lead") == [] and titles(page, "proposal") == ["Drills"]
    with qtbot.waitSignal(page.board_loaded, timeout=10_000):
        page.set_filters(PipelineFilters(close_month=dt.date(2026, 4, 1)))
    assert [t for k in page.columns for t in titles(page, k)] == ["Fridges"]
    # The owner choice is remembered, the month is not.
    with qtbot.waitSignal(page.board_loaded, timeout=10_000):
        page.set_filters(PipelineFilters(owner=ME, close_month=dt.date(2026, 4, 1)))
    settings = page.settings
    other = PipelineBoardPage(sales, settings, today=TODAY)
    qtbot.addWidget(other)
    qtbot.waitUntil(lambda: other.filters().owner == ME, timeout=5000)
    assert other.filters().close_month is None
    # The month box offers this month.
    assert other.filter_bar.month_box.findData("2026-03-01") > 0


def test_the_list_sorts_by_amount(sales, qtbot):
    page = make_page(sales, qtbot)
    with qtbot.waitSignal(page.list_loaded, timeout=10_000):
        page.show_list()
    model = page.list_model
    assert model.rowCount() == 4
    assert page.summary.text() == "4 deals"
    with qtbot.waitSignal(page.list_loaded, timeout=10_000):
        page.table.sortByColumn(3, Qt.SortOrder.DescendingOrder)
    assert [model.card(r).title for r in range(4)] == ["Fridges", "Drills", "Ovens", "Saws"]
    assert model.index(0, 3).data() == "¥3,000"
    assert model.index(0, 2).data() == "Lead"


def test_ctrl_n_opens_new_deal_and_saving_adds_the_card(sales, qtbot):
    page = make_page(sales, qtbot)
    assert page.new_action.shortcut().toString() == "Ctrl+N"
    # The page owns the dialog, which deletes itself when closed.
    dialog = new_deal(sales, page, sales.customers["bolt"])
    qtbot.waitUntil(lambda: dialog.customer.edit.text() == "Bolt Tools", timeout=5000)
    qtbot.waitUntil(lambda: dialog.stage_box.count() == 4, timeout=5000)
    dialog.save()
    assert dialog.fields["title"].error == "Required."
    dialog.title_edit.setText("Hammers")
    dialog.amount.setValue(800)
    dialog.stage_box.setCurrentIndex(dialog.stage_box.findData("proposal"))
    assert dialog.probability.value() == 50
    with qtbot.waitSignal(page.board_loaded, timeout=10_000):
        dialog.save()
    assert "Hammers" in titles(page, "proposal")


def test_the_deal_dialog_saves_and_says_when_someone_else_saved(sales, qtbot):
    deal_id = sales.ids["a"]
    host = QWidget()
    qtbot.addWidget(host)
    dialog = open_deal(sales, host, deal_id)  # deletes itself once saved
    qtbot.waitUntil(lambda: dialog.detail is not None, timeout=5000)
    assert dialog.title_edit.text() == "Ovens"
    assert not dialog.stage_box.isEnabled()
    # Someone else saves meanwhile.
    detail = pipeline.get_deal(sales.db, deal_id)
    pipeline.update_deal(
        sales.db,
        deal_id,
        pipeline.DealInput(**{**detail.to_input().__dict__, "title": "Ovens 2"}),
        detail.version,
    )
    dialog.title_edit.setText("Big ovens")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.error_banner.isVisible(), timeout=5000)
    assert "Someone else saved this deal" in dialog.error_banner.text()
    assert pipeline.get_deal(sales.db, deal_id).title == "Ovens 2"
    dialog.load()
    qtbot.waitUntil(lambda: dialog.title_edit.text() == "Ovens 2", timeout=5000)
    dialog.title_edit.setText("Big ovens")
    with qtbot.waitSignal(dialog.deal_saved, timeout=5000):
        dialog.save()
    assert pipeline.get_deal(sales.db, deal_id).title == "Big ovens"


def test_the_deal_dialog_adds_quotes_orders_and_payments(sales, qtbot):
    deal_id = sales.ids["b"]
    dialog = DealDialog(sales, None, deal_id)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.detail is not None, timeout=5000)
    docs, orders = dialog.documents_tab, dialog.orders_tab
    quote = docs.add_document("quote")
    quote.accept()  # no number
    assert quote.fields["number"].error == "Required."
    quote.number.setText("Q-7")
    quote.accept()
    qtbot.waitUntil(lambda: docs.documents.rowCount() == 1, timeout=5000)
    assert docs.documents.item(0, 1).text() == "Q-7"
    assert docs.documents.item(0, 2).text() == "¥3,000"

    order = orders.add_order()
    order.accept()
    qtbot.waitUntil(lambda: orders.orders.rowCount() == 1, timeout=5000)
    orders.orders.selectRow(0)
    payment = orders.add_payment()
    assert payment.amount.value() == 3000
    payment.amount.setValue(1200)
    payment.accept()
    qtbot.waitUntil(lambda: orders.payments_table.rowCount() == 1, timeout=5000)
    assert orders.orders.item(0, 3).text() == "¥1,200"
    assert "received ¥1,200" in orders.orders_title.text()
    payments = pipeline.list_payments(sales.db, sales.customers["apex"])
    assert [(p.amount, p.order_number) for p in payments] == [
        (Decimal("1200"), orders.orders.item(0, 0).text())
    ]
    lifetime, _year = pipeline.customer_revenue(sales.db, sales.customers["apex"])
    assert lifetime == Decimal("3000")


def test_stage_settings_rename_add_and_deactivate(sales, qtbot):
    page = make_page(sales, qtbot)
    dialog = StageSettingsDialog(sales, page)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 6, timeout=5000)
    dialog.table.item(1, 0).setText("Call back")  # "contact"
    dialog.table.selectRow(1)
    assert dialog.remove_button.isEnabled()  # no deals in it
    dialog.add_stage()
    assert dialog.table.item(4, 0).text() == "New stage"  # before won and lost
    dialog.table.item(4, 0).setText("Legal review")
    dialog.table.selectRow(0)  # lead holds deals: deactivate, not remove
    assert not dialog.remove_button.isEnabled()
    dialog.table.item(0, 3).setCheckState(Qt.CheckState.Unchecked)
    with qtbot.waitSignal(page.board_loaded, timeout=10_000):
        dialog.save()
    keys = list(page.columns)
    assert keys[0] == "lead"  # still holds deals, shown while it does
    assert [page.columns[k].title.text() for k in keys[1:]] == [
        "Call back",
        "Proposal / quote",
        "Negotiation",
        "Legal review",
        "Won",
        "Lost",
    ]
    with sales.db.read() as s:
        assert s.scalar(select(func.count()).select_from(DealStageDef)) == 7


def test_the_customer_view_makes_deals_and_records_payments(sales, qtbot):
    from crmdesk.views.customer_view import CustomerView

    cid = sales.customers["apex"]
    view = CustomerView(sales, cid)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.detail is not None, timeout=5000)
    tab = view.deals_tab
    view.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.deals_model.rowCount() == 2, timeout=5000)
    dialog = tab.new_deal()  # the view owns it
    qtbot.waitUntil(lambda: dialog.customer.edit.text() == "Apex Foods", timeout=5000)
    assert dialog.customer.edit.isReadOnly()
    dialog.title_edit.setText("Mixers")
    with qtbot.waitSignal(dialog.deal_saved, timeout=5000):
        dialog.save()
    qtbot.waitUntil(lambda: tab.deals_model.rowCount() == 3, timeout=5000)

    pipeline.add_order(sales.db, cid, pipeline.OrderInput(TODAY, Decimal("900"), number="SO-9"))
    tab.reload()
    qtbot.waitUntil(lambda: tab.orders_model.rowCount() == 1, timeout=5000)
    tab.orders_table.selectRow(0)
    payment = tab.add_payment()
    assert payment.order.currentText() == "SO-9"
    assert payment.amount.value() == 900
    payment.accept()
    sales.tasks.wait_idle()
    qtbot.waitUntil(
        lambda: [p.amount for p in pipeline.list_payments(sales.db, cid)] == [Decimal("900")],
        timeout=5000,
    )


def test_a_move_of_a_deal_changed_elsewhere_is_refused_with_a_sentence(sales, qtbot):
    page = make_page(sales, qtbot)
    deal_id = sales.ids["a"]
    # Another computer moves the deal; this board has not reloaded yet.
    pipeline.move_deal(sales.db, deal_id, "proposal")
    drop(page, deal_id, "contact")
    box = None

    def told() -> bool:
        nonlocal box
        box = page.findChild(QMessageBox, "ticketMoveMessage")
        return box is not None and box.isVisible()

    qtbot.waitUntil(told, timeout=3000)
    assert "changed by someone else" in box.text()
    box.close()
    assert stage_of(sales.db, deal_id) == "proposal"


def test_the_poll_shows_a_deal_added_on_another_computer(sales, qtbot):
    from crmdesk import db as dbmod
    from crmdesk.services import Database, audit

    page = make_page(sales, qtbot)
    assert "Heaters" not in titles(page, "lead")
    # Another computer: its own engine and session factory on the same database.
    engine = dbmod.create_db_engine(sales.db.engine.url.render_as_string(hide_password=False))
    other = Database(engine, dbmod.create_session_factory(engine))
    audit.install(other.session_factory)
    other.sign_in()
    try:
        pipeline.create_deal(
            other,
            pipeline.DealInput(
                customer_id=sales.customers["apex"], title="Heaters", amount=Decimal("800")
            ),
        )
    finally:
        other.close()
    # Nothing was announced on this app's bus: only the poll can notice it.
    with qtbot.waitSignal(page.board_loaded, timeout=10_000):
        page.poll_now()
    assert "Heaters" in titles(page, "lead")
    # Nothing new: the next poll does not reload.
    with qtbot.assertNotEmitted(page.board_loaded, wait=300):
        page.poll_now()
