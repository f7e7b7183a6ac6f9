"""Which schema this build writes: the shipped migration scripts, read without Alembic or
SQLAlchemy (opening an up-to-date database is the common case and needs neither)."""

from __future__ import annotations

import re
from pathlib import Path

from crmdesk import paths
from crmdesk.errors import DatabaseError


def script_location() -> Path:
    """The Alembic scripts shipped inside the package."""
    return paths.package_dir() / "migrations"


_REVISION = re.compile(r"^revision\s*=\s*['\"]([^'\"]+)['\"]", re.MULTILINE)
_DOWN = re.compile(r"^down_revision\s*=\s*(.+)$", re.MULTILINE)


def known_revisions() -> dict[str, tuple[str, ...]]:
    """Each shipped revision and the ones it follows, read from the scripts without Alembic.

    Opening an up-to-date database is the common case; it needs no Alembic import at all.
    """
    out: dict[str, tuple[str, ...]] = {}
    for script in sorted((script_location() / "versions").glob("*.py")):
        text = script.read_text(encoding="utf-8")
        rev = _REVISION.search(text)
        down = _DOWN.search(text)
        if rev:
            parents = re.findall(r"['\"]([^'\"]+)['\"]", down.group(1)) if down else []
            out[rev.group(1)] = tuple(parents)
    return out


def head_revision() -> str:
    revisions = known_revisions()
    followed = {p for parents in revisions.values() for p in parents}
    heads = [r for r in revisions if r not in followed]
    if len(heads) != 1:
        raise DatabaseError("The migrations have more than one head; this build is broken.")
    return heads[0]
