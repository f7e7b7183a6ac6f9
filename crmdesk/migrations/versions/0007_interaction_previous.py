"""interaction.previous_at: each interaction knows when the customer's one before it happened,
kept by triggers, so the dashboard counts the customers active in a period without a DISTINCT;
deals indexed by creation time, and the records of each person by time, for the dashboard

Revision ID: 0007_interaction_previous
Revises: 0006_care_month_day
Create Date: 2026-11-24 02:00:00
"""

from alembic import op
import sqlalchemy as sa


revision = '0007_interaction_previous'
down_revision = '0006_care_month_day'
branch_labels = None
depends_on = None


# The SQL is written out here (not taken from the app) so this revision keeps creating what it
# created when the code changes.

# previous_at of a row of interaction: the latest earlier live interaction of its customer; of
# two at the same moment the one with the lower id is the earlier.
_PREVIOUS = (
    "CASE WHEN EXISTS (SELECT 1 FROM interaction AS p WHERE p.customer_id = interaction.customer_id"
    " AND p.occurred_at = interaction.occurred_at AND p.id < interaction.id AND p.deleted_at IS NULL)"
    " THEN interaction.occurred_at"
    " ELSE (SELECT max(p.occurred_at) FROM interaction AS p WHERE p.customer_id = interaction.customer_id"
    " AND p.occurred_at < interaction.occurred_at AND p.deleted_at IS NULL) END"
)


def _refresh(row: str) -> str:
    """Two statements: a change at ``row`` (NEW or OLD: its customer, moment) can change the
    previous_at of the rows at that moment (itself and any tied with it) and of the customer's
    next live interaction after it (the first of a tie: the others have it before them);
    nothing later. Each is an index seek, so a customer with thousands of interactions costs
    no more than one with a few."""
    return (
        f"UPDATE interaction SET previous_at = {_PREVIOUS} "
        f"WHERE customer_id = {row}.customer_id AND occurred_at = {row}.occurred_at; "
        f"UPDATE interaction SET previous_at = {_PREVIOUS} "
        f"WHERE id = (SELECT n.id FROM interaction AS n WHERE n.customer_id = {row}.customer_id"
        f" AND n.occurred_at > {row}.occurred_at AND n.deleted_at IS NULL"
        f" ORDER BY n.occurred_at, n.id LIMIT 1)"
    )


# What an UPDATE of these columns can change; previous_at itself is not among them, so the
# triggers' own updates set off nothing.
_MOVES = "occurred_at, deleted_at, customer_id"


def _backfill() -> str:
    window = (
        "SELECT id, lag(occurred_at) OVER (PARTITION BY customer_id ORDER BY occurred_at, id)"
        " AS p FROM interaction WHERE deleted_at IS NULL"
    )
    return (
        f"UPDATE interaction SET previous_at = x.p FROM ({window}) AS x "
        "WHERE x.id = interaction.id AND x.p IS NOT NULL"
    )


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    op.add_column('interaction', sa.Column('previous_at', sa.DateTime(timezone=True), nullable=True))
    op.execute(_backfill())
    if dialect == "postgresql":
        op.execute(
            "CREATE OR REPLACE FUNCTION crmdesk_interaction_previous() RETURNS trigger "
            "LANGUAGE plpgsql AS $$ BEGIN "
            "IF TG_OP <> 'INSERT' THEN " + _refresh("OLD") + "; END IF; "
            "IF TG_OP <> 'DELETE' THEN " + _refresh("NEW") + "; END IF; "
            "RETURN NULL; END $$"
        )
        op.execute(
            "CREATE TRIGGER interaction_previous_ai AFTER INSERT ON interaction "
            "FOR EACH ROW EXECUTE FUNCTION crmdesk_interaction_previous()"
        )
        op.execute(
            f"CREATE TRIGGER interaction_previous_au AFTER UPDATE OF {_MOVES} ON interaction "
            "FOR EACH ROW EXECUTE FUNCTION crmdesk_interaction_previous()"
        )
        op.execute(
            "CREATE TRIGGER interaction_previous_ad AFTER DELETE ON interaction "
            "FOR EACH ROW EXECUTE FUNCTION crmdesk_interaction_previous()"
        )
    else:
        op.execute(
            "CREATE TRIGGER interaction_previous_ai AFTER INSERT ON interaction BEGIN "
            + _refresh("NEW") + "; END"
        )
        op.execute(
            f"CREATE TRIGGER interaction_previous_au AFTER UPDATE OF {_MOVES} ON interaction BEGIN "
            + _refresh("OLD") + "; " + _refresh("NEW") + "; END"
        )
        op.execute(
            "CREATE TRIGGER interaction_previous_ad AFTER DELETE ON interaction BEGIN "
            + _refresh("OLD") + "; END"
        )
    # Everybody's active customers in a period, read from the index alone. Not added to
    # ix_interaction_when: the ranking scans that one, and previous_at makes an entry half as
    # wide again.
    op.create_index('ix_interaction_first', 'interaction', ['occurred_at', 'previous_at', 'customer_id', 'deleted_at'], unique=False)
    # The pipeline's weight per piece of creation time and the funnel of a period's new deals,
    # read from the index alone, a range per piece.
    op.create_index('ix_deal_created', 'deal', ['created_at', 'stage', 'currency', 'deleted_at', 'customer_id', 'owner_id', 'amount', 'probability', 'closed_at'], unique=False)
    # The ranking counts each person's records of a period as a range of an index led by the
    # person (nothing to sort); these replace the plain foreign-key indexes.
    op.drop_index('ix_interaction_user_id', table_name='interaction')
    op.create_index('ix_interaction_user_when', 'interaction', ['user_id', 'occurred_at', 'deleted_at', 'customer_id'], unique=False)
    op.drop_index('ix_deal_owner_id', table_name='deal')
    op.create_index('ix_deal_owner_closed', 'deal', ['owner_id', 'closed_at', 'stage', 'currency', 'deleted_at', 'customer_id', 'amount'], unique=False)
    op.drop_index('ix_ticket_assignee_id', table_name='ticket')
    op.create_index('ix_ticket_assignee_resolved', 'ticket', ['assignee_id', 'resolved_at', 'deleted_at', 'customer_id'], unique=False)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    op.drop_index('ix_ticket_assignee_resolved', table_name='ticket')
    op.create_index('ix_ticket_assignee_id', 'ticket', ['assignee_id'], unique=False)
    op.drop_index('ix_deal_owner_closed', table_name='deal')
    op.create_index('ix_deal_owner_id', 'deal', ['owner_id'], unique=False)
    op.drop_index('ix_interaction_user_when', table_name='interaction')
    op.create_index('ix_interaction_user_id', 'interaction', ['user_id'], unique=False)
    op.drop_index('ix_deal_created', table_name='deal')
    op.drop_index('ix_interaction_first', table_name='interaction')
    for name in ("interaction_previous_ai", "interaction_previous_au", "interaction_previous_ad"):
        op.execute(f"DROP TRIGGER IF EXISTS {name}" + (" ON interaction" if dialect == "postgresql" else ""))
    if dialect == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS crmdesk_interaction_previous()")
    with op.batch_alter_table('interaction', schema=None) as batch_op:
        batch_op.drop_column('previous_at')
