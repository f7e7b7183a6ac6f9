"""The dashboard's sales figures: revenue won, pipeline, the funnel and revenue by month (from
the deals), and lifetime value and repeat purchases (from the orders). Two parts, so the screen's
two workers share them."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import and_, case, func, literal, or_, select
from sqlalchemy.orm import Session

from crmdesk.models import (
    Deal,
    Order,
)
from crmdesk.services.aggregates import ratio as _ratio
from crmdesk.services.aggregates import sum_if, within
from crmdesk.services.core import Database
from crmdesk.services.dashboard_figures import Chart, Kpi, Part, Series
from crmdesk.services.dashboard_parts import (
    _Ctx,
    _figures,
    _grouped,
    _month_codes,
    _pieces,
)
from crmdesk.services.dashboard_scope import Scope, add_months

# ---------------------------------------------------------------------------------------------
# Sales: revenue won, pipeline, funnel, revenue by month


def sales_part(db: Database, scope: Scope) -> Part:
    c = _Ctx(scope)
    with db.read() as s:
        w = c.bind(s)
        weighted = Deal.amount * Deal.probability / 100
        won = Deal.stage.in_(w.won_stages())  # type: ignore[arg-type]
        # Won deals and the weight leaving the pipeline, per piece of their closing time.
        closed_p: dict[int, float] = {}
        won_p: dict[int, float] = {}
        measures = [func.sum(weighted), sum_if(won, Deal.amount)]
        for i, (out, amount) in c.by_piece(s, Deal.closed_at, measures, [w.deal_money()]).items():
            closed_p[i], won_p[i] = out, amount
        closed_before = float(
            s.scalar(
                select(func.coalesce(func.sum(weighted), 0)).where(
                    w.deal_money(), Deal.closed_at < c.cuts[0]
                )
            )
            or 0
        )
        # A deal counts in the pipeline from its creation (those marked closed without a
        # closing time never do) until it closes: open at t = created before t less closed
        # before t.
        valid = or_(Deal.closed_at.is_not(None), Deal.stage.not_in(w.closed_stages()))  # type: ignore[arg-type]
        created_p, created_before = _pieces(
            s, Deal.created_at, and_(w.deal_money(), valid), c, weighted
        )

        def pipeline(t: dt.datetime) -> float:
            return (
                created_before
                + c.total(created_p, c.cuts[0], t)
                - closed_before
                - c.total(closed_p, c.cuts[0], t)
            )

        won_f = _figures(c, won_p)
        stages = c.stages
        by_stage = _grouped(
            s,
            select(Deal.stage, func.count())
            .where(w.deals(), w.deal_created(c.s, c.e))
            .group_by(Deal.stage),
        )

    kpis = (
        Kpi(
            "revenue_won",
            "money",
            won_f["period"],
            won_f["previous"],
            tuple(won_f["months"]),
            c.drill("deal", ("deal_money",), ("deal_won", c.s, c.e), measure="amount"),
        ),
        Kpi(
            "pipeline_value",
            "money",
            pipeline(c.e),
            pipeline(c.s),
            tuple(pipeline(b) for b in c.bounds[1:]),
            c.drill("deal", ("deal_money",), ("deal_open_at", c.e), measure="weighted"),
        ),
    )
    revenue = Chart(
        "revenue",
        _month_codes(scope),
        (None,) * c.n,
        (
            Series(
                "revenue",
                "money",
                tuple(won_f["months"]),
                tuple(
                    c.drill("deal", ("deal_money",), ("deal_won", *c.month(i)), measure="amount")
                    for i in range(c.n)
                ),
            ),
        ),
    )
    return Part(kpis, (revenue, _funnel(c, stages, by_stage)))


def orders_part(db: Database, scope: Scope) -> Part:
    """Average lifetime value and the repeat-purchase rate."""
    c = _Ctx(scope)
    with db.read() as s:
        c.bind(s)
        ltv = _ltv(s, c)
    kpis = (
        Kpi(
            "avg_ltv",
            "money",
            ltv["ltv"],
            ltv["ltv_prev"],
            ltv["ltv_months"],
            c.drill("customer", ("customer_ordered_before", c.scope.end)),
        ),
        Kpi(
            "repeat_rate",
            "ratio",
            ltv["repeat"],
            ltv["repeat_prev"],
            ltv["repeat_months"],
            c.drill("customer", ("customer_repeat", c.scope.start, c.scope.end)),
        ),
    )
    return Part(kpis, ())


def _funnel(c: _Ctx, stages: list[object], by_stage: dict[object, tuple[object, ...]]) -> Chart:
    """Deals created in the period that reached each open stage, and the won ones."""
    counts = {str(k): int(v[0]) for k, v in by_stage.items()}  # type: ignore[call-overload]
    # A stage the office switched off still shows while deals sit in it.
    open_stages = [
        st
        for st in stages
        if st.outcome == "open" and (st.active or counts.get(st.key))  # type: ignore[attr-defined]
    ]
    won_keys = [st.key for st in stages if st.outcome == "won"]  # type: ignore[attr-defined]
    lost_keys = [st.key for st in stages if st.outcome == "lost"]  # type: ignore[attr-defined]
    won = sum(counts.get(k, 0) for k in won_keys)
    lost = sum(counts.get(k, 0) for k in lost_keys)
    codes, names, values, drills = [], [], [], []
    for i, st in enumerate(open_stages):
        later = [x.key for x in open_stages[i:]] + won_keys  # type: ignore[attr-defined]
        if i == 0:
            later += lost_keys
        reached = sum(counts.get(k, 0) for k in later)
        codes.append(st.key)  # type: ignore[attr-defined]
        names.append(st.name)  # type: ignore[attr-defined]
        values.append(float(reached))
        drills.append(
            c.drill("deal", ("deals",), ("deal_created", c.s, c.e), ("in", "stage", tuple(later)))
        )
    if won_keys:
        codes.append("won")
        names.append(next(st.name for st in stages if st.outcome == "won"))  # type: ignore[attr-defined]
        values.append(float(won))
        drills.append(
            c.drill(
                "deal", ("deals",), ("deal_created", c.s, c.e), ("in", "stage", tuple(won_keys))
            )
        )
    conversion = tuple(
        None if i == 0 else _ratio(values[i], values[i - 1]) for i in range(len(values))
    )
    return Chart(
        "funnel",
        tuple(codes),
        tuple(names),
        (Series("deals", "count", tuple(values), tuple(drills)),),
        extra={"conversion": conversion, "lost": lost},
    )


def _ltv(s: Session, c: _Ctx) -> dict[str, object]:
    """Lifetime value and repeat purchases. Order dates are days, so the pieces are cut at the
    days the period, the previous period and the months start."""
    w = c.w
    months = c.scope.months()
    month_days = [*months, add_months(months[-1], 1)]
    days = sorted({*month_days, c.prev.start, c.scope.start, c.scope.end})
    spans = {"e": (c.scope.start, c.scope.end), "s": (c.prev.start, c.prev.end)} | {
        f"m{i}": (month_days[i], month_days[i + 1]) for i in range(c.n)
    }
    # Money in the office currency; repeat purchases count orders in any currency.
    money = and_(w.purchases(), Order.currency == c.scope.currency)
    amount_p = {
        i: v[0]
        for i, v in c.by_piece(s, Order.ordered_on, [func.sum(Order.amount)], [money], days).items()
    }
    amount_before = float(
        s.scalar(
            select(func.coalesce(func.sum(Order.amount), 0)).where(
                money, Order.ordered_on < days[0]
            )
        )
        or 0
    )
    first = (
        select(func.min(Order.ordered_on).label("first"))
        .where(money)
        .group_by(Order.customer_id)
        .subquery()
    )
    # Each buyer once, in the piece of its first order (-1: before the first piece).
    first_piece = case(
        (first.c.first < days[0], literal(-1)), else_=c.piece(first.c.first, days)
    ).label("piece")
    buyers_p: dict[int, float] = {}
    for i, n in s.execute(
        select(first_piece, func.count()).where(first.c.first < days[-1]).group_by("piece")
    ):
        buyers_p[int(i)] = float(n)
    buyers_before = buyers_p.pop(-1, 0.0)

    def ltv(t: dt.date) -> float | None:
        spent = amount_before + c.total(amount_p, days[0], t, days)
        return _ratio(spent, buyers_before + c.total(buyers_p, days[0], t, days))

    # Repeat purchases: orders per customer in the period and the previous one …
    per = (
        select(
            sum_if(within(Order.ordered_on, *spans["e"])).label("ne"),
            sum_if(within(Order.ordered_on, *spans["s"])).label("ns"),
        )
        .where(w.purchases(), within(Order.ordered_on, c.prev.start, c.scope.end))
        .group_by(Order.customer_id)
        .subquery()
    )
    r = s.execute(
        select(
            sum_if(per.c.ne >= 1),
            sum_if(per.c.ne >= 2),
            sum_if(per.c.ns >= 1),
            sum_if(per.c.ns >= 2),
        )
    ).one()
    # … and in each month.
    per_month = (
        select(c.piece(Order.ordered_on, month_days).label("m"), func.count().label("n"))
        .where(w.purchases(), within(Order.ordered_on, month_days[0], month_days[-1]))
        .group_by(Order.customer_id, "m")
        .subquery()
    )
    monthly = {
        int(m): (float(one or 0), float(two or 0))
        for m, one, two in s.execute(
            select(per_month.c.m, func.count(), sum_if(per_month.c.n >= 2)).group_by(per_month.c.m)
        )
    }
    return {
        "ltv": ltv(c.scope.end),
        "ltv_prev": ltv(c.scope.start),
        "ltv_months": tuple(ltv(d) for d in month_days[1:]),
        "repeat": _ratio(r[1], r[0]),
        "repeat_prev": _ratio(r[3], r[2]),
        "repeat_months": tuple(
            _ratio(monthly.get(i, (0, 0))[1], monthly.get(i, (0, 0))[0]) for i in range(c.n)
        ),
    }
