"""Demo data for trying crmdesk out, and bulk data for scale tests.

:func:`generate_demo` writes a small office's two years: two teams, ~500 customers with contacts,
tags, a timeline, tasks, deals, orders, payments and service tickets, all consistent with each
other (tiers follow the last year's orders, ``last_interaction_at`` is the newest interaction).
:func:`generate_bulk` writes up to a million customers with contacts and tags, fast, and on request
a million service tickets (:mod:`crmdesk.services.demo.bulk_tickets`). Tickets of both follow the
service-desk workflow in the office's business time (:mod:`crmdesk.services.demo.service_desk`).

Both write with Core ``insert`` executemany in one transaction (a cancelled run leaves nothing)
and bypass the ORM on purpose: a generated history is not somebody's edit, so it is not audited.
Search text is computed with :func:`crmdesk.services.customers.search_text_for`, the same
function the services use, so generated customers are found exactly like typed-in ones.
"""

from crmdesk.services.demo.bulk import generate_bulk
from crmdesk.services.demo.common import DemoSummary, GenerationCancelled, tier_for
from crmdesk.services.demo.office import generate_demo

__all__ = ["DemoSummary", "GenerationCancelled", "generate_bulk", "generate_demo", "tier_for"]
