"""What the dashboard looks at: a period, its previous period, its months, and whose records.

A :class:`Scope` is plain data (dates in the office's calendar, a team or an owner). The
figures (``services.dashboard``) and the drill-down lists (``services.dashboard_drill``) both
build their SQL conditions from it through :class:`Where`, so a list opened from a figure holds
exactly the records the figure counted.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import ColumnElement, and_, func, or_, select, true

from crmdesk.models import Customer, Deal, DealStageDef, Interaction, Order, Ticket, User
from crmdesk.services.aggregates import within


class PeriodKind(enum.StrEnum):
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"
    LAST12 = "last12"
    CUSTOM = "custom"


def _month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def add_months(day: dt.date, months: int) -> dt.date:
    """The first of the month ``months`` after ``day``'s month (negative: before)."""
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def period_dates(
    kind: PeriodKind | str, today: dt.date, custom: tuple[dt.date, dt.date] | None = None
) -> tuple[dt.date, dt.date]:
    """[start, end) of a period containing ``today``: the calendar month, quarter or year; the
    12 calendar months ending with this one; or ``custom`` (first and last day, inclusive)."""
    kind = PeriodKind(kind)
    if kind is PeriodKind.MONTH:
        start = _month_start(today)
        return start, add_months(start, 1)
    if kind is PeriodKind.QUARTER:
        start = dt.date(today.year, (today.month - 1) // 3 * 3 + 1, 1)
        return start, add_months(start, 3)
    if kind is PeriodKind.YEAR:
        return dt.date(today.year, 1, 1), dt.date(today.year + 1, 1, 1)
    if kind is PeriodKind.LAST12:
        end = add_months(today, 1)
        return add_months(end, -12), end
    if custom is None:
        raise ValueError("a custom period needs its first and last day")
    first, last = sorted(custom)
    return first, last + dt.timedelta(days=1)


@dataclass(frozen=True)
class Scope:
    """The period [start, end) (dates in the office's time zone) and whose records count: the
    members of ``team_id``, or ``owner_id`` alone, or (both None) everybody.

    Whose records: a customer's owner, a deal's owner, an interaction's author, a ticket's
    assignee; orders belong to their customer's owner. Money figures count ``currency`` only.
    """

    start: dt.date
    end: dt.date
    team_id: int | None = None
    owner_id: int | None = None
    timezone: str = "Asia/Shanghai"
    currency: str = "CNY"

    @property
    def zone(self) -> dt.tzinfo:
        try:
            return ZoneInfo(self.timezone)
        except (ZoneInfoNotFoundError, ValueError):
            return dt.UTC

    def moment(self, day: dt.date) -> dt.datetime:
        """Midnight at the start of ``day`` in the office's time zone, in UTC."""
        return dt.datetime.combine(day, dt.time(), self.zone).astimezone(dt.UTC)

    @property
    def utc_start(self) -> dt.datetime:
        return self.moment(self.start)

    @property
    def utc_end(self) -> dt.datetime:
        return self.moment(self.end)

    def previous(self) -> Scope:
        """The period of the same length just before: the previous month(s) when the period is
        whole months, otherwise the same number of days."""
        if self.start.day == 1 and self.end.day == 1:
            months = (self.end.year - self.start.year) * 12 + self.end.month - self.start.month
            return replace(self, start=add_months(self.start, -months), end=self.start)
        return replace(self, start=self.start - (self.end - self.start), end=self.start)

    def months(self) -> list[dt.date]:
        """The first days of the months the monthly charts and sparklines show: the months of
        the period, reaching back to twelve when the period is shorter."""
        last = _month_start(self.end - dt.timedelta(days=1))
        first = min(_month_start(self.start), add_months(last, -11))
        out = []
        month = first
        while month <= last:
            out.append(month)
            month = add_months(month, 1)
        return out

    def month_bounds(self) -> list[dt.datetime]:
        """The UTC moments the months start, and the moment after the last one."""
        months = self.months()
        return [self.moment(m) for m in months] + [self.moment(add_months(months[-1], 1))]


class Where:
    """The SQL conditions of the figures, shared with their drill-down lists."""

    def __init__(self, scope: Scope, stages: Sequence[Any] | None = None) -> None:
        """``stages``: the office's deal stages (``pipeline_board.stage_defs``: key, outcome);
        without them the won and closed stages are read from the deal_stage table in SQL."""
        self.scope = scope
        self._stages = stages
        people = None
        if scope.owner_id is not None:
            people = [scope.owner_id]
        elif scope.team_id is not None:
            people = select(User.id).where(User.team_id == scope.team_id).scalar_subquery()
        self._people = people

    @property
    def everybody(self) -> bool:
        """No team or owner chosen: everybody's records count."""
        return self._people is None

    def people(self) -> Any:  # noqa: ANN401 - a SELECT of user ids
        """The ids of the chosen people (everybody: every user, former staff too)."""
        if self._people is None:
            return select(User.id)
        if isinstance(self._people, list):
            return select(User.id).where(User.id == self._people[0])
        return select(User.id).where(User.team_id == self.scope.team_id)

    @staticmethod
    def _kept(customer_id: object) -> ColumnElement[bool]:
        """Not a record of a customer in the trash (the boards hide those too)."""
        trashed = select(Customer.id).where(Customer.deleted_at.is_not(None))
        return customer_id.not_in(trashed)  # type: ignore[attr-defined,no-any-return]

    def _of(self, column: object) -> ColumnElement[bool]:
        if self._people is None:
            return true()
        if isinstance(self._people, list):
            return column == self._people[0]  # type: ignore[no-any-return,operator]
        return column.in_(self._people)  # type: ignore[attr-defined,no-any-return]

    # --- customers -------------------------------------------------------------------------
    def customers(self) -> ColumnElement[bool]:
        """Live customers of the chosen people."""
        return and_(Customer.deleted_at.is_(None), self._of(Customer.owner_id))

    def customer_new(self, start: dt.datetime, end: dt.datetime) -> ColumnElement[bool]:
        return within(Customer.created_at, start, end)

    def customer_churned(self, start: dt.datetime, end: dt.datetime) -> ColumnElement[bool]:
        return within(Customer.churned_at, start, end)

    def customer_at(self, moment: dt.datetime) -> ColumnElement[bool]:
        """A customer at ``moment``: created before it and not churned before it."""
        return and_(
            Customer.created_at < moment,
            or_(Customer.churned_at.is_(None), Customer.churned_at >= moment),
        )

    def customer_known(self, moment: dt.datetime) -> ColumnElement[bool]:
        """Created before ``moment`` (churned or not): what the tier and stage charts count."""
        return Customer.created_at < moment

    # --- interactions ----------------------------------------------------------------------
    def interactions(self) -> ColumnElement[bool]:
        return and_(
            Interaction.deleted_at.is_(None),
            self._kept(Interaction.customer_id),
            self._of(Interaction.user_id),
        )

    def interaction_in(self, start: dt.datetime, end: dt.datetime) -> ColumnElement[bool]:
        return within(Interaction.occurred_at, start, end)

    # --- deals -----------------------------------------------------------------------------
    def deals(self) -> ColumnElement[bool]:
        return and_(
            Deal.deleted_at.is_(None), self._kept(Deal.customer_id), self._of(Deal.owner_id)
        )

    def deal_money(self) -> ColumnElement[bool]:
        return and_(self.deals(), Deal.currency == self.scope.currency)

    def won_stages(self) -> object:
        if self._stages is not None:
            return [st.key for st in self._stages if st.outcome == "won"]
        return select(DealStageDef.key).where(DealStageDef.outcome == "won").scalar_subquery()

    def closed_stages(self) -> object:
        if self._stages is not None:
            return [st.key for st in self._stages if st.outcome != "open"]
        return select(DealStageDef.key).where(DealStageDef.outcome != "open").scalar_subquery()

    def deal_won(self, start: dt.datetime, end: dt.datetime) -> ColumnElement[bool]:
        return and_(within(Deal.closed_at, start, end), Deal.stage.in_(self.won_stages()))

    def deal_open_at(self, moment: dt.datetime) -> ColumnElement[bool]:
        """Open at ``moment``: created before it and not closed before it."""
        return and_(
            Deal.created_at < moment,
            or_(Deal.closed_at.is_(None), Deal.closed_at >= moment),
            or_(Deal.closed_at.is_not(None), Deal.stage.not_in(self.closed_stages())),
        )

    def deal_created(self, start: dt.datetime, end: dt.datetime) -> ColumnElement[bool]:
        return within(Deal.created_at, start, end)

    # --- orders ----------------------------------------------------------------------------
    def purchases(self) -> ColumnElement[bool]:
        """Orders that count as purchases (repeat purchases count them in any currency): not
        cancelled, of a live customer of the chosen people."""
        mine = true()
        if self._people is not None:
            mine = Order.customer_id.in_(select(Customer.id).where(self.customers()))
        return and_(Order.status != "cancelled", self._kept(Order.customer_id), mine)

    def orders(self) -> ColumnElement[bool]:
        """Orders that count as sales (money): purchases in the office's currency."""
        return and_(self.purchases(), Order.currency == self.scope.currency)

    # --- tickets ---------------------------------------------------------------------------
    def tickets(self) -> ColumnElement[bool]:
        return and_(
            Ticket.deleted_at.is_(None),
            self._kept(Ticket.customer_id),
            self._of(Ticket.assignee_id),
        )

    def ticket_created(self, start: dt.datetime, end: dt.datetime) -> ColumnElement[bool]:
        return within(Ticket.created_at, start, end)

    def ticket_closed(self, start: dt.datetime, end: dt.datetime) -> ColumnElement[bool]:
        return within(Ticket.closed_at, start, end)

    def ticket_resolved(self, start: dt.datetime, end: dt.datetime) -> ColumnElement[bool]:
        return within(Ticket.resolved_at, start, end)

    # --- customers through their other records ----------------------------------------------
    def customer_active(self, start: dt.datetime, end: dt.datetime) -> ColumnElement[bool]:
        """Customers with an interaction of the chosen people in [start, end)."""
        return Customer.id.in_(
            select(Interaction.customer_id).where(
                self.interactions(), self.interaction_in(start, end)
            )
        )

    def customer_ordered_before(self, day: dt.date) -> ColumnElement[bool]:
        """Customers with an order (as :meth:`orders` counts them) dated before ``day``."""
        return Customer.id.in_(
            select(Order.customer_id).where(self.orders(), Order.ordered_on < day)
        )

    def customer_repeat(self, first: dt.date, after: dt.date) -> ColumnElement[bool]:
        """Customers with two or more orders dated in [first, after)."""
        return Customer.id.in_(
            select(Order.customer_id)
            .where(self.purchases(), within(Order.ordered_on, first, after))
            .group_by(Order.customer_id)
            .having(func.count() >= 2)
        )
