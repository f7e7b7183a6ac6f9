"""Which database this is: a random id made once and kept in the office-wide settings.

An export carries it, so that importing the file back into the same database may trust the
exported record ids, while the same file imported into another office's database never
updates whichever customer happens to have the same id there.
"""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from crmdesk.models import Setting
from crmdesk.services.core import Database

SETTING_KEY = "database.id"


def read_database_identity(s: Session) -> str | None:
    return s.scalar(select(Setting.value).where(Setting.key == SETTING_KEY))


def database_identity(db: Database) -> str:
    """This database's id, made on first use."""
    with db.read() as s:
        found = read_database_identity(s)
    if found:
        return found
    with db.write() as s:
        found = read_database_identity(s)
        if found:
            return found
        made = uuid.uuid4().hex
        s.add(Setting(key=SETTING_KEY, value=made))
        return made
