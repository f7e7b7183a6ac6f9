"""import changes: what each import created or updated, for undo

Revision ID: 0002_import_changes
Revises: 0001_initial
Create Date: 2026-11-24 10:00:00
"""

from alembic import op
import sqlalchemy as sa


revision = '0002_import_changes'
down_revision = '0001_initial'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('import_change',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('batch_id', sa.Integer(), nullable=False),
    sa.Column('entity', sa.String(length=30), nullable=False),
    sa.Column('entity_id', sa.Integer(), nullable=False),
    sa.Column('action', sa.String(length=10), nullable=False),
    sa.Column('before', sa.Text(), nullable=True),
    sa.Column('version_after', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['batch_id'], ['import_batch.id'], name=op.f('fk_import_change_batch_id_import_batch'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_import_change'))
    )
    with op.batch_alter_table('import_change', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_import_change_batch_id'), ['batch_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('import_change', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_import_change_batch_id'))
    op.drop_table('import_change')
