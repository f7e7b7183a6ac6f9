"""The dashboard's service figures: CSAT, NPS, first response, resolution rate, tickets by
category."""

from __future__ import annotations

from sqlalchemy import and_, func, select

from crmdesk.models import (
    Ticket,
    TicketCategory,
)
from crmdesk.services.aggregates import ratio as _ratio
from crmdesk.services.aggregates import sum_if, within
from crmdesk.services.core import Database
from crmdesk.services.dashboard_figures import Chart, Kpi, Part, Series
from crmdesk.services.dashboard_parts import (
    _Ctx,
    _grouped,
)
from crmdesk.services.dashboard_scope import Scope

# ---------------------------------------------------------------------------------------------
# Service: CSAT, NPS, first response, resolution rate, tickets by category


def service_part(db: Database, scope: Scope) -> Part:
    c = _Ctx(scope)
    w = c.w
    spans = {"e": (c.s, c.e), "s": (c.ps, c.s)} | {f"m{i}": c.month(i) for i in range(c.n)}
    # The resolution rate of a span counts its tickets resolved before the span's end: per
    # piece of registration, how many were resolved before each end.
    ends = sorted({end for _, end in spans.values()})
    answered = Ticket.first_response_seconds.is_not(None)
    with db.read() as s:
        created = {
            i: {
                "n": v[0],
                "fr_n": v[1],
                "fr_sum": v[2],
                "resolved": dict(zip(ends, v[3:], strict=True)),
            }
            for i, v in c.by_piece(
                s,
                Ticket.created_at,
                [
                    func.count(),
                    sum_if(answered),
                    sum_if(answered, Ticket.first_response_seconds),
                    *(sum_if(Ticket.resolved_at < end) for end in ends),
                ],
                [w.tickets()],
            ).items()
        }
        has_csat, has_nps = Ticket.csat.is_not(None), Ticket.nps.is_not(None)
        closed = {
            i: dict(zip(("csat_n", "csat_sum", "nps_n", "promoters", "detractors"), v, strict=True))
            for i, v in c.by_piece(
                s,
                Ticket.closed_at,
                [
                    sum_if(has_csat),
                    sum_if(has_csat, Ticket.csat),
                    sum_if(has_nps),
                    sum_if(and_(has_nps, Ticket.nps >= 9)),
                    sum_if(and_(has_nps, Ticket.nps <= 6)),
                ],
                [w.tickets()],
            ).items()
        }
        by_category = _grouped(
            s,
            select(Ticket.category, func.count())
            .where(w.tickets(), within(Ticket.created_at, c.s, c.e))
            .group_by(Ticket.category),
        )

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
        cuts = c.cuts
        done = sum(
            v["resolved"][end]
            for i, v in created.items()
            if cuts[i] >= start and cuts[i + 1] <= end
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
