"""registrations, sponsorship requests, mail outbox, registration settings on events

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 18:18:38.086741

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('mail_messages',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('to_address', sa.String(length=254), nullable=False),
    sa.Column('subject', sa.String(length=300), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('ical', sa.Text(), nullable=True),
    sa.Column('ical_method', sa.String(length=20), nullable=True),
    sa.Column('kind', sa.String(length=50), nullable=False),
    sa.Column('dedupe_key', sa.String(length=200), nullable=True),
    sa.Column('status', sa.Enum('pending', 'sent', 'failed', name='mailstatus', native_enum=False, length=40), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('last_error', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('sent_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mail_messages')),
    sa.UniqueConstraint('dedupe_key', name=op.f('uq_mail_messages_dedupe_key'))
    )
    with op.batch_alter_table('mail_messages', schema=None) as batch_op:
        batch_op.create_index('ix_mail_messages_status', ['status'], unique=False)

    op.create_table('registrations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.Enum('invited', 'applied', 'confirmed', 'waitlisted', 'declined', 'cancelled', 'attended', name='registrationstatus', native_enum=False, length=40), nullable=False),
    sa.Column('stakeholder_group', sa.Enum('government', 'asm', 'industry', 'civil_society', 'donor', 'research', 'trader', 'indigenous_peoples', 'local_community', 'other', name='stakeholdergroup', native_enum=False, length=40), nullable=True),
    sa.Column('organisation_name', sa.String(length=200), nullable=False),
    sa.Column('country', sa.String(length=2), nullable=True),
    sa.Column('languages', sa.JSON(), nullable=False),
    sa.Column('interpretation_needs', sa.Text(), nullable=False),
    sa.Column('access_needs', sa.Text(), nullable=False),
    sa.Column('dietary_needs', sa.Text(), nullable=False),
    sa.Column('visa_letter_needed', sa.Boolean(), nullable=False),
    sa.Column('listed', sa.Boolean(), nullable=False),
    sa.Column('waitlisted_at', sa.DateTime(), nullable=True),
    sa.Column('offer_expires_at', sa.DateTime(), nullable=True),
    sa.Column('confirmed_at', sa.DateTime(), nullable=True),
    sa.Column('attended_at', sa.DateTime(), nullable=True),
    sa.Column('checked_in_by_id', sa.Integer(), nullable=True),
    sa.Column('invited_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['checked_in_by_id'], ['users.id'], name=op.f('fk_registrations_checked_in_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_registrations_event_id_events'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['invited_by_id'], ['users.id'], name=op.f('fk_registrations_invited_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_registrations_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_registrations')),
    sa.UniqueConstraint('event_id', 'user_id', name='uq_registrations_event_user')
    )
    with op.batch_alter_table('registrations', schema=None) as batch_op:
        batch_op.create_index('ix_registrations_event_id_status', ['event_id', 'status'], unique=False)
        batch_op.create_index('ix_registrations_user_id', ['user_id'], unique=False)

    op.create_table('sponsorship_requests',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('registration_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.Enum('requested', 'awarded', 'partly_awarded', 'declined', 'withdrawn', name='sponsorshipstatus', native_enum=False, length=40), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('justification', sa.Text(), nullable=False),
    sa.Column('travel', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('accommodation', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('per_diem', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('visa', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('awarded_travel', sa.Numeric(precision=12, scale=2), nullable=True),
    sa.Column('awarded_accommodation', sa.Numeric(precision=12, scale=2), nullable=True),
    sa.Column('awarded_per_diem', sa.Numeric(precision=12, scale=2), nullable=True),
    sa.Column('awarded_visa', sa.Numeric(precision=12, scale=2), nullable=True),
    sa.Column('decision_note', sa.Text(), nullable=False),
    sa.Column('decided_by_id', sa.Integer(), nullable=True),
    sa.Column('decided_at', sa.DateTime(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('travel >= 0 AND accommodation >= 0 AND per_diem >= 0 AND visa >= 0', name=op.f('ck_sponsorship_requests_amounts_not_negative')),
    sa.ForeignKeyConstraint(['decided_by_id'], ['users.id'], name=op.f('fk_sponsorship_requests_decided_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['registration_id'], ['registrations.id'], name=op.f('fk_sponsorship_requests_registration_id_registrations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sponsorship_requests')),
    sa.UniqueConstraint('registration_id', name=op.f('uq_sponsorship_requests_registration_id'))
    )
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.add_column(sa.Column('registration_mode', sa.Enum('open', 'review', 'invitation', name='registrationmode', native_enum=False, length=40), server_default='open', nullable=False))
        batch_op.add_column(sa.Column('offer_hours', sa.Integer(), server_default='72', nullable=False))
        batch_op.add_column(sa.Column('max_group_share', sa.Integer(), server_default='40', nullable=False))



def downgrade():
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_column('max_group_share')
        batch_op.drop_column('offer_hours')
        batch_op.drop_column('registration_mode')

    op.drop_table('sponsorship_requests')
    with op.batch_alter_table('registrations', schema=None) as batch_op:
        batch_op.drop_index('ix_registrations_user_id')
        batch_op.drop_index('ix_registrations_event_id_status')

    op.drop_table('registrations')
    with op.batch_alter_table('mail_messages', schema=None) as batch_op:
        batch_op.drop_index('ix_mail_messages_status')

    op.drop_table('mail_messages')
