"""accounts, programmes, events and role grants

Revision ID: 0001
Revises: 
Create Date: 2026-11-23 17:27:02.082887

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('organisations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('name_key', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.Enum('government', 'asm_association', 'mining_company', 'civil_society', 'donor', 'research', 'trader', 'other', name='organisationkind', native_enum=False, length=40), nullable=False),
    sa.Column('country', sa.String(length=2), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_organisations')),
    sa.UniqueConstraint('name_key', 'country', name='uq_organisations_name_country')
    )
    with op.batch_alter_table('organisations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_organisations_name_key'), ['name_key'], unique=False)

    op.create_table('programmes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('dialogue_initiative', 'learning_group', 'conference_series', name='programmekind', native_enum=False, length=40), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('country', sa.String(length=2), nullable=True),
    sa.Column('visibility', sa.Enum('public', 'participants', name='visibility', native_enum=False, length=40), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_programmes'))
    )
    op.create_table('events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('field_dialogue', 'non_field_dialogue', 'technical_workshop', 'learning_group_meeting', 'international_learning_event', 'conference', 'other', name='eventkind', native_enum=False, length=40), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=False),
    sa.Column('ends_on', sa.Date(), nullable=False),
    sa.Column('timezone', sa.String(length=64), nullable=False),
    sa.Column('venue', sa.String(length=200), nullable=False),
    sa.Column('city', sa.String(length=100), nullable=False),
    sa.Column('country', sa.String(length=2), nullable=True),
    sa.Column('working_languages', sa.JSON(), nullable=False),
    sa.Column('visibility', sa.Enum('public', 'participants', name='visibility', native_enum=False, length=40), nullable=False),
    sa.Column('status', sa.Enum('planned', 'open', 'closed', 'held', 'cancelled', name='eventstatus', native_enum=False, length=40), nullable=False),
    sa.Column('programme_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('ends_on >= starts_on', name=op.f('ck_events_ends_after_start')),
    sa.ForeignKeyConstraint(['programme_id'], ['programmes.id'], name=op.f('fk_events_programme_id_programmes'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_events'))
    )
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.create_index('ix_events_country', ['country'], unique=False)
        batch_op.create_index('ix_events_programme_id', ['programme_id'], unique=False)
        batch_op.create_index('ix_events_starts_on', ['starts_on'], unique=False)

    op.create_table('users',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('password_hash', sa.String(length=256), nullable=True),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('preferred_language', sa.String(length=3), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('country', sa.String(length=2), nullable=True),
    sa.Column('organisation_id', sa.Integer(), nullable=True),
    sa.Column('stakeholder_group', sa.Enum('government', 'asm', 'industry', 'civil_society', 'donor', 'research', 'trader', 'indigenous_peoples', 'local_community', 'other', name='stakeholdergroup', native_enum=False, length=40), nullable=True),
    sa.Column('gender', sa.Enum('woman', 'man', 'self_described', 'prefer_not_to_say', name='gender', native_enum=False, length=40), nullable=True),
    sa.Column('gender_self_description', sa.String(length=100), nullable=True),
    sa.Column('languages', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('last_login_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_users_organisation_id_organisations'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_users')),
    sa.UniqueConstraint('email', name=op.f('uq_users_email'))
    )
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_users_organisation_id'), ['organisation_id'], unique=False)

    op.create_table('role_grants',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.Enum('secretariat', 'convener', 'host', 'steering_committee', 'participant', name='role', native_enum=False, length=40), nullable=False),
    sa.Column('programme_id', sa.Integer(), nullable=True),
    sa.Column('event_id', sa.Integer(), nullable=True),
    sa.Column('granted_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("(role = 'secretariat' AND programme_id IS NULL AND event_id IS NULL) OR (role <> 'secretariat' AND (programme_id IS NULL) <> (event_id IS NULL))", name=op.f('ck_role_grants_scope_matches_role')),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_role_grants_event_id_events'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['granted_by_id'], ['users.id'], name=op.f('fk_role_grants_granted_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['programme_id'], ['programmes.id'], name=op.f('fk_role_grants_programme_id_programmes'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_role_grants_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_role_grants'))
    )
    with op.batch_alter_table('role_grants', schema=None) as batch_op:
        batch_op.create_index('ix_role_grants_event_id', ['event_id'], unique=False)
        batch_op.create_index('ix_role_grants_programme_id', ['programme_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_role_grants_user_id'), ['user_id'], unique=False)



def downgrade():
    with op.batch_alter_table('role_grants', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_role_grants_user_id'))
        batch_op.drop_index('ix_role_grants_programme_id')
        batch_op.drop_index('ix_role_grants_event_id')

    op.drop_table('role_grants')
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_users_organisation_id'))

    op.drop_table('users')
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_index('ix_events_starts_on')
        batch_op.drop_index('ix_events_programme_id')
        batch_op.drop_index('ix_events_country')

    op.drop_table('events')
    op.drop_table('programmes')
    with op.batch_alter_table('organisations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_organisations_name_key'))

    op.drop_table('organisations')
