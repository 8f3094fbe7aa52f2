"""agenda items and their people, calendar feeds, commitments and progress updates, site settings, event sequence

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 18:45:57.573097

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('site_settings',
    sa.Column('key', sa.String(length=100), nullable=False),
    sa.Column('value', sa.String(length=500), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_site_settings'))
    )
    op.create_table('agenda_items',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('kind', sa.Enum('plenary', 'breakout', 'field_visit', 'travel', 'break', 'meal', 'reception', 'other', name='itemkind', native_enum=False, length=40), nullable=False),
    sa.Column('starts_at', sa.DateTime(), nullable=False),
    sa.Column('ends_at', sa.DateTime(), nullable=False),
    sa.Column('location', sa.String(length=200), nullable=False),
    sa.Column('latitude', sa.Numeric(precision=9, scale=6), nullable=True),
    sa.Column('longitude', sa.Numeric(precision=9, scale=6), nullable=True),
    sa.Column('language_note', sa.String(length=200), nullable=False),
    sa.Column('track', sa.String(length=100), nullable=False),
    sa.Column('cancelled', sa.Boolean(), nullable=False),
    sa.Column('sequence', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('ends_at > starts_at', name=op.f('ck_agenda_items_ends_after_start')),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_agenda_items_event_id_events'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agenda_items'))
    )
    with op.batch_alter_table('agenda_items', schema=None) as batch_op:
        batch_op.create_index('ix_agenda_items_event_id_starts_at', ['event_id', 'starts_at'], unique=False)

    op.create_table('calendar_feeds',
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('token', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_calendar_feeds_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('user_id', name=op.f('pk_calendar_feeds')),
    sa.UniqueConstraint('token', name=op.f('uq_calendar_feeds_token'))
    )
    op.create_table('agenda_item_people',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.Enum('speaker', 'facilitator', name='itemrole', native_enum=False, length=40), nullable=False),
    sa.ForeignKeyConstraint(['item_id'], ['agenda_items.id'], name=op.f('fk_agenda_item_people_item_id_agenda_items'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_agenda_item_people_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agenda_item_people')),
    sa.UniqueConstraint('item_id', 'user_id', 'role', name='uq_agenda_item_people_item_user_role')
    )
    with op.batch_alter_table('agenda_item_people', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agenda_item_people_item_id'), ['item_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_agenda_item_people_user_id'), ['user_id'], unique=False)

    op.create_table('commitments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=True),
    sa.Column('event_id', sa.Integer(), nullable=True),
    sa.Column('programme_id', sa.Integer(), nullable=True),
    sa.Column('outcome_id', sa.Integer(), nullable=True),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('kind', sa.Enum('policy', 'practice', 'research', 'communication', 'partnership', 'funding', 'other', name='actionkind', native_enum=False, length=40), nullable=False),
    sa.Column('level', sa.Enum('local', 'national', 'regional', 'international', name='level', native_enum=False, length=40), nullable=False),
    sa.Column('visibility', sa.Enum('conveners', 'public', name='commitmentvisibility', native_enum=False, length=40), nullable=False),
    sa.Column('review_status', sa.Enum('submitted', 'changes_requested', 'accepted', name='reviewstatus', native_enum=False, length=40), nullable=False),
    sa.Column('review_comment', sa.Text(), nullable=False),
    sa.Column('reviewed_by_id', sa.Integer(), nullable=True),
    sa.Column('reviewed_at', sa.DateTime(), nullable=True),
    sa.Column('recorded_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('event_id IS NOT NULL OR programme_id IS NOT NULL', name=op.f('ck_commitments_event_or_programme')),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_commitments_event_id_events'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_commitments_organisation_id_organisations'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['outcome_id'], ['outcomes.id'], name=op.f('fk_commitments_outcome_id_outcomes'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['owner_id'], ['users.id'], name=op.f('fk_commitments_owner_id_users'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['programme_id'], ['programmes.id'], name=op.f('fk_commitments_programme_id_programmes'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['users.id'], name=op.f('fk_commitments_recorded_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['reviewed_by_id'], ['users.id'], name=op.f('fk_commitments_reviewed_by_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_commitments'))
    )
    with op.batch_alter_table('commitments', schema=None) as batch_op:
        batch_op.create_index('ix_commitments_due_on', ['due_on'], unique=False)
        batch_op.create_index('ix_commitments_event_id', ['event_id'], unique=False)
        batch_op.create_index('ix_commitments_owner_id', ['owner_id'], unique=False)
        batch_op.create_index('ix_commitments_programme_id', ['programme_id'], unique=False)

    op.create_table('commitment_updates',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('commitment_id', sa.Integer(), nullable=False),
    sa.Column('reported_on', sa.Date(), nullable=False),
    sa.Column('status', sa.Enum('not_started', 'in_progress', 'done', 'dropped', 'revised', name='progressstatus', native_enum=False, length=40), nullable=False),
    sa.Column('share_done', sa.Integer(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('evidence_links', sa.JSON(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('share_done IN (0, 25, 50, 75, 100)', name=op.f('ck_commitment_updates_share_done_in_quarters')),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_commitment_updates_author_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['commitment_id'], ['commitments.id'], name=op.f('fk_commitment_updates_commitment_id_commitments'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_commitment_updates'))
    )
    with op.batch_alter_table('commitment_updates', schema=None) as batch_op:
        batch_op.create_index('ix_commitment_updates_commitment_id', ['commitment_id'], unique=False)

    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.add_column(sa.Column('sequence', sa.Integer(), server_default='0', nullable=False))



def downgrade():
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_column('sequence')

    with op.batch_alter_table('commitment_updates', schema=None) as batch_op:
        batch_op.drop_index('ix_commitment_updates_commitment_id')

    op.drop_table('commitment_updates')
    with op.batch_alter_table('commitments', schema=None) as batch_op:
        batch_op.drop_index('ix_commitments_programme_id')
        batch_op.drop_index('ix_commitments_owner_id')
        batch_op.drop_index('ix_commitments_event_id')
        batch_op.drop_index('ix_commitments_due_on')

    op.drop_table('commitments')
    with op.batch_alter_table('agenda_item_people', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agenda_item_people_user_id'))
        batch_op.drop_index(batch_op.f('ix_agenda_item_people_item_id'))

    op.drop_table('agenda_item_people')
    op.drop_table('calendar_feeds')
    with op.batch_alter_table('agenda_items', schema=None) as batch_op:
        batch_op.drop_index('ix_agenda_items_event_id_starts_at')

    op.drop_table('agenda_items')
    op.drop_table('site_settings')
