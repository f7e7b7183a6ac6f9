"""The handle every service function takes (ChangeSet and UserRef live in ``changes``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from crmdesk import db as dbmod
from crmdesk.models import Role, User
from crmdesk.services.changes import ChangeSet, UserRef

__all__ = ["ChangeSet", "Database", "UserRef"]


@dataclass
class Database:
    """An open crmdesk database and who is working on it. Safe to share between threads."""

    engine: Engine
    session_factory: sessionmaker[Session]
    user: UserRef | None = None
    _clock: object = field(default=None, repr=False)

    @classmethod
    def open(cls, url: str | None = None, *, migrate: bool = True) -> Database:
        engine, factory = dbmod.open_database(url, migrate=migrate)
        database = cls(engine, factory)
        from crmdesk.services import audit

        audit.install(factory)
        return database

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @property
    def url_display(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    def now(self) -> dt.datetime:
        if callable(self._clock):
            return self._clock()  # type: ignore[no-any-return]
        return dt.datetime.now(dt.UTC)

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A session for one user action, committed at the end (rolled back on error)."""
        with self.session_factory.begin() as session:
            session.connection(execution_options={dbmod.WRITE_OPTION: True})
            if self.user is not None:
                session.info["user_id"] = self.user.id
                session.info["user_name"] = self.user.display_name
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self.session_factory() as session:
            yield session

    def close(self) -> None:
        dbmod.dispose_quietly(self.engine)

    def sign_in(self, username: str | None = None) -> UserRef:
        """Work as ``username`` (or the first admin; an office's first start creates one)."""
        with self.read() as s:
            user = _pick_user(s, username)
            if user is not None:
                self.user = UserRef(user.id, user.username, user.display_name, user.role.value)
                return self.user
        with self.write() as s:
            user = _pick_user(s, username)
            if user is None:
                import getpass

                name = username or getpass.getuser() or "admin"
                user = User(username=name, display_name=name, role=Role.ADMIN)
                s.add(user)
                s.flush()
            self.user = UserRef(user.id, user.username, user.display_name, user.role.value)
        return self.user


def _pick_user(s: Session, username: str | None) -> User | None:
    stmt = select(User).where(User.active.is_(True))
    user = None
    if username:
        user = s.scalar(stmt.where(User.username == username))
        if user is None:
            return None
    if user is None:
        user = s.scalar(stmt.where(User.role == Role.ADMIN).order_by(User.id))
    if user is None:
        user = s.scalar(stmt.order_by(User.id))
    return user
