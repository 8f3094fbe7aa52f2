"""registration invitation times: when an invitation was (last) sent, first opened and answered

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01 20:40:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('registrations', schema=None) as batch_op:
        batch_op.add_column(sa.Column('invitation_sent_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('invitation_opened_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('invitation_answered_at', sa.DateTime(), nullable=True))


def downgrade():
    with op.batch_alter_table('registrations', schema=None) as batch_op:
        batch_op.drop_column('invitation_answered_at')
        batch_op.drop_column('invitation_opened_at')
        batch_op.drop_column('invitation_sent_at')
