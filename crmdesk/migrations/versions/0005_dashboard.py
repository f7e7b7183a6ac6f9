"""dashboard: when a customer churned, and the indexes of the dashboard's period reads

Revision ID: 0005_dashboard
Revises: 0004_pipeline_followup
Create Date: 2026-11-23 19:00:00
"""

from alembic import op
import sqlalchemy as sa
import crmdesk.models.base


revision = '0005_dashboard'
down_revision = '0004_pipeline_followup'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ALTER, not a batch rebuild: rebuilding `customer` would drop its full-text triggers.
    op.add_column('customer', sa.Column('churned_at', crmdesk.models.base.UtcDateTime(timezone=True), nullable=True))
    # Customers already churned: when the audit trail saw the stage become "churned", else their
    # last interaction, else when the record was last written (services.customers.reconcile_churn).
    op.execute(
        "UPDATE customer SET churned_at = COALESCE("
        "(SELECT max(a.at) FROM audit_entry a WHERE a.entity = 'customer' "
        "AND a.entity_id = customer.id AND a.field = 'stage' AND a.new_value = 'churned'), "
        "last_interaction_at, updated_at) WHERE stage = 'churned'"
    )
    # Never before the customer was created (the dashboard counts customers at a moment as
    # created before it less churned before it).
    op.execute("UPDATE customer SET churned_at = created_at WHERE churned_at < created_at")
    op.create_index('ix_customer_live_churned', 'customer', ['deleted_at', 'churned_at'], unique=False)
    op.create_index('ix_customer_live_tier_created', 'customer', ['deleted_at', 'tier', 'created_at'], unique=False)
    op.create_index('ix_customer_live_stage_created', 'customer', ['deleted_at', 'stage', 'created_at'], unique=False)
    op.create_index('ix_customer_live_created_cover', 'customer', ['deleted_at', 'created_at', 'channel', 'owner_id'], unique=False)
    op.drop_index('ix_interaction_customer_when', table_name='interaction')
    op.create_index('ix_interaction_customer_when', 'interaction', ['customer_id', 'occurred_at', 'deleted_at'], unique=False)
    op.create_index('ix_interaction_when', 'interaction', ['occurred_at', 'customer_id', 'user_id', 'deleted_at'], unique=False)
    # Covering indexes: the dashboard's period reads touch no table row.
    op.create_index('ix_deal_closed', 'deal', ['closed_at', 'stage', 'currency', 'deleted_at', 'customer_id', 'owner_id', 'amount', 'probability'], unique=False)
    op.create_index('ix_sales_order_date', 'sales_order', ['ordered_on', 'customer_id', 'status', 'currency', 'amount'], unique=False)
    op.drop_index('ix_sales_order_customer_date', table_name='sales_order')
    op.create_index('ix_sales_order_customer_date', 'sales_order', ['customer_id', 'ordered_on', 'status', 'currency', 'amount'], unique=False)
    op.drop_index('ix_ticket_created_at', table_name='ticket')
    op.create_index('ix_ticket_created_at', 'ticket', ['created_at', 'resolved_at', 'deleted_at', 'customer_id', 'assignee_id', 'category', 'first_response_seconds'], unique=False)
    op.create_index('ix_ticket_closed_at', 'ticket', ['closed_at', 'deleted_at', 'customer_id', 'assignee_id', 'csat', 'nps'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_ticket_closed_at', table_name='ticket')
    op.drop_index('ix_ticket_created_at', table_name='ticket')
    op.create_index('ix_ticket_created_at', 'ticket', ['created_at'], unique=False)
    op.drop_index('ix_sales_order_customer_date', table_name='sales_order')
    op.create_index('ix_sales_order_customer_date', 'sales_order', ['customer_id', 'ordered_on'], unique=False)
    op.drop_index('ix_sales_order_date', table_name='sales_order')
    op.drop_index('ix_deal_closed', table_name='deal')
    op.drop_index('ix_interaction_when', table_name='interaction')
    op.drop_index('ix_interaction_customer_when', table_name='interaction')
    op.create_index('ix_interaction_customer_when', 'interaction', ['customer_id', 'occurred_at'], unique=False)
    op.drop_index('ix_customer_live_created_cover', table_name='customer')
    op.drop_index('ix_customer_live_stage_created', table_name='customer')
    op.drop_index('ix_customer_live_tier_created', table_name='customer')
    op.drop_index('ix_customer_live_churned', table_name='customer')
    op.drop_column('customer', 'churned_at')
