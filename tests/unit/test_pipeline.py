"""The sales pipeline as a rep and an office manager meet it: configurable stages and what they
refuse, deals moving between stages (lost needs a reason, won can make the order, a prospect's
first won deal makes it a new customer), the board's columns, totals and filters, quotes and
contracts, orders and payments, and the revenue figures computed from them."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

import pytest
from sqlalchemy import select

from crmdesk.errors import CrmError, StaleEditError, ValidationError
from crmdesk.models import AuditEntry, Customer, Setting, Team, User
from crmdesk.services import Database
from crmdesk.services import activity as act
from crmdesk.services import customers as cs
from crmdesk.services import pipeline as pl
from crmdesk.services.dto import CustomerInput

NOW = dt.datetime(2026, 3, 31, 2, 0, tzinfo=dt.UTC)


class Clock:
    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture
def db(database: Database) -> Database:
    database._clock = Clock(NOW)
    return database


def _customer(db: Database, name: str = "北京恒通科技有限公司", stage: str = "prospect") -> int:
    cid, _ = cs.create_customer(db, CustomerInput(name=name, stage=stage))
    return cid


def _deal(
    db: Database, cid: int, title: str = "ERP 升级", amount: str = "100000", **kw: object
) -> int:
    did, _ = pl.create_deal(
        db,
        pl.DealInput(customer_id=cid, title=title, amount=Decimal(amount), **kw),  # type: ignore[arg-type]
    )
    return did


def _people(db: Database) -> tuple[int, int, int]:
    """(sales team, rep in it, rep elsewhere)."""
    with db.write() as s:
        team, other = Team(name="华北销售"), Team(name="华南销售")
        s.add_all([team, other])
        s.flush()
        a = User(username="sun", display_name="孙销售", team_id=team.id)
        b = User(username="zhou", display_name="周销售", team_id=other.id)
        s.add_all([a, b])
        s.flush()
        return team.id, a.id, b.id


# ---------------------------------------------------------------------------------------------
# Stages


def test_the_default_stages_follow_the_source_material(db: Database) -> None:
    stages = pl.list_stages(db)
    assert [(r.key, r.probability, r.outcome) for r in stages] == [
        ("lead", 10, "open"),
        ("contact", 20, "open"),
        ("proposal", 50, "open"),
        ("negotiation", 75, "open"),
        ("won", 100, "won"),
        ("lost", 0, "lost"),
    ]
    assert all(r.built_in and r.active for r in stages)


def test_stages_round_trip_renamed_reordered_and_added(db: Database) -> None:
    cid = _customer(db)
    did = _deal(db, cid, stage="proposal")
    rows = pl.list_stages(db)
    by_key = {r.key: r for r in rows}
    edited = [
        by_key["lead"],
        replace(by_key["proposal"], name="报价", position=2, probability=40),
        replace(by_key["contact"], position=3),
        pl.StageRow("", "样品试用", 4, 60, "open"),
        by_key["negotiation"],
        by_key["won"],
        by_key["lost"],
    ]
    edited = [replace(r, position=i) for i, r in enumerate(edited, start=1)]
    changes = pl.save_stages(db, edited)
    assert did in changes.deals
    after = pl.list_stages(db)
    assert [r.name for r in after] == [
        "Lead",
        "报价",
        "First contact",
        "样品试用",
        "Negotiation",
        "Won",
        "Lost",
    ]
    new = after[3]
    assert new.key == "stage1" and not new.built_in and new.probability == 60
    assert after[1].deal_count == 1
    # The deal had the stage's default probability, so it follows the new default.
    assert pl.get_deal(db, did).probability == 40
    # A deal can be moved into the office's own stage, and shows it on the board.
    pl.move_deal(db, did, "stage1")
    board = pl.load_pipeline(db)
    assert [s.key for s in board.stages] == [r.key for r in after]
    assert [c.id for c in board.columns["stage1"]] == [did]
    assert pl.get_deal(db, did).probability == 60


def test_a_stage_with_deals_can_be_deactivated_but_not_deleted(db: Database) -> None:
    did = _deal(db, _customer(db), stage="contact")
    rows = pl.list_stages(db)
    without_contact = [r for r in rows if r.key != "contact"]
    with pytest.raises(CrmError) as err:
        pl.save_stages(db, without_contact)
    assert err.value.params == {"name": "First contact", "count": 1}
    assert [r.key for r in pl.list_stages(db)] == [r.key for r in rows]

    pl.save_stages(db, [replace(r, active=r.key != "contact") for r in rows])
    assert not {r.key: r for r in pl.list_stages(db)}["contact"].active
    # The deal stays visible in its stage while it is there, but no deal moves in.
    board = pl.load_pipeline(db)
    assert [c.id for c in board.columns["contact"]] == [did]
    pl.move_deal(db, did, "proposal")
    assert "contact" not in pl.load_pipeline(db).columns
    with pytest.raises(CrmError, match="no longer in use"):
        pl.move_deal(db, did, "contact")
    # An empty stage can go.
    pl.save_stages(db, [r for r in pl.list_stages(db) if r.key != "contact"])
    assert "contact" not in [r.key for r in pl.list_stages(db)]


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda rows: [r for r in rows if r.key != "won"], "exactly one won stage"),
        (
            lambda rows: [*rows, pl.StageRow("", "又一个成交", 9, 100, "won")],
            "exactly one won stage",
        ),
        (
            lambda rows: [replace(r, active=False) if r.key == "lost" else r for r in rows],
            "cannot be deactivated",
        ),
        (
            lambda rows: [replace(r, active=r.outcome != "open") for r in rows],
            "at least one active open stage",
        ),
        (
            lambda rows: [replace(r, probability=120) if r.key == "lead" else r for r in rows],
            "between 0 and 100",
        ),
        (lambda rows: [replace(r, name=" ") if r.key == "lead" else r for r in rows], "name"),
        (
            lambda rows: [*rows, pl.StageRow("lead", "重复", 9, 10, "open")],
            "Two stages have the key",
        ),
    ],
)
def test_stage_settings_that_are_refused(db: Database, change, message: str) -> None:  # noqa: ANN001
    rows = pl.list_stages(db)
    with pytest.raises(ValidationError, match=message):
        pl.save_stages(db, change(rows))
    assert pl.list_stages(db) == rows


def test_the_won_and_lost_stages_are_built_in(db: Database) -> None:
    _deal(db, _customer(db), stage="negotiation")
    rows = pl.list_stages(db)
    # Turning negotiation into "lost" (and lost into open) would close deals behind the rep's
    # back, and other screens know the outcomes by their keys.
    swapped = [
        replace(r, outcome={"negotiation": "lost", "lost": "open"}.get(r.key, r.outcome))
        for r in rows
    ]
    with pytest.raises(ValidationError, match="built in"):
        pl.save_stages(db, swapped)
    assert pl.list_stages(db) == rows
    # Renaming them is fine.
    pl.save_stages(db, [replace(r, name="签约成交") if r.key == "won" else r for r in rows])
    assert {r.key: r.name for r in pl.list_stages(db)}["won"] == "签约成交"


# ---------------------------------------------------------------------------------------------
# Deals and their moves


def test_a_new_deal_takes_its_stage_probability_and_the_signed_in_owner(db: Database) -> None:
    cid = _customer(db)
    did = _deal(db, cid, stage="proposal", expected_close=dt.date(2026, 4, 30))
    d = pl.get_deal(db, did)
    assert (d.stage, d.outcome, d.probability, d.stage_probability) == ("proposal", "open", 50, 50)
    assert d.weighted == Decimal("50000.00")
    assert d.owner_name == "tester" and d.customer_name == "北京恒通科技有限公司"
    assert d.to_input().probability is None
    # The 360° view's Deals tab and the Pipeline page see it.
    assert [r.id for r in act.list_deals(db, cid)] == [did]
    assert [r.id for r in act.list_open_deals(db)] == [did]


def test_deal_input_that_is_refused(db: Database) -> None:
    cid = _customer(db)
    with pytest.raises(ValidationError, match="needs a title"):
        _deal(db, cid, title="  ")
    with pytest.raises(ValidationError, match="cannot be negative"):
        _deal(db, cid, amount="-1")
    with pytest.raises(ValidationError, match="not a stage"):
        _deal(db, cid, stage="nowhere")
    with pytest.raises(ValidationError, match="open stage"):
        _deal(db, cid, stage="won")
    with pytest.raises(ValidationError, match="currency"):
        _deal(db, cid, currency="人民币")
    assert act.list_deals(db, cid) == []


def test_a_probability_set_by_hand_survives_moves_between_open_stages(db: Database) -> None:
    did = _deal(db, _customer(db), stage="contact")
    pl.move_deal(db, did, "proposal")
    assert pl.get_deal(db, did).probability == 50
    d = pl.get_deal(db, did)
    pl.update_deal(db, did, replace(d.to_input(), probability=35), d.version)
    pl.move_deal(db, did, "negotiation")
    d = pl.get_deal(db, did)
    assert (d.stage, d.probability) == ("negotiation", 35)
    assert d.to_input().probability == 35


def test_a_lost_deal_needs_a_reason(db: Database) -> None:
    cid = _customer(db)
    did = _deal(db, cid)
    for reason in (None, "   "):
        with pytest.raises(ValidationError, match="why the deal was lost"):
            pl.move_deal(db, did, "lost", lost_reason=reason)
    assert pl.get_deal(db, did).stage == "lead"
    pl.move_deal(db, did, "lost", lost_reason="价格高于竞争对手")
    d = pl.get_deal(db, did)
    assert (d.stage, d.outcome, d.lost_reason, d.probability) == (
        "lost",
        "lost",
        "价格高于竞争对手",
        0,
    )
    assert d.closed_at == NOW
    assert act.list_open_deals(db) == []


def test_winning_makes_the_order_and_a_prospect_a_new_customer(db: Database) -> None:
    cid = _customer(db)
    did = _deal(db, cid, amount="88000", stage="negotiation")
    changes = pl.move_deal(db, did, "won", create_order=True)
    assert changes.customers == {cid} and changes.deals == {did}
    d = pl.get_deal(db, did)
    assert (d.outcome, d.probability, d.closed_at) == ("won", 100, NOW)
    [order] = d.orders
    assert (order.amount, order.ordered_on, order.status) == (
        Decimal("88000.00"),
        NOW.date(),
        "open",
    )
    assert order.number == f"SO202603-{order.id:05d}"
    customer = cs.get_customer(db, cid)
    assert customer.stage == "new"
    # No payments yet: the year's orders are its annual revenue.
    assert customer.annual_revenue == Decimal("88000.00")
    assert [o.id for o in act.list_orders(db, cid)] == [order.id]
    # The customer's history records the move from prospect.
    with db.read() as s:
        fields = set(
            s.execute(
                select(AuditEntry.entity, AuditEntry.field, AuditEntry.new_value).where(
                    AuditEntry.customer_id == cid, AuditEntry.action == "update"
                )
            ).all()
        )
    assert ("customer", "stage", "new") in fields
    assert ("deal", "stage", "won") in fields


def test_winning_without_an_order_and_a_customer_past_prospect_stays(db: Database) -> None:
    cid = _customer(db, stage="growing")
    did = _deal(db, cid)
    pl.move_deal(db, did, "won")
    assert pl.get_deal(db, did).orders == []
    assert cs.get_customer(db, cid).stage == "growing"


def test_closed_deals_reopen_only_to_an_open_stage(db: Database) -> None:
    cid = _customer(db)
    did = _deal(db, cid, stage="proposal")
    pl.move_deal(db, did, "lost", lost_reason="预算取消")
    with pytest.raises(CrmError, match="already closed"):
        pl.move_deal(db, did, "won")
    pl.move_deal(db, did, "contact")
    d = pl.get_deal(db, did)
    assert (d.stage, d.lost_reason, d.closed_at, d.probability) == ("contact", None, None, 20)
    with db.read() as s:
        moves = s.execute(
            select(AuditEntry.old_value, AuditEntry.new_value)
            .where(AuditEntry.entity == "deal", AuditEntry.field == "stage")
            .order_by(AuditEntry.id)
        ).all()
    assert [tuple(m) for m in moves] == [("proposal", "lost"), ("lost", "contact")]


def test_a_stale_move_or_edit_is_refused(db: Database) -> None:
    did = _deal(db, _customer(db))
    d = pl.get_deal(db, did)
    pl.move_deal(db, did, "contact", version=d.version)
    with pytest.raises(StaleEditError):
        pl.move_deal(db, did, "proposal", version=d.version)
    with pytest.raises(StaleEditError):
        pl.update_deal(db, did, replace(d.to_input(), title="改名"), d.version)
    assert pl.get_deal(db, did).stage == "contact"
    # Moving to where it is changes nothing.
    assert pl.move_deal(db, did, "contact").empty


def test_an_edit_saves_fields_and_a_new_stage_is_a_move(db: Database) -> None:
    cid = _customer(db)
    other = _customer(db, "上海远景贸易有限公司")
    did = _deal(db, cid)
    pl.add_document(db, did, pl.DocumentInput("quote", "Q-1", Decimal("5")))
    d = pl.get_deal(db, did)
    changes = pl.update_deal(
        db,
        did,
        replace(
            d.to_input(),
            customer_id=other,
            title="ERP 二期",
            amount=Decimal("120000"),
            stage="proposal",
            expected_close=dt.date(2026, 5, 15),
        ),
        d.version,
    )
    assert changes.customers == {cid, other}
    d = pl.get_deal(db, did)
    assert (d.customer_id, d.title, d.amount, d.stage, d.probability, d.expected_close) == (
        other,
        "ERP 二期",
        Decimal("120000.00"),
        "proposal",
        50,
        dt.date(2026, 5, 15),
    )
    assert [x.customer_id for x in d.documents] == [other]
    with pytest.raises(ValidationError, match="why the deal was lost"):
        pl.update_deal(db, did, replace(d.to_input(), stage="lost"), d.version)


def test_a_deleted_deal_leaves_the_board(db: Database) -> None:
    did = _deal(db, _customer(db))
    pl.delete_deal(db, did)
    assert pl.load_pipeline(db).counts["lead"] == 0
    pl.delete_deal(db, did, deleted=False)
    assert pl.load_pipeline(db).counts["lead"] == 1


# ---------------------------------------------------------------------------------------------
# The board and the list


def test_board_columns_totals_weighted_totals_and_filters(db: Database) -> None:
    team, rep, other_rep = _people(db)
    a, b = _customer(db), _customer(db, "上海远景贸易有限公司")
    d1 = _deal(
        db, a, "ERP", "100000", stage="lead", owner_id=rep, expected_close=dt.date(2026, 4, 10)
    )
    d2 = _deal(
        db, a, "CRM", "40000", stage="lead", owner_id=other_rep, expected_close=dt.date(2026, 4, 2)
    )
    d3 = _deal(
        db,
        b,
        "OA",
        "200000",
        stage="proposal",
        owner_id=rep,
        probability=80,
        expected_close=dt.date(2026, 5, 20),
    )
    d4 = _deal(db, b, "云服务", "30000", stage="negotiation", owner_id=rep)
    pl.move_deal(db, d4, "won")
    d5 = _deal(db, b, "旧项目", "9000", owner_id=rep)
    pl.move_deal(db, d5, "lost", lost_reason="没有预算")

    board = pl.load_pipeline(db)
    assert list(board.columns) == ["lead", "contact", "proposal", "negotiation", "won", "lost"]
    # Soonest expected close first.
    assert [c.id for c in board.columns["lead"]] == [d2, d1]
    assert board.counts == {
        "lead": 2,
        "contact": 0,
        "proposal": 1,
        "negotiation": 0,
        "won": 1,
        "lost": 1,
    }
    assert board.totals["lead"] == Decimal("140000.00")
    assert board.weighted["lead"] == Decimal("14000.00")
    # The deal's own probability (80 %), not the stage's 50 %.
    assert board.weighted["proposal"] == Decimal("160000.00")
    assert board.totals["won"] == Decimal("30000.00") and board.weighted["lost"] == 0
    assert board.open_total == Decimal("340000.00")
    assert board.open_weighted == Decimal("174000.00")
    card = board.columns["proposal"][0]
    assert card.id == d3
    assert (card.customer_name, card.owner_name, card.weighted) == (
        "上海远景贸易有限公司",
        "孙销售",
        Decimal("160000.00"),
    )

    mine = pl.load_pipeline(db, pl.PipelineQuery(owner_id=other_rep))
    assert {k: n for k, n in mine.counts.items() if n} == {"lead": 1}
    team_board = pl.load_pipeline(db, pl.PipelineQuery(team_id=team))
    assert sum(team_board.counts.values()) == 4
    april = pl.load_pipeline(db, pl.PipelineQuery(close_month=dt.date(2026, 4, 1)))
    assert {k: n for k, n in april.counts.items() if n} == {"lead": 2}
    # Won and lost deals count in the month they closed.
    march = pl.load_pipeline(db, pl.PipelineQuery(close_month=dt.date(2026, 3, 15)))
    assert {k: n for k, n in march.counts.items() if n} == {"won": 1, "lost": 1}
    words = pl.load_pipeline(db, pl.PipelineQuery(text="远景"))
    assert sum(words.counts.values()) == 3
    assert pl.load_pipeline(db, pl.PipelineQuery(text="erp")).counts["lead"] == 1

    # Closed deals leave the won column after closed_days.
    db._clock.now = NOW + dt.timedelta(days=31)  # type: ignore[attr-defined]
    later = pl.load_pipeline(db)
    assert later.counts["won"] == 0 and later.counts["lead"] == 2


def test_a_column_cut_at_its_limit_still_counts_everything(db: Database) -> None:
    cid = _customer(db)
    for i in range(5):
        _deal(db, cid, f"单 {i}", "1000")
    board = pl.load_pipeline(db, pl.PipelineQuery(limit_per_column=2))
    assert len(board.columns["lead"]) == 2
    assert board.counts["lead"] == 5 and board.totals["lead"] == Decimal("5000.00")


def test_totals_never_add_amounts_of_different_currencies(db: Database) -> None:
    cid = _customer(db)
    _deal(db, cid, "国内", "100000", stage="lead")
    _deal(db, cid, "出口", "20000", stage="lead", currency="USD")
    _deal(db, cid, "欧洲", "5000", stage="proposal", currency="EUR")
    _deal(db, cid, "出口二", "10000", stage="proposal", currency="USD")
    with db.write() as s:
        s.add(Setting(key="office.currency", value="CNY"))
    board = pl.load_pipeline(db)
    assert board.currency == "CNY"
    assert board.counts["lead"] == 2 and board.counts["proposal"] == 2
    # The office's currency only; the others per currency, each with its weighted total.
    assert board.totals["lead"] == Decimal("100000.00")
    assert board.other_totals["lead"] == {"USD": (Decimal("20000.00"), Decimal("2000.00"))}
    assert board.totals["proposal"] == 0
    assert board.other_totals["proposal"] == {
        "EUR": (Decimal("5000.00"), Decimal("2500.00")),
        "USD": (Decimal("10000.00"), Decimal("5000.00")),
    }
    assert board.open_total == Decimal("100000.00")
    assert board.open_other_totals == {
        "EUR": (Decimal("5000.00"), Decimal("2500.00")),
        "USD": (Decimal("30000.00"), Decimal("7000.00")),
    }


def test_the_list_sorts_and_pages_the_boards_deals(db: Database) -> None:
    cid = _customer(db)
    small = _deal(db, cid, "小单", "1000", stage="negotiation")
    big = _deal(db, cid, "大单", "90000", stage="lead")
    mid = _deal(db, cid, "中单", "20000", stage="proposal")
    assert [r.id for r in pl.list_deal_rows(db, sort_key="amount", descending=True)] == [
        big,
        mid,
        small,
    ]
    assert [r.id for r in pl.list_deal_rows(db, sort_key="stage")] == [big, mid, small]
    # Weighted: 9000, 10000, 750.
    assert [r.id for r in pl.list_deal_rows(db, sort_key="weighted", descending=True)] == [
        mid,
        big,
        small,
    ]
    assert [r.id for r in pl.list_deal_rows(db, sort_key="amount", offset=1, limit=1)] == [mid]
    assert pl.count_deals(db) == 3
    assert pl.count_deals(db, pl.PipelineQuery(stages=frozenset({"lead"}))) == 1


# ---------------------------------------------------------------------------------------------
# Quotes and contracts


def test_quotes_and_contracts_on_a_deal(db: Database) -> None:
    did = _deal(db, _customer(db))
    qid, _ = pl.add_document(
        db,
        did,
        pl.DocumentInput(
            "quote",
            "BJ-2026-001",
            Decimal("98000"),
            issued_on=dt.date(2026, 3, 1),
            valid_until=dt.date(2026, 3, 31),
            status="sent",
        ),
    )
    cid_, _ = pl.add_document(
        db,
        did,
        pl.DocumentInput(
            "contract",
            "HT-2026-018",
            Decimal("95000"),
            issued_on=dt.date(2026, 3, 20),
            starts_on=dt.date(2026, 4, 1),
            ends_on=dt.date(2027, 3, 31),
            signed_on=dt.date(2026, 3, 25),
            status="signed",
        ),
    )
    docs = pl.get_deal(db, did).documents
    assert [(x.kind, x.number, x.status) for x in docs] == [
        ("contract", "HT-2026-018", "signed"),
        ("quote", "BJ-2026-001", "sent"),
    ]
    quote = docs[1]
    pl.update_document(db, qid, replace(quote.to_input(), status="accepted"), quote.version)
    with pytest.raises(StaleEditError):
        pl.update_document(db, qid, replace(quote.to_input(), status="rejected"), quote.version)
    assert pl.get_deal(db, did).documents[1].status == "accepted"
    with pytest.raises(ValidationError, match="end before it starts"):
        pl.update_document(
            db,
            cid_,
            replace(docs[0].to_input(), ends_on=dt.date(2026, 1, 1)),
            docs[0].version,
        )
    with pytest.raises(ValidationError, match="needs a number"):
        pl.add_document(db, did, pl.DocumentInput("quote", " "))
    with pytest.raises(ValidationError, match="not a kind"):
        pl.add_document(db, did, pl.DocumentInput("invoice", "X-1"))
    pl.delete_document(db, qid)
    assert [x.id for x in pl.get_deal(db, did).documents] == [cid_]


# ---------------------------------------------------------------------------------------------
# Orders, payments and revenue


def test_orders_and_payments_make_lifetime_and_annual_revenue(db: Database) -> None:
    cid = _customer(db, stage="growing")
    today = NOW.date()
    old, _ = pl.add_order(db, cid, pl.OrderInput(dt.date(2024, 6, 1), Decimal("50000")))
    recent, _ = pl.add_order(db, cid, pl.OrderInput(dt.date(2026, 1, 10), Decimal("30000")))
    pl.add_order(db, cid, pl.OrderInput(dt.date(2026, 2, 1), Decimal("7000"), status="cancelled"))
    # No payments recorded: the last twelve months' orders (the cancelled one not).
    assert pl.customer_revenue(db, cid) == (Decimal("87000.00") - 7000, Decimal("30000.00"))
    assert cs.get_customer(db, cid).annual_revenue == Decimal("30000.00")

    pl.add_payment(db, cid, pl.PaymentInput(dt.date(2025, 3, 31), Decimal("50000"), old))
    pid, _ = pl.add_payment(
        db, cid, pl.PaymentInput(dt.date(2026, 2, 1), Decimal("12000"), recent, "银行转账")
    )
    # With payments recorded, what came in over the last twelve months counts
    # (1 April 2025 – 31 March 2026: the payment of 31 March 2025 is outside).
    assert pl.customer_revenue(db, cid, today) == (Decimal("80000.00"), Decimal("12000.00"))
    assert cs.get_customer(db, cid).annual_revenue == Decimal("12000.00")
    assert [(p.amount, p.order_number, p.method) for p in pl.list_payments(db, cid)][0] == (
        Decimal("12000.00"),
        pl.get_order(db, recent).number,
        "银行转账",
    )
    assert pl.get_order(db, recent).paid == Decimal("12000.00")
    assert {o.id: o.paid for o in act.list_orders(db, cid)}[recent] == Decimal("12000.00")

    pl.delete_payment(db, pid)
    assert cs.get_customer(db, cid).annual_revenue == Decimal("0.00")
    order = pl.get_order(db, recent)
    pl.update_order(db, recent, replace(order.to_input(), status="cancelled"))
    assert pl.customer_revenue(db, cid)[0] == Decimal("50000.00")


def test_order_and_payment_input_that_is_refused(db: Database) -> None:
    cid, other = _customer(db), _customer(db, "上海远景贸易有限公司")
    oid, _ = pl.add_order(db, cid, pl.OrderInput(NOW.date(), Decimal("100"), number="SO-1"))
    with pytest.raises(ValidationError, match="already taken"):
        pl.add_order(db, other, pl.OrderInput(NOW.date(), Decimal("100"), number="SO-1"))
    with pytest.raises(ValidationError, match="order status"):
        pl.add_order(db, cid, pl.OrderInput(NOW.date(), Decimal("100"), status="paid"))
    with pytest.raises(ValidationError, match="another customer"):
        pl.add_payment(db, other, pl.PaymentInput(NOW.date(), Decimal("10"), oid))
    with pytest.raises(ValidationError, match="nothing"):
        pl.add_payment(db, cid, pl.PaymentInput(NOW.date(), Decimal("0")))
    foreign_deal = _deal(db, other)
    with pytest.raises(ValidationError, match="another customer"):
        pl.add_order(db, cid, pl.OrderInput(NOW.date(), Decimal("1"), deal_id=foreign_deal))
    assert [o.number for o in act.list_orders(db, cid)] == ["SO-1"]


def test_revenue_refresh_over_many_customers_in_one_go(db: Database) -> None:
    """Orders loaded behind the services' back (an import, the demo) are caught up."""
    from crmdesk.models import Order, Payment

    ids = [_customer(db, f"客户 {i}") for i in range(4)]
    with db.write() as s:
        s.add_all(
            [
                Order(
                    number="A",
                    customer_id=ids[0],
                    ordered_on=dt.date(2026, 1, 5),
                    amount=Decimal("100"),
                ),
                Order(
                    number="B",
                    customer_id=ids[1],
                    ordered_on=dt.date(2020, 1, 5),
                    amount=Decimal("70"),
                ),
                Payment(customer_id=ids[2], paid_on=dt.date(2026, 3, 30), amount=Decimal("40")),
            ]
        )
    changes = pl.refresh_customer_revenue(db, ids)
    assert changes.customers == set(ids)
    with db.read() as s:
        got = dict(
            s.execute(
                select(Customer.id, Customer.annual_revenue).where(Customer.id.in_(ids))
            ).all()
        )
    assert got == {
        ids[0]: Decimal("100.00"),
        ids[1]: Decimal("0.00"),
        ids[2]: Decimal("40.00"),
        ids[3]: None,
    }
    # Nothing new: nothing written again (the customers' versions stay).
    assert pl.refresh_customer_revenue(db, ids).empty
    # All customers at once; a year later the order has left the window.
    db._clock.now = dt.datetime(2027, 2, 1, tzinfo=dt.UTC)  # type: ignore[attr-defined]
    assert pl.refresh_customer_revenue(db).everything
    assert cs.get_customer(db, ids[0]).annual_revenue == Decimal("0.00")


def test_a_customer_edit_opened_before_a_revenue_refresh_is_stale(db: Database) -> None:
    cid = _customer(db, stage="growing")
    before = cs.get_customer(db, cid)
    pl.add_order(db, cid, pl.OrderInput(NOW.date(), Decimal("500")))
    assert cs.get_customer(db, cid).version == before.version + 1
