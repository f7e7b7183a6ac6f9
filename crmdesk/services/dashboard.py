"""The dashboard's figures (可视化决策看板): KPI tiles, charts, and where each figure leads.

Each figure is counted by the database (conditional sums, GROUP BY) over index ranges; no row
travels to Python. The screen asks for the parts of :data:`PARTS` separately, on worker threads,
and shows each as it arrives; :func:`compute` asks for all of them (the report, the tests, the
benchmark).

Every figure carries a :class:`Drill`: the entity and the named conditions of
:class:`~crmdesk.services.dashboard_scope.Where` that select the records behind it, so the list
it opens is built from the same SQL as the number (``services.dashboard_drill``).

The definitions the screen shows as tooltips and docs/metrics.md repeats are in
:data:`DEFINITIONS`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, literal, or_, select
from sqlalchemy.orm import Session

from crmdesk.models import (
    Customer,
    Deal,
    Interaction,
    Order,
    Ticket,
    TicketCategory,
    User,
)
from crmdesk.services.core import Database
from crmdesk.services.dashboard_scope import Scope, Where, add_months, bucket, sum_if, within
from crmdesk.services.pipeline_board import stage_defs

# ---------------------------------------------------------------------------------------------
# What the parts hand to the screen


@dataclass(frozen=True)
class Drill:
    """The records behind a figure: ``entity`` (customer, deal, ticket, interaction) and the
    conditions, each the name of a :class:`Where` method with its arguments, or
    ``("eq", column, value)``. ``services.dashboard_drill`` turns it into a list."""

    entity: str
    scope: Scope
    conditions: tuple[tuple[object, ...], ...]
    # How the list's records add up to the figure: "count", or the column summed ("amount",
    # "weighted": amount × probability ÷ 100).
    measure: str = "count"


@dataclass(frozen=True)
class Kpi:
    key: str
    unit: str
    """count, money, ratio (0–1, shown as a percentage), seconds, score (CSAT 1–5), nps."""
    value: float | None
    previous: float | None
    spark: tuple[float | None, ...]
    drill: Drill | None = None

    @property
    def change(self) -> float | None:
        """Counts and money: the relative change (0.1 = +10 %); ratios, scores, NPS and times:
        the difference (ratios in points of 0–1). None when either side is missing, or a
        relative change from zero."""
        if self.value is None or self.previous is None:
            return None
        if self.unit in ("count", "money"):
            return None if self.previous == 0 else (self.value - self.previous) / self.previous
        return self.value - self.previous


@dataclass(frozen=True)
class Series:
    key: str
    unit: str
    values: tuple[float, ...]
    drills: tuple[Drill | None, ...]


@dataclass(frozen=True)
class Chart:
    key: str
    categories: tuple[str, ...]
    """Codes: months as YYYY-MM, stage/tier/channel/category codes, user ids as text."""
    names: tuple[str | None, ...]
    """Stored names where a code is not translated (users, an office's own deal stages)."""
    series: tuple[Series, ...]
    extra: dict[str, object] = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class Part:
    kpis: tuple[Kpi, ...] = ()
    charts: tuple[Chart, ...] = ()


@dataclass(frozen=True)
class Figures:
    scope: Scope
    kpis: dict[str, Kpi]
    charts: dict[str, Chart]


# The tiles in the order the screen shows them.
KPI_KEYS = (
    "customers",
    "new_customers",
    "active_customers",
    "churn_rate",
    "revenue_won",
    "pipeline_value",
    "avg_ltv",
    "repeat_rate",
    "csat",
    "nps",
    "first_response",
    "resolution_rate",
)
CHART_KEYS = (
    "funnel",
    "growth",
    "revenue",
    "ranking",
    "tickets_by_category",
    "customers_by_tier",
    "customers_by_stage",
    "channels",
)

# One written definition per figure: the tooltip, the README/docs text and the report's notes.
DEFINITIONS: dict[str, str] = {
    "customers": "Customers at the end of the period: live customers created before its end "
    "that had not churned by then.",
    "new_customers": "New customers: customers created in the period.",
    "active_customers": "Active customers: customers with at least one interaction (call, "
    "visit, email, meeting, WeChat, note) logged in the period.",
    "churn_rate": "Churn rate: customers who churned in the period ÷ customers at its start "
    "(created before it, not churned by then). A customer churns when its stage becomes "
    "“churned”.",
    "revenue_won": "Revenue won: the amounts of the deals won in the period (closed in a won "
    "stage), in the office currency.",
    "pipeline_value": "Pipeline value: the open deals at the end of the period (created before "
    "it, not closed by then), each amount × its probability, in the office currency. Deals "
    "closed since count at their closing probability (the pipeline keeps no earlier one).",
    "avg_ltv": "Average lifetime value: everything customers ordered up to the end of the "
    "period (orders not cancelled, office currency) ÷ the customers with at least one such "
    "order.",
    "repeat_rate": "Repeat-purchase rate: customers with two or more orders in the period ÷ "
    "customers with at least one order in the period (orders not cancelled).",
    "csat": "CSAT: the average satisfaction score (1–5) given at the revisit of the tickets "
    "closed in the period.",
    "nps": "NPS: of the tickets closed in the period with a 0–10 recommendation answer, the "
    "percentage of promoters (9–10) minus the percentage of detractors (0–6); −100 to 100.",
    "first_response": "First response time: the average working time from a ticket's "
    "registration to its first response (its assignment), over the tickets registered in the "
    "period that have had one.",
    "resolution_rate": "Resolution rate: the tickets registered in the period that were "
    "resolved by its end ÷ the tickets registered in the period.",
    "funnel": "Sales funnel: deals created in the period by the furthest stage they are known "
    "to have reached: a deal in a stage has passed every earlier stage, a won deal every open "
    "stage; a lost deal counts in the first stage only. Conversion: a stage's deals ÷ the "
    "previous stage's.",
    "growth": "Customer growth by month: new customers (created), churned customers (stage "
    "became churned), and customers at the end of each month.",
    "revenue": "Revenue by month: the amounts of the deals won in each month, office currency.",
    "ranking": "Team and rep ranking in the period: revenue won and deals won (deal owner), "
    "interactions logged (author), tickets solved (assignee of the tickets resolved).",
    "tickets_by_category": "Tickets registered in the period by category.",
    "customers_by_tier": "Customers created before the end of the period by tier (A/B/C), "
    "churned ones included.",
    "customers_by_stage": "Customers created before the end of the period by lifecycle stage.",
    "channels": "Acquisition channels: new customers of the period by the channel they came from.",
}

DEFINITIONS_ZH: dict[str, str] = {
    "customers": "客户数：期末的客户——期末之前建档、且截至期末尚未流失的有效客户。",
    "new_customers": "新增客户：本期内建档的客户。",
    "active_customers": "活跃客户：本期内至少记录过一次互动（电话、拜访、邮件、会议、微信、备注）的客户。",
    "churn_rate": "流失率：本期流失的客户数 ÷ 期初客户数（期初之前建档且当时尚未流失）。客户阶段变为“已流失”即为流失。",
    "revenue_won": "赢单金额：本期赢单（以赢单阶段关闭）的商机金额之和，按本公司币种计。",
    "pipeline_value": "管道价值：期末仍未关闭的商机（期末之前创建、截至期末未关闭），金额 × 赢率之和，按本公司币种计。"
    "此后已关闭的商机按关闭时的赢率计（系统不保留更早的赢率）。",
    "avg_ltv": "平均客户终身价值：截至期末客户的全部订单金额（不含已取消订单，本公司币种）÷ 至少有一笔此类订单的客户数。",
    "repeat_rate": "复购率：本期有两笔及以上订单的客户 ÷ 本期至少有一笔订单的客户（不含已取消订单）。",
    "csat": "客户满意度（CSAT）：本期关闭的工单在回访时给出的满意度评分（1–5）的平均值。",
    "nps": "净推荐值（NPS）：本期关闭且有 0–10 推荐意愿评分的工单中，推荐者（9–10）所占百分比减去贬损者（0–6）所占百分比；"
    "范围 −100 到 100。",
    "first_response": "首次响应时长：本期登记且已有首次响应（分配）的工单，从登记到首次响应的平均工作时长。",
    "resolution_rate": "解决率：本期登记的工单中截至期末已解决的数量 ÷ 本期登记的工单数。",
    "funnel": "销售漏斗：本期创建的商机按已知到达的最远阶段统计——处于某阶段的商机已经过之前所有阶段，"
    "赢单商机经过所有进行中阶段；输单商机只计入第一阶段。转化率：某阶段商机数 ÷ 上一阶段商机数。",
    "growth": "客户增长（按月）：新增客户（建档）、流失客户（阶段变为已流失）以及每月末的客户总数。",
    "revenue": "月度收入：每月赢单商机的金额之和，按本公司币种计。",
    "ranking": "团队与个人排名（本期）：赢单金额与赢单数（商机负责人）、记录的互动数（记录人）、解决的工单数（已解决工单的处理人）。",
    "tickets_by_category": "按类别统计的本期登记工单。",
    "customers_by_tier": "期末之前建档的客户按等级（A/B/C）分布，含已流失客户。",
    "customers_by_stage": "期末之前建档的客户按生命周期阶段分布。",
    "channels": "获客渠道：本期新增客户按来源渠道分布。",
}


def definition(key: str, lang: str = "en") -> str:
    """The written definition of a figure in ``lang`` (zh_CN or English)."""
    table = DEFINITIONS_ZH if lang.startswith("zh") else DEFINITIONS
    return table.get(key, DEFINITIONS.get(key, ""))


# ---------------------------------------------------------------------------------------------
# Helpers


def _ratio(part: float | None, whole: float | None) -> float | None:
    return None if not whole else float(part or 0) / float(whole)


def _month_codes(scope: Scope) -> tuple[str, ...]:
    return tuple(m.strftime("%Y-%m") for m in scope.months())


def _grouped(s: Session, stmt: object) -> dict[object, tuple[object, ...]]:
    return {row[0]: tuple(row[1:]) for row in s.execute(stmt)}  # type: ignore[call-overload]


class _Ctx:
    """One part's view of the scope: the period, the previous one, the months."""

    def __init__(self, scope: Scope) -> None:
        self.scope = scope
        self.w = Where(scope)
        self.prev = scope.previous()
        self.s, self.e = scope.utc_start, scope.utc_end
        self.ps = self.prev.utc_start
        self.bounds = scope.month_bounds()
        self.n = len(self.bounds) - 1
        # Everything a part reads lies in [lo, e).
        self.lo = min(self.ps, self.bounds[0])

    def bind(self, s: Session) -> Where:
        """The conditions with the office's deal stages read in ``s`` (the defaults when the
        table is empty, as the pipeline board has them)."""
        self.stages = stage_defs(s)
        self.w = Where(self.scope, self.stages)
        return self.w

    def drill(self, entity: str, *conditions: tuple[object, ...], measure: str = "count") -> Drill:
        return Drill(entity, self.scope, tuple(conditions), measure)

    def month(self, i: int) -> tuple[dt.datetime, dt.datetime]:
        return self.bounds[i], self.bounds[i + 1]

    # Pieces: every month bound and the ends of the period and the previous period cut the
    # part's range into pieces, and every figure is a sum of whole pieces. So a table is read
    # once, each row placed in its piece (a binary CASE of a few comparisons) and counted in a
    # GROUP BY, instead of testing every row against every month.

    @property
    def cuts(self) -> list[dt.datetime]:
        return sorted({*self.bounds, self.ps, self.s, self.e})

    def piece(self, column: object, cuts: list[Any] | None = None) -> ColumnElement[int]:
        """The piece ``column`` falls in, for rows inside [cuts[0], cuts[-1])."""
        cuts = cuts or self.cuts

        def split(lo: int, hi: int) -> Any:  # noqa: ANN401 - a CASE or a literal
            if hi - lo == 1:
                return literal(lo)
            mid = (lo + hi) // 2
            return case((column < cuts[mid], split(lo, mid)), else_=split(mid, hi))  # type: ignore[operator]

        return split(0, len(cuts) - 1)  # type: ignore[no-any-return]

    def total(
        self,
        pieces: dict[int, float],
        start: Any,
        end: Any,
        cuts: list[Any] | None = None,  # noqa: ANN401
    ) -> float:
        """The sum of the pieces inside [start, end)."""
        cuts = cuts or self.cuts
        return float(sum(v for i, v in pieces.items() if cuts[i] >= start and cuts[i + 1] <= end))


# ---------------------------------------------------------------------------------------------
# Customers: totals, new, churned, active, growth, tiers, stages, channels


def customer_part(db: Database, scope: Scope) -> Part:
    c = _Ctx(scope)
    with db.read() as s:
        w = c.bind(s)
        new_p, new_before = _pieces(s, Customer.created_at, w.customers(), c)
        gone_p, gone_before = _pieces(s, Customer.churned_at, w.customers(), c)

        def at_moment(t: dt.datetime) -> int:
            """Customers at ``t``: created before it less churned before it (a customer
            churns after it was created, see customers.reconcile_churn)."""
            return int(
                new_before
                + c.total(new_p, c.cuts[0], t)
                - gone_before
                - c.total(gone_p, c.cuts[0], t)
            )

        at = {"at_e": at_moment(c.e), "at_s": at_moment(c.s), "at_ps": at_moment(c.ps)}
        at["at_b0"] = at_moment(c.bounds[0])
        for i, b in enumerate(c.bounds[1:]):
            at[f"at_m{i}"] = at_moment(b)
        new = _figures(c, new_p)
        churned = _figures(c, gone_p)
        active = _active(s, c)
        by_tier = _grouped(
            s,
            select(Customer.tier, func.count())
            .where(w.customers(), w.customer_known(c.e))
            .group_by(Customer.tier),
        )
        by_stage = _grouped(
            s,
            select(Customer.stage, func.count())
            .where(w.customers(), w.customer_known(c.e))
            .group_by(Customer.stage),
        )
        by_channel = _grouped(
            s,
            select(Customer.channel, func.count())
            .where(w.customers(), w.customer_new(c.s, c.e))
            .group_by(Customer.channel),
        )

    months = _month_codes(scope)
    spark_at = tuple(float(at[f"at_m{i}"]) for i in range(c.n))
    kpis = (
        Kpi(
            "customers",
            "count",
            at["at_e"],
            at["at_s"],
            spark_at,
            c.drill("customer", ("customers",), ("customer_at", c.e)),
        ),
        Kpi(
            "new_customers",
            "count",
            new["period"],
            new["previous"],
            tuple(float(x) for x in new["months"]),
            c.drill("customer", ("customers",), ("customer_new", c.s, c.e)),
        ),
        Kpi(
            "active_customers",
            "count",
            active["period"],
            active["previous"],
            tuple(float(x) for x in active["months"]),
            c.drill("customer", ("customer_active", c.s, c.e)),
        ),
        Kpi(
            "churn_rate",
            "ratio",
            _ratio(churned["period"], at["at_s"]),
            _ratio(churned["previous"], at["at_ps"]),
            tuple(
                _ratio(churned["months"][i], at[f"at_m{i - 1}"] if i else at["at_b0"])
                for i in range(c.n)
            ),
            c.drill("customer", ("customers",), ("customer_churned", c.s, c.e)),
        ),
    )
    growth = Chart(
        "growth",
        months,
        (None,) * c.n,
        (
            Series(
                "new",
                "count",
                tuple(float(x) for x in new["months"]),
                tuple(
                    c.drill("customer", ("customers",), ("customer_new", *c.month(i)))
                    for i in range(c.n)
                ),
            ),
            Series(
                "churned",
                "count",
                tuple(float(x) for x in churned["months"]),
                tuple(
                    c.drill("customer", ("customers",), ("customer_churned", *c.month(i)))
                    for i in range(c.n)
                ),
            ),
            Series(
                "total",
                "count",
                spark_at,
                tuple(
                    c.drill("customer", ("customers",), ("customer_at", c.bounds[i + 1]))
                    for i in range(c.n)
                ),
            ),
        ),
    )
    charts = (
        growth,
        _by_code_chart(
            c, "customers_by_tier", "tier", by_tier, ("A", "B", "C", None), ("customer_known", c.e)
        ),
        _by_code_chart(
            c,
            "customers_by_stage",
            "stage",
            by_stage,
            ("prospect", "new", "growing", "at_risk", "churned"),
            ("customer_known", c.e),
        ),
        _by_code_chart(
            c,
            "channels",
            "channel",
            by_channel,
            (
                "website",
                "event",
                "wechat",
                "referral",
                "platform",
                "cold_call",
                "other",
                None,
            ),
            ("customer_new", c.s, c.e),
            drop_empty=True,
        ),
    )
    return Part(kpis, charts)


def _pieces(
    s: Session,
    column: object,
    scope: ColumnElement[bool],
    c: _Ctx,
    value: Any = None,  # noqa: ANN401 - a column expression; None counts rows
) -> tuple[dict[int, float], float]:
    """Rows (or the sum of ``value``) per piece of ``column``, and before the first piece."""
    cuts = c.cuts
    measure = func.count() if value is None else func.coalesce(func.sum(value), 0)
    pieces = {
        int(i): float(n or 0)
        for i, n in s.execute(
            select(c.piece(column).label("piece"), measure)
            .where(scope, within(column, cuts[0], cuts[-1]))
            .group_by("piece")
        )
    }
    before = float(s.scalar(select(measure).where(scope, column < cuts[0])) or 0)  # type: ignore[operator]
    return pieces, before


def _figures(c: _Ctx, pieces: dict[int, float]) -> dict[str, Any]:
    """The period's, the previous period's and each month's sum of ``pieces``."""
    return {
        "period": c.total(pieces, c.s, c.e),
        "previous": c.total(pieces, c.ps, c.s),
        "months": [c.total(pieces, *c.month(i)) for i in range(c.n)],
    }


def _active(s: Session, c: _Ctx) -> dict[str, object]:
    """Distinct customers with an interaction in the period, the previous one, each month."""
    w = c.w

    def distinct(start: dt.datetime, end: dt.datetime) -> int:
        return int(
            s.scalar(
                select(func.count(func.distinct(Interaction.customer_id))).where(
                    w.interactions(), w.interaction_in(start, end)
                )
            )
            or 0
        )

    months = [0] * c.n
    stmt = (
        select(
            bucket(Interaction.occurred_at, c.bounds).label("m"),
            func.count(func.distinct(Interaction.customer_id)),
        )
        .where(w.interactions(), w.interaction_in(c.bounds[0], c.bounds[-1]))
        .group_by("m")
    )
    for m, n in s.execute(stmt):
        months[int(m)] = int(n)
    return {"period": distinct(c.s, c.e), "previous": distinct(c.ps, c.s), "months": months}


def _by_code_chart(
    c: _Ctx,
    key: str,
    column: str,
    counts: dict[object, tuple[object, ...]],
    order: tuple[str | None, ...],
    condition: tuple[object, ...],
    drop_empty: bool = False,
) -> Chart:
    values = {
        (None if k is None else str(getattr(k, "value", k))): int(v[0]) for k, v in counts.items()
    }  # type: ignore[call-overload]
    codes = [k for k in order if not (drop_empty and not values.get(k))]
    codes += sorted(k for k in values if k not in order and k is not None)
    return Chart(
        key,
        tuple("" if k is None else k for k in codes),
        (None,) * len(codes),
        (
            Series(
                "customers",
                "count",
                tuple(float(values.get(k, 0)) for k in codes),
                tuple(
                    c.drill("customer", ("customers",), condition, ("eq", column, k)) for k in codes
                ),
            ),
        ),
    )


# ---------------------------------------------------------------------------------------------
# Sales: revenue won, pipeline, lifetime value, repeat purchases, funnel, revenue by month


def sales_part(db: Database, scope: Scope) -> Part:
    c = _Ctx(scope)
    with db.read() as s:
        w = c.bind(s)
        weighted = Deal.amount * Deal.probability / 100
        won = Deal.stage.in_(w.won_stages())  # type: ignore[arg-type]
        # Won deals and the weight leaving the pipeline, per piece of their closing time.
        closed_p: dict[int, float] = {}
        won_p: dict[int, float] = {}
        for i, out, amount in s.execute(
            select(
                c.piece(Deal.closed_at).label("piece"), func.sum(weighted), sum_if(won, Deal.amount)
            )
            .where(w.deal_money(), within(Deal.closed_at, c.cuts[0], c.cuts[-1]))
            .group_by("piece")
        ):
            closed_p[int(i)], won_p[int(i)] = float(out or 0), float(amount or 0)
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
        ltv = _ltv(s, c)
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
        int(i): float(v or 0)
        for i, v in s.execute(
            select(c.piece(Order.ordered_on, days).label("piece"), func.sum(Order.amount))
            .where(money, within(Order.ordered_on, days[0], days[-1]))
            .group_by("piece")
        )
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


# ---------------------------------------------------------------------------------------------
# Service: CSAT, NPS, first response, resolution rate, tickets by category


def service_part(db: Database, scope: Scope) -> Part:
    c = _Ctx(scope)
    w = c.w
    cuts = c.cuts
    last = len(cuts) - 1
    # Where a ticket's resolution falls: a piece, or never / later (last), or earlier (-1).
    resolved_piece = case(
        (Ticket.resolved_at.is_(None), literal(last)),
        (Ticket.resolved_at >= cuts[-1], literal(last)),
        (Ticket.resolved_at < cuts[0], literal(-1)),
        else_=c.piece(Ticket.resolved_at),
    )
    answered = Ticket.first_response_seconds.is_not(None)
    with db.read() as s:
        created: dict[int, dict[str, float]] = {}
        resolved_by: dict[tuple[int, int], float] = {}
        for i, rp, n, fr_n, fr_sum in s.execute(
            select(
                c.piece(Ticket.created_at).label("piece"),
                resolved_piece.label("resolved"),
                func.count(),
                sum_if(answered),
                sum_if(answered, Ticket.first_response_seconds),
            )
            .where(w.tickets(), within(Ticket.created_at, cuts[0], cuts[-1]))
            .group_by("piece", "resolved")
        ):
            row = created.setdefault(int(i), {"n": 0.0, "fr_n": 0.0, "fr_sum": 0.0})
            row["n"] += float(n)
            row["fr_n"] += float(fr_n or 0)
            row["fr_sum"] += float(fr_sum or 0)
            resolved_by[(int(i), int(rp))] = float(n)
        closed: dict[int, dict[str, float]] = {}
        has_csat, has_nps = Ticket.csat.is_not(None), Ticket.nps.is_not(None)
        for i, csat_n, csat_sum, nps_n, promoters, detractors in s.execute(
            select(
                c.piece(Ticket.closed_at).label("piece"),
                sum_if(has_csat),
                sum_if(has_csat, Ticket.csat),
                sum_if(has_nps),
                sum_if(and_(has_nps, Ticket.nps >= 9)),
                sum_if(and_(has_nps, Ticket.nps <= 6)),
            )
            .where(w.tickets(), within(Ticket.closed_at, cuts[0], cuts[-1]))
            .group_by("piece")
        ):
            closed[int(i)] = {
                "csat_n": float(csat_n or 0),
                "csat_sum": float(csat_sum or 0),
                "nps_n": float(nps_n or 0),
                "promoters": float(promoters or 0),
                "detractors": float(detractors or 0),
            }
        by_category = _grouped(
            s,
            select(Ticket.category, func.count())
            .where(w.tickets(), within(Ticket.created_at, c.s, c.e))
            .group_by(Ticket.category),
        )

    spans = {"e": (c.s, c.e), "s": (c.ps, c.s)} | {f"m{i}": c.month(i) for i in range(c.n)}

    def closed_sum(k: str, field: str) -> float:
        return c.total({i: v[field] for i, v in closed.items()}, *spans[k])

    def created_sum(k: str, field: str) -> float:
        return c.total({i: v[field] for i, v in created.items()}, *spans[k])

    def csat(k: str) -> float | None:
        return _ratio(closed_sum(k, "csat_sum"), closed_sum(k, "csat_n"))

    def nps(k: str) -> float | None:
        n = closed_sum(k, "nps_n")
        promoters, detractors = closed_sum(k, "promoters"), closed_sum(k, "detractors")
        return None if not n else 100.0 * (promoters - detractors) / n

    def fr(k: str) -> float | None:
        return _ratio(created_sum(k, "fr_sum"), created_sum(k, "fr_n"))

    def rate(k: str) -> float | None:
        """Registered in the span and resolved before its end."""
        start, end = spans[k]
        done = sum(
            n
            for (i, rp), n in resolved_by.items()
            if cuts[i] >= start
            and cuts[i + 1] <= end
            and (rp == -1 or (rp < last and cuts[rp + 1] <= end))
        )
        return _ratio(done, created_sum(k, "n"))

    months = [f"m{i}" for i in range(c.n)]
    kpis = (
        Kpi("csat", "score", csat("e"), csat("s"), tuple(csat(m) for m in months),
            c.drill("ticket", ("tickets",), ("ticket_closed", c.s, c.e), ("not_null", "csat"))),
        Kpi("nps", "nps", nps("e"), nps("s"), tuple(nps(m) for m in months),
            c.drill("ticket", ("tickets",), ("ticket_closed", c.s, c.e), ("not_null", "nps"))),
        Kpi("first_response", "seconds", fr("e"), fr("s"), tuple(fr(m) for m in months),
            c.drill("ticket", ("tickets",), ("ticket_created", c.s, c.e), ("not_null", "first_response_seconds"))),
        Kpi("resolution_rate", "ratio", rate("e"), rate("s"), tuple(rate(m) for m in months),
            c.drill("ticket", ("tickets",), ("ticket_created", c.s, c.e))),
    )  # fmt: skip
    counts = {str(getattr(k, "value", k)): int(v[0]) for k, v in by_category.items()}  # type: ignore[call-overload]
    codes = [str(cat.value) for cat in TicketCategory]
    chart = Chart(
        "tickets_by_category",
        tuple(codes),
        (None,) * len(codes),
        (
            Series(
                "tickets",
                "count",
                tuple(float(counts.get(k, 0)) for k in codes),
                tuple(
                    c.drill(
                        "ticket", ("tickets",), ("ticket_created", c.s, c.e), ("eq", "category", k)
                    )
                    for k in codes
                ),
            ),
        ),
    )
    return Part(kpis, (chart,))


# ---------------------------------------------------------------------------------------------
# Ranking: per person, revenue and deals won, interactions logged, tickets solved


RANKING_SERIES = ("revenue_won", "deals_won", "interactions", "tickets_solved")


def ranking_part(db: Database, scope: Scope) -> Part:
    c = _Ctx(scope)
    with db.read() as s:
        w = c.bind(s)
        deals = _grouped(
            s,
            # Revenue in the office currency; deals won in any (a count, like the funnel's).
            select(
                Deal.owner_id, sum_if(Deal.currency == scope.currency, Deal.amount), func.count()
            )
            .where(w.deals(), w.deal_won(c.s, c.e))
            .group_by(Deal.owner_id),
        )
        interactions = _grouped(
            s,
            select(Interaction.user_id, func.count())
            .where(w.interactions(), w.interaction_in(c.s, c.e))
            .group_by(Interaction.user_id),
        )
        tickets = _grouped(
            s,
            select(Ticket.assignee_id, func.count())
            .where(w.tickets(), within(Ticket.resolved_at, c.s, c.e))
            .group_by(Ticket.assignee_id),
        )
        ids = {k for k in (*deals, *interactions, *tickets) if k is not None}
        users = {
            uid: (name, team)
            for uid, name, team in s.execute(
                select(User.id, User.display_name, User.team_id).where(User.id.in_(ids))
            )
        }
    rows = []
    for uid in ids:
        revenue, won = deals.get(uid, (0, 0))
        rows.append(
            (
                uid,
                float(revenue or 0),
                int(won or 0),
                int(interactions.get(uid, (0,))[0] or 0),
                int(tickets.get(uid, (0,))[0] or 0),
            )
        )
    rows.sort(key=lambda r: (-r[1], -r[2], -r[3], -r[4], users.get(r[0], ("", None))[0]))
    codes = tuple(str(r[0]) for r in rows)
    names = tuple(users.get(r[0], (str(r[0]), None))[0] for r in rows)

    def series(key: str, col: int, unit: str, drill: Callable[[int], Drill]) -> Series:
        return Series(
            key, unit, tuple(float(r[col]) for r in rows), tuple(drill(r[0]) for r in rows)
        )

    chart = Chart(
        "ranking",
        codes,
        names,
        (
            series("revenue_won", 1, "money", lambda uid: c.drill(
                "deal", ("deal_money",), ("deal_won", c.s, c.e), ("eq", "owner_id", uid),
                measure="amount")),
            series("deals_won", 2, "count", lambda uid: c.drill(
                "deal", ("deals",), ("deal_won", c.s, c.e), ("eq", "owner_id", uid))),
            series("interactions", 3, "count", lambda uid: c.drill(
                "interaction", ("interactions",), ("interaction_in", c.s, c.e), ("eq", "user_id", uid))),
            series("tickets_solved", 4, "count", lambda uid: c.drill(
                "ticket", ("tickets",), ("ticket_resolved", c.s, c.e), ("eq", "assignee_id", uid))),
        ),
        extra={"teams": tuple(users.get(r[0], ("", None))[1] for r in rows)},
    )  # fmt: skip
    return Part((), (chart,))


# ---------------------------------------------------------------------------------------------

PARTS: dict[str, Callable[[Database, Scope], Part]] = {
    "customers": customer_part,
    "sales": sales_part,
    "service": service_part,
    "ranking": ranking_part,
}


def merge(scope: Scope, parts: list[Part]) -> Figures:
    kpis = {k.key: k for p in parts for k in p.kpis}
    charts = {ch.key: ch for p in parts for ch in p.charts}
    return Figures(
        scope,
        {k: kpis[k] for k in KPI_KEYS if k in kpis},
        {k: charts[k] for k in CHART_KEYS if k in charts},
    )


def compute(db: Database, scope: Scope, workers: int = 2) -> Figures:
    """Every figure of the dashboard for ``scope``; the parts run on ``workers`` threads (each
    reads with its own connection)."""
    if workers <= 1:
        return merge(scope, [fn(db, scope) for fn in PARTS.values()])
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="dashboard") as pool:
        futures = [pool.submit(fn, db, scope) for fn in PARTS.values()]
        return merge(scope, [f.result() for f in futures])


# ---------------------------------------------------------------------------------------------
# What the screen's filters offer, and the ranking by team


@dataclass(frozen=True)
class People:
    """The teams and people the dashboard can be narrowed to, and the office's time zone."""

    teams: tuple[tuple[int, str], ...]
    users: tuple[tuple[int, str, int | None], ...]
    timezone: str
    currency: str = "CNY"


def dashboard_people(db: Database) -> People:
    from crmdesk.models import Team
    from crmdesk.services.service_settings import load_calendar

    with db.read() as s:
        teams = tuple(
            (int(i), str(n)) for i, n in s.execute(select(Team.id, Team.name).order_by(Team.name))
        )
        users = tuple(
            (int(i), str(n), t)
            for i, n, t in s.execute(
                select(User.id, User.display_name, User.team_id)
                .where(User.active.is_(True))
                .order_by(User.display_name)
            )
        )
        currency = office_currency(s)
    return People(teams, users, load_calendar(db).timezone, currency)


CURRENCY_KEY = "office.currency"


def office_currency(s: Session) -> str:
    """The currency money figures count: the office's setting, else the one most of the
    latest thousand deals are in, else CNY."""
    from crmdesk.models import Setting

    stored = s.scalar(select(Setting.value).where(Setting.key == CURRENCY_KEY))
    if stored:
        return str(stored).strip().upper()[:3]
    latest = select(Deal.currency).order_by(Deal.id.desc()).limit(1000).subquery()
    row = s.execute(
        select(latest.c.currency, func.count())
        .group_by(latest.c.currency)
        .order_by(func.count().desc(), latest.c.currency)
        .limit(1)
    ).first()
    return str(row[0]) if row else "CNY"


def make_scope(
    people: People,
    start: dt.date,
    end: dt.date,
    team_id: int | None = None,
    owner_id: int | None = None,
) -> Scope:
    """A scope in the office's time zone and currency; an owner wins over a team."""
    return Scope(
        start,
        end,
        team_id=None if owner_id is not None else team_id,
        owner_id=owner_id,
        timezone=people.timezone,
        currency=people.currency,
    )


def team_ranking(chart: Chart, teams: dict[int, str]) -> Chart:
    """The rep ranking added up per team (people without a team apart), best first. A team's
    bar drills to the same records as its members' bars together: the scope narrowed to it."""
    from dataclasses import replace

    member_team = chart.extra.get("teams", ())
    totals: dict[int | None, list[float]] = {}
    for i, team in enumerate(member_team):  # type: ignore[arg-type]
        row = totals.setdefault(team, [0.0] * len(chart.series))
        for j, series in enumerate(chart.series):
            row[j] += series.values[i]
    order = sorted(totals, key=lambda t: (-totals[t][0], -sum(totals[t]), teams.get(t or -1, "")))
    series_out = []
    for j, series in enumerate(chart.series):
        drills: list[Drill | None] = []
        for team in order:
            template = series.drills[0] if series.drills else None
            if template is None or team is None:
                drills.append(None)
                continue
            scope = replace(template.scope, team_id=team, owner_id=None)
            conditions = tuple(
                c
                for c in template.conditions
                if c[:2] not in (("eq", "owner_id"), ("eq", "user_id"), ("eq", "assignee_id"))
            )
            drills.append(Drill(template.entity, scope, conditions, template.measure))
        series_out.append(
            Series(series.key, series.unit, tuple(totals[t][j] for t in order), tuple(drills))
        )
    return Chart(
        "ranking_teams",
        tuple("" if t is None else str(t) for t in order),
        tuple(teams.get(t) if t is not None else None for t in order),
        tuple(series_out),
    )
