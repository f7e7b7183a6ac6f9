"""Small lists the screens choose from: users, tags, teams."""

from __future__ import annotations

from sqlalchemy import func, select

from crmdesk.errors import ValidationError
from crmdesk.models import Tag, Team, User
from crmdesk.services.core import ChangeSet, Database
from crmdesk.services.dto import TagRef, UserRow


def list_users(db: Database, active_only: bool = True) -> list[UserRow]:
    with db.read() as s:
        stmt = (
            select(User, Team.name)
            .outerjoin(Team, Team.id == User.team_id)
            .order_by(User.display_name)
        )
        if active_only:
            stmt = stmt.where(User.active.is_(True))
        return [
            UserRow(u.id, u.username, u.display_name, u.role.value, team, u.active)
            for u, team in s.execute(stmt)
        ]


def list_tags(db: Database) -> list[TagRef]:
    with db.read() as s:
        return [
            TagRef(t.id, t.name, t.group, t.color)
            for t in s.scalars(select(Tag).order_by(Tag.group, Tag.name))
        ]


def create_tag(
    db: Database, name: str, group: str = "", color: str = "#607d8b"
) -> tuple[TagRef, ChangeSet]:
    name = " ".join(name.split())
    if not name:
        raise ValidationError("A tag needs a name.", {"name": "Required."})
    with db.write() as s:
        existing = s.scalar(
            select(Tag).where(func.lower(Tag.name) == name.lower(), Tag.group == group)
        )
        if existing is not None:
            return TagRef(existing.id, existing.name, existing.group, existing.color), ChangeSet()
        t = Tag(name=name, group=group, color=color)
        s.add(t)
        s.flush()
        return TagRef(t.id, t.name, t.group, t.color), ChangeSet(everything=False)
