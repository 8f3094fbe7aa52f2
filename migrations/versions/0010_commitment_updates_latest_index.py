"""commitment updates: one index finding a commitment's latest report (commitment, date, id)

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01 20:45:00

"""
from alembic import op


# revision identifiers, used by Alembic.
revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index('ix_commitment_updates_latest', 'commitment_updates', ['commitment_id', 'reported_on', 'id'])
    op.drop_index('ix_commitment_updates_commitment_id', table_name='commitment_updates')


def downgrade():
    op.create_index('ix_commitment_updates_commitment_id', 'commitment_updates', ['commitment_id'])
    op.drop_index('ix_commitment_updates_latest', table_name='commitment_updates')
