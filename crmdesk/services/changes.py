"""What a write returns (ChangeSet) and who is signed in (UserRef): plain data, no SQLAlchemy,
so the screens can import them before the database layer is loaded."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ChangeSet:
    """Which records an operation changed, so each view can decide whether to refresh."""

    customers: frozenset[int] = frozenset()
    contacts: frozenset[int] = frozenset()
    interactions: frozenset[int] = frozenset()
    tasks: frozenset[int] = frozenset()
    tickets: frozenset[int] = frozenset()
    deals: frozenset[int] = frozenset()
    articles: frozenset[int] = frozenset()
    # Set when notifications were added or read, so the bell recounts.
    notifications: bool = False
    # Set when so much changed (an import, a restore) that every view should reload.
    everything: bool = False

    def __or__(self, other: ChangeSet) -> ChangeSet:
        return ChangeSet(
            self.customers | other.customers,
            self.contacts | other.contacts,
            self.interactions | other.interactions,
            self.tasks | other.tasks,
            self.tickets | other.tickets,
            self.deals | other.deals,
            self.articles | other.articles,
            self.notifications or other.notifications,
            self.everything or other.everything,
        )

    @property
    def empty(self) -> bool:
        return not (
            self.everything
            or self.customers
            or self.contacts
            or self.interactions
            or self.tasks
            or self.tickets
            or self.deals
            or self.articles
            or self.notifications
        )


@dataclass(frozen=True)
class UserRef:
    id: int
    username: str
    display_name: str
    role: str
