"""What the dashboard's parts hand to the screen and the report: KPIs, charts, the records
behind each figure (:class:`Drill`), and each figure's one written definition."""

from __future__ import annotations

from dataclasses import dataclass, field

from crmdesk.services.dashboard_scope import Scope

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
