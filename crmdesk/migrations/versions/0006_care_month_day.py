"""care days: index the month and day of birthdays and contract signings; owner changes
touch fewer indexes

Revision ID: 0006_care_month_day
Revises: 0005_dashboard
Create Date: 2026-11-23 21:00:00
"""

from alembic import op
import sqlalchemy as sa


revision = '0006_care_month_day'
down_revision = '0005_dashboard'
branch_labels = None
depends_on = None


def _month_day(column: str) -> sa.TextClause:
    # The expression of crmdesk.models.base.MonthDay, written out so this revision keeps
    # creating what it created when the model changes.
    if op.get_bind().dialect.name == "postgresql":
        return sa.text(
            f"(CAST(EXTRACT(MONTH FROM {column}) * 100 + EXTRACT(DAY FROM {column}) AS INTEGER))"
        )
    return sa.text(f"CAST(strftime('%m%d', {column}) AS INTEGER)")


def upgrade() -> None:
    # My Day and the care rules read the birthdays and contract anniversaries of a week as an
    # index range instead of a scan of every contact and contract.
    op.create_index('ix_contact_birth_month_day', 'contact', [_month_day('birthday'), 'customer_id'], unique=False)
    op.create_index('ix_deal_document_signed_month_day', 'deal_document', [_month_day('signed_on'), 'customer_id'], unique=False)
    # Without the owner: releasing customers to the pool (or reassigning them) no longer
    # rewrites an entry at a random place of this index per customer.
    op.drop_index('ix_customer_live_created_cover', table_name='customer')
    op.create_index('ix_customer_live_created_cover', 'customer', ['deleted_at', 'created_at', 'channel'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_customer_live_created_cover', table_name='customer')
    op.create_index('ix_customer_live_created_cover', 'customer', ['deleted_at', 'created_at', 'channel', 'owner_id'], unique=False)
    op.drop_index('ix_deal_document_signed_month_day', table_name='deal_document')
    op.drop_index('ix_contact_birth_month_day', table_name='contact')
