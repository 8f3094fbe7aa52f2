"""content translations: an event's title and summary, agenda item titles and outcomes in other working languages

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02 03:40:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.add_column(sa.Column('content_language', sa.String(length=8), nullable=True))
    op.create_table(
        'content_translations',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('event_id', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(length=20), nullable=False),
        sa.Column('object_id', sa.Integer(), nullable=False),
        sa.Column('field', sa.String(length=40), nullable=False),
        sa.Column('language', sa.String(length=8), nullable=False),
        sa.Column('text', sa.Text(), nullable=False),
        sa.Column('updated_by_id', sa.Integer(), nullable=True),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_content_translations_event_id_events'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['updated_by_id'], ['users.id'],
                                name=op.f('fk_content_translations_updated_by_id_users'), ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_content_translations')),
        sa.UniqueConstraint('kind', 'object_id', 'field', 'language', name='uq_content_translations_piece_language'),
    )
    op.create_index('ix_content_translations_event_id_language', 'content_translations', ['event_id', 'language'])


def downgrade():
    op.drop_index('ix_content_translations_event_id_language', table_name='content_translations')
    op.drop_table('content_translations')
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_column('content_language')
