"""The dashboard's words and number formats: KPI and chart names, values, changes, months."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from crmdesk.qt.deal_models import stage_title
from crmdesk.qt.labels import label
from crmdesk.qt.simple_models import fmt_compact_money, fmt_money, fmt_number
from crmdesk.services.dashboard import Kpi, definition
from crmdesk.views.ticket_text import fmt_duration

_CTX = "Dashboard"

KPI_NAMES: dict[str, str] = {
    "customers": QT_TRANSLATE_NOOP("Dashboard", "Customers"),
    "new_customers": QT_TRANSLATE_NOOP("Dashboard", "New customers"),
    "active_customers": QT_TRANSLATE_NOOP("Dashboard", "Active customers"),
    "churn_rate": QT_TRANSLATE_NOOP("Dashboard", "Churn rate"),
    "revenue_won": QT_TRANSLATE_NOOP("Dashboard", "Revenue won"),
    "pipeline_value": QT_TRANSLATE_NOOP("Dashboard", "Pipeline value (weighted)"),
    "avg_ltv": QT_TRANSLATE_NOOP("Dashboard", "Average lifetime value"),
    "repeat_rate": QT_TRANSLATE_NOOP("Dashboard", "Repeat-purchase rate"),
    "csat": QT_TRANSLATE_NOOP("Dashboard", "CSAT"),
    "nps": QT_TRANSLATE_NOOP("Dashboard", "NPS"),
    "first_response": QT_TRANSLATE_NOOP("Dashboard", "First response time"),
    "resolution_rate": QT_TRANSLATE_NOOP("Dashboard", "Resolution rate"),
}

CHART_TITLES: dict[str, str] = {
    "funnel": QT_TRANSLATE_NOOP("Dashboard", "Sales funnel"),
    "growth": QT_TRANSLATE_NOOP("Dashboard", "Customer growth"),
    "revenue": QT_TRANSLATE_NOOP("Dashboard", "Revenue by month"),
    "ranking": QT_TRANSLATE_NOOP("Dashboard", "Team and rep ranking"),
    "tickets_by_category": QT_TRANSLATE_NOOP("Dashboard", "Tickets by category"),
    "customers_by_tier": QT_TRANSLATE_NOOP("Dashboard", "Customers by tier"),
    "customers_by_stage": QT_TRANSLATE_NOOP("Dashboard", "Customers by lifecycle stage"),
    "channels": QT_TRANSLATE_NOOP("Dashboard", "Acquisition channels"),
}

SERIES_NAMES: dict[str, str] = {
    "new": QT_TRANSLATE_NOOP("Dashboard", "New"),
    "churned": QT_TRANSLATE_NOOP("Dashboard", "Churned"),
    "total": QT_TRANSLATE_NOOP("Dashboard", "Total"),
    "revenue": QT_TRANSLATE_NOOP("Dashboard", "Revenue"),
    "revenue_won": QT_TRANSLATE_NOOP("Dashboard", "Revenue won"),
    "deals_won": QT_TRANSLATE_NOOP("Dashboard", "Deals won"),
    "interactions": QT_TRANSLATE_NOOP("Dashboard", "Interactions logged"),
    "tickets_solved": QT_TRANSLATE_NOOP("Dashboard", "Tickets solved"),
    "deals": QT_TRANSLATE_NOOP("Dashboard", "Deals"),
    "tickets": QT_TRANSLATE_NOOP("Dashboard", "Tickets"),
    "customers": QT_TRANSLATE_NOOP("Dashboard", "Customers"),
}

# Figures where a fall is the good news.
LOWER_IS_BETTER = {"churn_rate", "first_response"}

# The stored code each category chart's codes come from (labels.py tables).
CATEGORY_TABLE = {
    "customers_by_tier": "tier",
    "customers_by_stage": "stage",
    "channels": "channel",
    "tickets_by_category": "ticket_category",
}


def tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def language() -> str:
    return "zh_CN" if QLocale().language() == QLocale.Language.Chinese else "en"


def kpi_name(key: str) -> str:
    return tr(KPI_NAMES.get(key, key))


def chart_title(key: str) -> str:
    return tr(CHART_TITLES.get(key, key))


def series_name(key: str) -> str:
    return tr(SERIES_NAMES.get(key, key))


def describe(key: str) -> str:
    """The written definition of a figure, in the app's language."""
    return definition(key, language())


def month_label(code: str) -> str:
    """'2026-03' as 'Mar 2026' / '2026年3月'."""
    year, month = (int(x) for x in code.split("-"))
    return QLocale().toString(
        dt.date(year, month, 1), QCoreApplication.translate("Dashboard", "MMM yyyy")
    )


def category_label(chart_key: str, code: str, name: str | None) -> str:
    if chart_key in ("growth", "revenue"):
        return month_label(code)
    if chart_key == "funnel":
        return stage_title(code, name)
    if name:
        return name
    table = CATEGORY_TABLE.get(chart_key)
    if code == "":
        return QCoreApplication.translate("Dashboard", "(none)")
    return label(table, code) if table else code


def fmt_value(unit: str, value: float | None, currency: str = "CNY", compact: bool = True) -> str:
    """A figure as the tiles and charts show it; an empty figure is an en dash."""
    if value is None:
        return "–"
    if unit == "money":
        return fmt_compact_money(value, currency) if compact else fmt_money(value, currency, 0)
    if unit == "ratio":
        return fmt_number(value * 100, 1) + "%"
    if unit == "seconds":
        return fmt_duration(value)
    if unit == "score":
        return fmt_number(value, 2)
    if unit == "nps":
        return ("+" if value > 0 else "") + fmt_number(value, 1)
    return fmt_number(value)


def fmt_change(kpi: Kpi) -> tuple[str, int]:
    """'▲ 12.3%' and whether it is good (1), bad (-1) or neither (0) news."""
    change = kpi.change
    if change is None:
        return QCoreApplication.translate("Dashboard", "no comparison"), 0
    if abs(change) < 1e-12:
        return QCoreApplication.translate("Dashboard", "no change"), 0
    arrow = "▲" if change > 0 else "▼"
    size = abs(change)
    if kpi.unit in ("count", "money"):
        text = fmt_number(size * 100, 1) + "%"
    elif kpi.unit == "ratio":
        text = QCoreApplication.translate("Dashboard", "%1 pts").replace(
            "%1", fmt_number(size * 100, 1)
        )
    elif kpi.unit == "seconds":
        text = fmt_duration(size)
    elif kpi.unit == "score":
        text = fmt_number(size, 2)
    else:
        text = fmt_number(size, 1)
    good = 1 if (change > 0) != (kpi.key in LOWER_IS_BETTER) else -1
    return f"{arrow} {text}", good
