"""Alembic environment: configured in code by crmdesk.db, no alembic.ini."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from crmdesk.models import Base

target_metadata = Base.metadata

# Tables that live outside the ORM (the SQLite full-text index and its shadow tables).
_UNMANAGED_PREFIXES = ("customer_fts", "kb_fts")


def include_object(obj, name, type_, reflected, compare_to):
    if type_ == "table" and name and name.startswith(_UNMANAGED_PREFIXES):
        return False
    return True


def _configure(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        # SQLite cannot ALTER most things; batch mode rebuilds the table instead. NOTE: a batch
        # rebuild of `customer` drops its full-text triggers; recreate them in that migration.
        render_as_batch=True,
        include_object=include_object,
        compare_type=True,
        transaction_per_migration=False,
    )


def run_migrations_online() -> None:
    cfg = context.config
    connection = cfg.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = cfg.attributes.get("engine") or create_engine(cfg.get_main_option("sqlalchemy.url"))
    with engine.begin() as conn:
        _configure(conn)
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    context.configure(
        url=context.config.get_main_option("sqlalchemy.url"),
        target_metadata=target_metadata,
        literal_binds=True,
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()
else:
    run_migrations_online()
