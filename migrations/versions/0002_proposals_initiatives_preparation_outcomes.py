"""issue proposals, scoring, initiatives, preparation, papers, outcomes, TFD event fields

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 17:39:17.257231

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('stored_files',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('filename', sa.String(length=255), nullable=False),
    sa.Column('content_type', sa.String(length=120), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('content', sa.LargeBinary(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stored_files'))
    )
    op.create_table('criterion_weights',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('series_id', sa.Integer(), nullable=False),
    sa.Column('criterion', sa.Integer(), nullable=False),
    sa.Column('weight', sa.Numeric(precision=5, scale=2), nullable=False),
    sa.ForeignKeyConstraint(['series_id'], ['programmes.id'], name=op.f('fk_criterion_weights_series_id_programmes'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_criterion_weights')),
    sa.UniqueConstraint('series_id', 'criterion', name='uq_criterion_weights_series_criterion')
    )
    op.create_table('background_papers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('authors', sa.String(length=300), nullable=False),
    sa.Column('language', sa.String(length=3), nullable=False),
    sa.Column('url', sa.String(length=1000), nullable=True),
    sa.Column('file_id', sa.Integer(), nullable=True),
    sa.Column('added_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('(url IS NULL) <> (file_id IS NULL)', name=op.f('ck_background_papers_file_or_link')),
    sa.ForeignKeyConstraint(['added_by_id'], ['users.id'], name=op.f('fk_background_papers_added_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_background_papers_event_id_events'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['file_id'], ['stored_files.id'], name=op.f('fk_background_papers_file_id_stored_files'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_background_papers'))
    )
    with op.batch_alter_table('background_papers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_background_papers_event_id'), ['event_id'], unique=False)

    op.create_table('issue_proposals',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('series_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('problem_statement', sa.Text(), nullable=False),
    sa.Column('why_now', sa.Text(), nullable=False),
    sa.Column('regions', sa.JSON(), nullable=False),
    sa.Column('countries', sa.JSON(), nullable=False),
    sa.Column('potential_partners', sa.Text(), nullable=False),
    sa.Column('funding_prospects', sa.Text(), nullable=False),
    sa.Column('status', sa.Enum('proposed', 'being_scoped', 'selected', 'declined', 'parked', name='proposalstatus', native_enum=False, length=40), nullable=False),
    sa.Column('proposed_by_id', sa.Integer(), nullable=True),
    sa.Column('scoring_closed_at', sa.DateTime(), nullable=True),
    sa.Column('scoring_closed_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['proposed_by_id'], ['users.id'], name=op.f('fk_issue_proposals_proposed_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['scoring_closed_by_id'], ['users.id'], name=op.f('fk_issue_proposals_scoring_closed_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['series_id'], ['programmes.id'], name=op.f('fk_issue_proposals_series_id_programmes'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_issue_proposals'))
    )
    with op.batch_alter_table('issue_proposals', schema=None) as batch_op:
        batch_op.create_index('ix_issue_proposals_series_id', ['series_id'], unique=False)

    op.create_table('outcomes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('summary', 'consensus', 'disagreement', 'recommendation', 'action_step', name='outcomekind', native_enum=False, length=40), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('recorded_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_outcomes_event_id_events'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['users.id'], name=op.f('fk_outcomes_recorded_by_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outcomes'))
    )
    with op.batch_alter_table('outcomes', schema=None) as batch_op:
        batch_op.create_index('ix_outcomes_event_id_kind', ['event_id', 'kind'], unique=False)

    op.create_table('preparation_tasks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=True),
    sa.Column('due_on', sa.Date(), nullable=True),
    sa.Column('done_at', sa.DateTime(), nullable=True),
    sa.Column('done_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['done_by_id'], ['users.id'], name=op.f('fk_preparation_tasks_done_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_preparation_tasks_event_id_events'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['owner_id'], ['users.id'], name=op.f('fk_preparation_tasks_owner_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_preparation_tasks'))
    )
    with op.batch_alter_table('preparation_tasks', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_preparation_tasks_event_id'), ['event_id'], unique=False)

    op.create_table('initiatives',
    sa.Column('programme_id', sa.Integer(), nullable=False),
    sa.Column('proposal_id', sa.Integer(), nullable=True),
    sa.Column('starts_on', sa.Date(), nullable=False),
    sa.Column('ends_on', sa.Date(), nullable=False),
    sa.Column('planned_dialogues', sa.Integer(), nullable=False),
    sa.CheckConstraint('ends_on >= starts_on', name=op.f('ck_initiatives_ends_after_start')),
    sa.ForeignKeyConstraint(['programme_id'], ['programmes.id'], name=op.f('fk_initiatives_programme_id_programmes'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['proposal_id'], ['issue_proposals.id'], name=op.f('fk_initiatives_proposal_id_issue_proposals'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('programme_id', name=op.f('pk_initiatives')),
    sa.UniqueConstraint('proposal_id', name=op.f('uq_initiatives_proposal_id'))
    )
    op.create_table('proposal_decisions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('proposal_id', sa.Integer(), nullable=False),
    sa.Column('from_status', sa.Enum('proposed', 'being_scoped', 'selected', 'declined', 'parked', name='proposalstatus', native_enum=False, length=40), nullable=False),
    sa.Column('to_status', sa.Enum('proposed', 'being_scoped', 'selected', 'declined', 'parked', name='proposalstatus', native_enum=False, length=40), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('decided_by_id', sa.Integer(), nullable=True),
    sa.Column('decided_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['decided_by_id'], ['users.id'], name=op.f('fk_proposal_decisions_decided_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['proposal_id'], ['issue_proposals.id'], name=op.f('fk_proposal_decisions_proposal_id_issue_proposals'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_proposal_decisions'))
    )
    with op.batch_alter_table('proposal_decisions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_proposal_decisions_proposal_id'), ['proposal_id'], unique=False)

    op.create_table('proposal_scores',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('proposal_id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('criterion', sa.Integer(), nullable=False),
    sa.Column('value', sa.Integer(), nullable=False),
    sa.Column('comment', sa.Text(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('value BETWEEN 1 AND 5', name=op.f('ck_proposal_scores_value_1_to_5')),
    sa.ForeignKeyConstraint(['member_id'], ['users.id'], name=op.f('fk_proposal_scores_member_id_users'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['proposal_id'], ['issue_proposals.id'], name=op.f('fk_proposal_scores_proposal_id_issue_proposals'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_proposal_scores')),
    sa.UniqueConstraint('proposal_id', 'member_id', 'criterion', name='uq_proposal_scores_member_criterion')
    )
    with op.batch_alter_table('proposal_scores', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_proposal_scores_member_id'), ['member_id'], unique=False)

    op.create_table('initiative_members',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('initiative_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('co_chair', 'advisory_group', 'partner', 'donor', 'local_host', name='memberkind', native_enum=False, length=40), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('organisation_id', sa.Integer(), nullable=True),
    sa.CheckConstraint('(user_id IS NULL) <> (organisation_id IS NULL)', name=op.f('ck_initiative_members_person_or_organisation')),
    sa.ForeignKeyConstraint(['initiative_id'], ['initiatives.programme_id'], name=op.f('fk_initiative_members_initiative_id_initiatives'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_initiative_members_organisation_id_organisations'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_initiative_members_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_initiative_members'))
    )
    with op.batch_alter_table('initiative_members', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_initiative_members_initiative_id'), ['initiative_id'], unique=False)

    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.add_column(sa.Column('scope', sa.Enum('local', 'regional', 'international', name='dialoguescope', native_enum=False, length=40), nullable=True))
        batch_op.add_column(sa.Column('capacity', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('sponsored_places', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('field_days', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('meeting_days', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('indicative_budget', sa.Numeric(precision=12, scale=2), nullable=True))
        batch_op.add_column(sa.Column('budget_currency', sa.String(length=3), nullable=True))



def downgrade():
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_column('budget_currency')
        batch_op.drop_column('indicative_budget')
        batch_op.drop_column('meeting_days')
        batch_op.drop_column('field_days')
        batch_op.drop_column('sponsored_places')
        batch_op.drop_column('capacity')
        batch_op.drop_column('scope')

    with op.batch_alter_table('initiative_members', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_initiative_members_initiative_id'))

    op.drop_table('initiative_members')
    with op.batch_alter_table('proposal_scores', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_proposal_scores_member_id'))

    op.drop_table('proposal_scores')
    with op.batch_alter_table('proposal_decisions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_proposal_decisions_proposal_id'))

    op.drop_table('proposal_decisions')
    op.drop_table('initiatives')
    with op.batch_alter_table('preparation_tasks', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_preparation_tasks_event_id'))

    op.drop_table('preparation_tasks')
    with op.batch_alter_table('outcomes', schema=None) as batch_op:
        batch_op.drop_index('ix_outcomes_event_id_kind')

    op.drop_table('outcomes')
    with op.batch_alter_table('issue_proposals', schema=None) as batch_op:
        batch_op.drop_index('ix_issue_proposals_series_id')

    op.drop_table('issue_proposals')
    with op.batch_alter_table('background_papers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_background_papers_event_id'))

    op.drop_table('background_papers')
    op.drop_table('criterion_weights')
    op.drop_table('stored_files')
