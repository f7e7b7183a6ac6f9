"""Small SQL building blocks the figures share (the service desk's and the dashboard's)."""

from __future__ import annotations

from sqlalchemy import ColumnElement, and_, case, func


def sum_if(condition: ColumnElement[bool], value: object = 1) -> ColumnElement[int]:
    """SUM(CASE WHEN condition THEN value ELSE 0 END), 0 when nothing matched."""
    return func.coalesce(func.sum(case((condition, value), else_=0)), 0)


def within(column: object, start: object, end: object) -> ColumnElement[bool]:
    """start <= column < end."""
    return and_(column >= start, column < end)  # type: ignore[operator]


def ratio(part: float | None, whole: float | None) -> float | None:
    """part ÷ whole; None (not 0) when there is nothing to divide by."""
    return None if not whole else float(part or 0) / float(whole)
