"""Shared set-up for the service-desk screen tests: an office with a service team, a customer
and its tickets, and small helpers to find the dialogs a flow opens."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
import shiboken6
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from crmdesk.models import Role, Team, User
from crmdesk.services import Database
from crmdesk.services import customers as cs
from crmdesk.services import tickets as ts
from crmdesk.services.dto import ContactInput, CustomerInput


@dataclass(frozen=True)
class Office:
    me: int
    agent: int
    team: int
    customer: int
    contact: int


def make_office(db: Database) -> Office:
    """The signed-in admin manages a service team with one agent, 孙婷; one customer, 深圳华星,
    with one contact, 王芳."""
    assert db.user is not None
    with db.write() as s:
        team = Team(name="客服部", manager_id=db.user.id)
        s.add(team)
        s.flush()
        agent = User(
            username="sunting", display_name="孙婷", role=Role.SERVICE_AGENT, team_id=team.id
        )
        s.add(agent)
        s.flush()
        agent_id, team_id = agent.id, team.id
    cid, _ = cs.create_customer(
        db,
        CustomerInput(name="深圳市华星光电技术有限公司", city="深圳"),
        [ContactInput(name="王芳", phone="13812345678", is_primary=True)],
    )
    contact = cs.get_customer(db, cid).contacts[0].id
    return Office(db.user.id, agent_id, team_id, cid, contact)


def make_ticket(
    db: Database, office: Office, title: str = "发票金额错误", *, to: str = "registered", **kw
) -> int:
    """A ticket of the office's customer, moved forward to status ``to``."""
    tid, _ = ts.create_ticket(
        db,
        ts.TicketInput(customer_id=office.customer, title=title, category="complaint", **kw),
    )
    steps = ("registered", "assigned", "solution", "informed", "resolved", "closed")
    for status in steps[1 : steps.index(to) + 1]:
        ts.move_ticket(
            db,
            tid,
            status,
            assignee_id=office.agent,
            solution="已修复配置并验证",
            csat=5,
        )
    return tid


def shown(kind: type, parent: QWidget | None = None) -> list:
    """Visible top-level widgets (or children of ``parent``) of ``kind``."""
    if parent is not None:
        return [w for w in parent.findChildren(kind) if w.isVisible()]
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def message_texts(parent: QWidget | None = None) -> list[str]:
    return [box.text() for box in shown(QMessageBox, parent)]


@pytest.fixture(autouse=True)
def close_ticket_windows() -> Iterator[None]:
    """Ticket windows delete themselves when closed; close the ones a test left open."""
    yield
    from crmdesk.views.ticket_window import TicketWindow

    for w in QApplication.topLevelWidgets():
        if isinstance(w, TicketWindow) and shiboken6.isValid(w):
            w.close()
