"""Pages for the learning-group programme and its country groups: members, plans, reports, dashboard,
and the international learning event's team presentations and peer review."""
from datetime import date

import sqlalchemy as sa
from flask import Blueprint, Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from dialogues.accounts.services import create_user, user_by_email
from dialogues.commitments.services import rows as commitment_rows
from dialogues.core.views import child_or_404, run_service
from dialogues.events.enums import EventKind
from dialogues.events.models import Event
from dialogues.extensions import db
from dialogues.learning_groups import services
from dialogues.learning_groups.enums import EDITABLE, MembershipStatus, ReviewStatus
from dialogues.learning_groups.forms import (
    ActivityForm, DecideMemberForm, GroupForm, HostForm, IndicatorForm, JoinForm, LeaveForm, LearningEventForm,
    MemberForm, NewReportForm, OutputForm, PeerReviewForm, PlanForm, PresentationForm, ReviewForm, SettingsForm,
    parse_targets, report_form,
)
from dialogues.learning_groups.models import (
    GroupMember, LearningGroup, Output, PlanActivity, ProgressReport, TeamPresentation, WorkPlan,
)
from dialogues.learning_groups.charts import indicator_svg
from dialogues.permissions import Action, authorize, can
from dialogues.programmes.enums import ProgrammeKind
from dialogues.programmes.models import Programme

bp = Blueprint("learning_groups", __name__)


# Loaders: 404 for unknown ids and for a child that does not belong to its parent.

def _learning_programme(programme_id: int):
    programme = db.get_or_404(Programme, programme_id)
    if programme.kind != ProgrammeKind.LEARNING_PROGRAMME:
        abort(404)
    return services.learning_programme_of(programme, actor=current_user)


def _group(group_id: int) -> LearningGroup:
    return db.get_or_404(LearningGroup, group_id)


def _member(group: LearningGroup, member_id: int) -> GroupMember:
    return child_or_404(GroupMember, member_id, group_id=group.programme_id)


def _activity(plan: WorkPlan, activity_id: int) -> PlanActivity:
    return child_or_404(PlanActivity, activity_id, plan_id=plan.id)


def _form_page(form, title: str, back: str, back_label: str, submit: str = None, **extra):
    return render_template("learning_groups/form.html", form=form, title=title, back=back, back_label=back_label,
                           submit=submit or _("Save"), **extra)


# --- the programme --------------------------------------------------------------------------------

@bp.get("/learning/<int:programme_id>")
def show_programme(programme_id: int):
    """The learning-group programme: its country groups, its logframe and its learning events."""
    learning_programme = _learning_programme(programme_id)
    authorize(Action.VIEW_PROGRAMME, learning_programme.programme)
    # The programme's row of rules is made on first visit; committing before loading what the page
    # shows keeps those rows loaded (a commit afterwards would expire and reload each group).
    db.session.commit()
    groups = [g for g in services.groups_of(learning_programme) if can(current_user, Action.VIEW_LEARNING_GROUP, g)]
    counts = dict(db.session.execute(
        sa.select(GroupMember.group_id, sa.func.count()).where(
            GroupMember.group_id.in_([g.programme_id for g in groups]), GroupMember.status == MembershipStatus.ACTIVE)
        .group_by(GroupMember.group_id)).all())
    events = [e for e in db.session.scalars(sa.select(Event).where(Event.programme_id == programme_id)
                                            .order_by(Event.starts_on)) if can(current_user, Action.VIEW_EVENT, e)]
    return render_template("learning_groups/programme.html", lp=learning_programme,
                           programme=learning_programme.programme, groups=groups, counts=counts,
                           outputs=services.logframe(learning_programme), events=events)


@bp.route("/learning/<int:programme_id>/groups/new", methods=["GET", "POST"])
@login_required
def create_group(programme_id: int):
    """The secretariat starts a country group in the programme."""
    learning_programme = _learning_programme(programme_id)
    authorize(Action.CREATE_PROGRAMME)
    form = GroupForm()
    if form.validate_on_submit():
        created = run_service(services.create_group, learning_programme, actor=current_user, **{
            k: form[k].data for k in ("title", "country", "summary", "visibility")})
        if created:
            flash(_("Group created. Now name its host organisation and coordinator."), "success")
            return redirect(url_for("learning_groups.set_host", group_id=created.value.programme_id))
    return _form_page(form, _("New country learning group"), url_for(".show_programme", programme_id=programme_id),
                      learning_programme.programme.title)


@bp.route("/learning/<int:programme_id>/outputs/new", methods=["GET", "POST"])
@login_required
def add_output(programme_id: int):
    """Add an output (under a theme) to the programme's logframe."""
    learning_programme = _learning_programme(programme_id)
    authorize(Action.EDIT_LOGFRAME, learning_programme)
    form = OutputForm()
    if form.validate_on_submit():
        if run_service(services.add_output, learning_programme, theme=form.theme.data, title=form.title.data,
                       actor=current_user, error_field=form.title):
            flash(_("Output added."), "success")
            return redirect(url_for(".show_programme", programme_id=programme_id))
    return _form_page(form, _("New output"), url_for(".show_programme", programme_id=programme_id),
                      learning_programme.programme.title)


@bp.route("/learning/outputs/<int:output_id>/indicators/new", methods=["GET", "POST"])
@login_required
def add_indicator(output_id: int):
    """Add an indicator with its baseline and yearly targets to an output."""
    output = db.get_or_404(Output, output_id)
    authorize(Action.EDIT_LOGFRAME, output)
    form = IndicatorForm()
    back = url_for(".show_programme", programme_id=output.learning_programme_id)
    if form.validate_on_submit():
        if run_service(services.add_indicator, output, name=form.name.data, unit=form.unit.data,
                       baseline=form.baseline.data or 0, targets=parse_targets(form.targets.data),
                       actor=current_user):
            flash(_("Indicator added."), "success")
            return redirect(back)
    return _form_page(form, _("New indicator for “%(output)s”", output=output.title), back, _("Programme"))


@bp.get("/learning/<int:programme_id>/dashboard")
def dashboard(programme_id: int):
    """Approved results of the year rolled up across the countries, with a chart per indicator."""
    learning_programme = _learning_programme(programme_id)
    authorize(Action.VIEW_LEARNING_DASHBOARD, learning_programme)
    year = request.args.get("year", type=int) or date.today().year
    if not 2000 <= year <= 2100:
        abort(404)
    groups, figures = services.dashboard(learning_programme, year)
    charts = {f.indicator.id: indicator_svg(f, groups) for f in figures}
    return render_template("learning_groups/dashboard.html", lp=learning_programme,
                           programme=learning_programme.programme, year=year, groups=groups, figures=figures,
                           charts=charts)


@bp.route("/learning/<int:programme_id>/events/new", methods=["GET", "POST"])
@login_required
def create_learning_event(programme_id: int):
    """A new international learning event: every active group gets its presentation slot."""
    learning_programme = _learning_programme(programme_id)
    authorize(Action.CREATE_EVENT, learning_programme.programme)
    form = LearningEventForm()
    if form.validate_on_submit():
        created = run_service(services.create_learning_event, learning_programme, actor=current_user, **{
            k: form[k].data for k in ("title", "summary", "starts_on", "ends_on", "timezone", "venue", "city",
                                      "country", "working_languages")})
        if created:
            flash(_("Learning event created with a slot for every group."), "success")
            return redirect(url_for(".event_teams", event_id=created.value.id))
    return _form_page(form, _("New international learning event"),
                      url_for(".show_programme", programme_id=programme_id), learning_programme.programme.title)


# --- a group ----------------------------------------------------------------------------------------

@bp.get("/groups/<int:group_id>")
def show_group(group_id: int):
    """A country group: host, members and balance, plans, reports, commitments and its timeline by year."""
    group = _group(group_id)
    authorize(Action.VIEW_LEARNING_GROUP, group)
    see_members = can(current_user, Action.VIEW_GROUP_MEMBERS, group.roster)
    see_work = can(current_user, Action.VIEW_GROUP_WORK, group.work)
    members = services.memberships(group) if see_members else []
    plans = [p for p in services.plans_of(group) if can(current_user, Action.VIEW_GROUP_WORK, p)] if see_work else []
    reports = ([r for r in services.reports_of(group) if can(current_user, Action.VIEW_GROUP_WORK, r)]
               if see_work else [])
    events = [e for e in services.group_events(group) if can(current_user, Action.VIEW_EVENT, e)]
    commitments = [row for row in commitment_rows(services.group_commitments(group, [e.id for e in events]),
                                                  date.today())
                   if can(current_user, Action.VIEW_COMMITMENT, row.commitment)]
    mine = (db.session.scalar(sa.select(GroupMember).where(
        GroupMember.group_id == group.programme_id, GroupMember.user_id == current_user.id,
        GroupMember.status.in_((MembershipStatus.ACTIVE, MembershipStatus.REQUESTED))))
        if current_user.is_authenticated else None)
    return render_template(
        "learning_groups/group.html", group=group, programme=group.programme, members=members,
        see_members=see_members, balance=services.group_balance(group, members) if see_members else None,
        plans=plans, reports=reports, commitments=commitments,
        outputs=services.adopted_outputs(group),
        timeline=services.timeline(events, plans, reports, [row.commitment for row in commitments]),
        mine=mine, statuses=MembershipStatus,
    )


@bp.route("/groups/<int:group_id>/host", methods=["GET", "POST"])
@login_required
def set_host(group_id: int):
    """The secretariat names the host organisation and its coordinator."""
    group = _group(group_id)
    authorize(Action.SET_GROUP_HOST, group)
    form = HostForm(data={"organisation_name": group.host_organisation.name if group.host_organisation else "",
                          "coordinator_email": group.coordinator.email if group.coordinator else ""})
    if form.validate_on_submit():
        coordinator = user_by_email(form.coordinator_email.data) if form.coordinator_email.data else None
        if form.coordinator_email.data and coordinator is None:
            form.coordinator_email.errors.append(_("No one with an account here has this address."))
        else:
            if run_service(services.set_host, group, organisation_name=form.organisation_name.data,
                           organisation_kind=form.organisation_kind.data, coordinator=coordinator,
                           actor=current_user, error_field=form.organisation_name):
                flash(_("Host organisation saved."), "success")
                return redirect(url_for(".show_group", group_id=group_id))
    return _form_page(form, _("Host organisation and coordinator"), url_for(".show_group", group_id=group_id),
                      group.title)


@bp.route("/groups/<int:group_id>/settings", methods=["GET", "POST"])
@login_required
def group_settings(group_id: int):
    """What the group publishes, and which outputs of the logframe it works on."""
    group = _group(group_id)
    authorize(Action.EDIT_LEARNING_GROUP, group)
    adopted = [o.id for o in services.adopted_outputs(group)]
    form = SettingsForm(outputs=group.learning_programme.outputs, data={
        "publish_members": group.publish_members, "publish_work": group.publish_work, "output_ids": adopted})
    if form.validate_on_submit():
        if run_service(services.update_settings, group, publish_members=form.publish_members.data,
                       publish_work=form.publish_work.data, output_ids=form.output_ids.data,
                       actor=current_user, error_field=form.output_ids):
            flash(_("Settings saved."), "success")
            return redirect(url_for(".show_group", group_id=group_id))
    return _form_page(form, _("Group settings"), url_for(".show_group", group_id=group_id), group.title)


@bp.route("/groups/<int:group_id>/members/new", methods=["GET", "POST"])
@login_required
def add_member(group_id: int):
    """The coordinator or secretariat adds a member (someone new is given an account without a password)."""
    group = _group(group_id)
    authorize(Action.MANAGE_GROUP_MEMBERS, group)
    form = MemberForm()
    if form.validate_on_submit():
        user = user_by_email(form.email.data)
        if user is None and not (form.name.data or "").strip():
            form.name.errors.append(_("Give the name of someone who has no account yet."))
        else:
            added = run_service(_add_member, group, user, form, error_field=form.email)
            if added:
                flash(_("%(name)s is now a member.", name=added.value.user.name), "success")
                return redirect(url_for(".show_group", group_id=group_id))
    return _form_page(form, _("Add a member"), url_for(".show_group", group_id=group_id), group.title)


def _add_member(group: LearningGroup, user, form):
    if user is None:
        user = create_user(form.email.data, form.name.data, None, actor=current_user)
    return services.add_member(group, user, actor=current_user, joined_on=form.joined_on.data, **{
        k: form[k].data for k in ("stakeholder_group", "organisation_name", "gender", "languages")})


@bp.route("/groups/<int:group_id>/join", methods=["GET", "POST"])
@login_required
def ask_to_join(group_id: int):
    """Ask to join the group; the coordinator or the secretariat decides."""
    group = _group(group_id)
    authorize(Action.ASK_TO_JOIN_GROUP, group)
    form = JoinForm()
    if form.validate_on_submit():
        if run_service(services.ask_to_join, group, actor=current_user, note=form.note.data):
            flash(_("Your request has been sent to the group's coordinator."), "success")
            return redirect(url_for(".show_group", group_id=group_id))
    return _form_page(form, _("Ask to join %(group)s", group=group.title), url_for(".show_group", group_id=group_id),
                      group.title, submit=_("Ask to join"))


@bp.route("/groups/<int:group_id>/members/<int:member_id>/decide", methods=["GET", "POST"])
@login_required
def decide_member(group_id: int, member_id: int):
    """Accept or decline a request to join."""
    group = _group(group_id)
    member = _member(group, member_id)
    authorize(Action.MANAGE_GROUP_MEMBERS, group)
    form = DecideMemberForm()
    if form.validate_on_submit():
        if run_service(services.decide_request, member, accept=form.decision.data == "accept",
                       joined_on=form.joined_on.data, actor=current_user):
            flash(_("Decision recorded."), "success")
            return redirect(url_for(".show_group", group_id=group_id))
    return _form_page(form, _("Request from %(name)s", name=member.user.name),
                      url_for(".show_group", group_id=group_id), group.title, note=member.note)


@bp.route("/groups/<int:group_id>/members/<int:member_id>/leave", methods=["GET", "POST"])
@login_required
def end_membership(group_id: int, member_id: int):
    """Record that a member left; the membership stays in the group's history."""
    group = _group(group_id)
    member = _member(group, member_id)
    authorize(Action.MANAGE_GROUP_MEMBERS, group)
    form = LeaveForm()
    if form.validate_on_submit():
        if run_service(services.end_membership, member, left_on=form.left_on.data, actor=current_user,
                       error_field=form.left_on):
            flash(_("Membership ended."), "success")
            return redirect(url_for(".show_group", group_id=group_id))
    return _form_page(form, _("%(name)s leaves the group", name=member.user.name),
                      url_for(".show_group", group_id=group_id), group.title)


# --- work plans -------------------------------------------------------------------------------------

@bp.route("/groups/<int:group_id>/plans/new", methods=["GET", "POST"])
@login_required
def create_plan(group_id: int):
    """Start the group's work plan for a year."""
    group = _group(group_id)
    authorize(Action.EDIT_GROUP_WORK, group)
    form = PlanForm(data={"year": date.today().year + 1} if request.method == "GET" else None)
    if form.validate_on_submit():
        created = run_service(services.create_plan, group, year=form.year.data, summary=form.summary.data,
                              actor=current_user, error_field=form.year)
        if created:
            flash(_("Work plan started. Add its activities."), "success")
            return redirect(url_for(".show_plan", plan_id=created.value.id))
    return _form_page(form, _("New work plan"), url_for(".show_group", group_id=group_id), group.title)


def _review_form(thing, formdata=None) -> ReviewForm:
    return ReviewForm(formdata=formdata, current=thing.status,
                      may_submit=can(current_user, Action.EDIT_GROUP_WORK, thing),
                      may_decide=can(current_user, Action.DECIDE_GROUP_WORK, thing))


@bp.get("/plans/<int:plan_id>")
def show_plan(plan_id: int):
    """A work plan: its activities by output, its review history, and the moves open to the reader."""
    plan = db.get_or_404(WorkPlan, plan_id, options=services.PLAN_PAGE)
    authorize(Action.VIEW_GROUP_WORK, plan)
    return _render_plan(plan, _review_form(plan, formdata=None))


def _render_plan(plan: WorkPlan, review: ReviewForm, status: int = 200):
    later = db.session.scalar(sa.select(sa.func.max(WorkPlan.revision)).where(
        WorkPlan.group_id == plan.group_id, WorkPlan.year == plan.year))
    return render_template("learning_groups/plan.html", plan=plan, group=plan.group, review=review,
                           editable=plan.status in EDITABLE and can(current_user, Action.EDIT_GROUP_WORK, plan),
                           may_revise=plan.status == ReviewStatus.APPROVED and later == plan.revision
                           and can(current_user, Action.EDIT_GROUP_WORK, plan)), status


@bp.post("/plans/<int:plan_id>/status")
@login_required
def change_plan_status(plan_id: int):
    """Submit, approve or return a plan (the allowed moves depend on the status and the reader's role)."""
    plan = db.get_or_404(WorkPlan, plan_id)
    authorize(Action.VIEW_GROUP_WORK, plan)
    form = _review_form(plan, formdata=request.form)
    if not form.has_moves:
        abort(403)
    if form.validate_on_submit():
        if run_service(services.change_plan_status, plan, form.status.data, reason=form.reason.data,
                       actor=current_user, error_field=form.reason):
            flash(_("The plan is now: %(status)s.", status=plan.status.label), "success")
            return redirect(url_for(".show_plan", plan_id=plan_id))
    return _render_plan(plan, form, 400)


@bp.post("/plans/<int:plan_id>/revise")
@login_required
def revise_plan(plan_id: int):
    """Start a new revision of an approved plan."""
    plan = db.get_or_404(WorkPlan, plan_id)
    authorize(Action.EDIT_GROUP_WORK, plan)
    revised = run_service(services.revise_plan, plan, actor=current_user)
    if not revised:
        return redirect(url_for(".show_plan", plan_id=plan_id))
    flash(_("Revision %(n)s started; the approved plan stays in force until it is approved.",
            n=revised.value.revision), "success")
    return redirect(url_for(".show_plan", plan_id=revised.value.id))


def _activity_form(plan: WorkPlan, activity: PlanActivity | None = None, formdata=None) -> ActivityForm:
    members = [m for m in services.memberships(plan.group) if m.status == MembershipStatus.ACTIVE]
    data = None
    if activity is not None:
        data = {name: getattr(activity, name) for name in services.ACTIVITY_FIELDS}
        data["budget_line_ids"] = [link.budget_line_id for link in activity.budget_links]
    return ActivityForm(formdata=formdata, data=data, outputs=plan.group.learning_programme.outputs, members=members,
                        budget_lines=services.budget_lines_for(plan))


@bp.route("/plans/<int:plan_id>/activities/new", methods=["GET", "POST"], defaults={"activity_id": None})
@bp.route("/plans/<int:plan_id>/activities/<int:activity_id>/edit", methods=["GET", "POST"])
@login_required
def edit_activity(plan_id: int, activity_id: int | None):
    """Add or change an activity of a draft or returned plan."""
    plan = db.get_or_404(WorkPlan, plan_id)
    activity = _activity(plan, activity_id) if activity_id else None
    authorize(Action.EDIT_GROUP_WORK, plan)
    if plan.status not in EDITABLE:
        flash(_("This plan is %(status)s: it can no longer be changed.", status=plan.status.label.lower()), "error")
        return redirect(url_for(".show_plan", plan_id=plan_id))
    form = _activity_form(plan, activity, formdata=request.form if request.method == "POST" else None)
    if form.validate_on_submit():
        fields = {name: form[name].data for name in services.ACTIVITY_FIELDS}
        lines = form.budget_line_ids.data if "budget_line_ids" in form else None
        if run_service(services.save_activity, plan, activity, fields, lines, actor=current_user,
                       error_field=form.title):
            flash(_("Activity saved."), "success")
            return redirect(url_for(".show_plan", plan_id=plan_id))
    return _form_page(form, _("Activity"), url_for(".show_plan", plan_id=plan_id),
                      _("Work plan %(year)s", year=plan.year))


@bp.post("/plans/<int:plan_id>/activities/<int:activity_id>/remove")
@login_required
def remove_activity(plan_id: int, activity_id: int):
    """Take an activity off a draft or returned plan."""
    plan = db.get_or_404(WorkPlan, plan_id)
    activity = _activity(plan, activity_id)
    authorize(Action.EDIT_GROUP_WORK, plan)
    if run_service(services.remove_activity, activity, actor=current_user):
        flash(_("Activity removed."), "success")
    return redirect(url_for(".show_plan", plan_id=plan_id))


# --- progress reports -------------------------------------------------------------------------------

@bp.route("/groups/<int:group_id>/reports/new", methods=["GET", "POST"])
@login_required
def create_report(group_id: int):
    """Start the report for a period of an approved plan."""
    group = _group(group_id)
    authorize(Action.EDIT_GROUP_WORK, group)
    years = sorted({p.year for p in services.plans_of(group) if p.status == ReviewStatus.APPROVED}, reverse=True)
    periods = [p for y in years for p in services.periods(group.learning_programme, y)]
    form = NewReportForm(periods=periods)
    if form.validate_on_submit():
        created = run_service(services.create_report, group, period_start=date.fromisoformat(form.period_start.data),
                              actor=current_user, error_field=form.period_start)
        if created:
            return redirect(url_for(".edit_report", report_id=created.value.id))
    if not periods:
        flash(_("Reports are made on an approved work plan; this group has none yet."), "error")
    return _form_page(form, _("New progress report"), url_for(".show_group", group_id=group_id), group.title)


@bp.get("/reports/<int:report_id>")
def show_report(report_id: int):
    """A progress report: per activity what happened, per indicator the value and its evidence."""
    report = db.get_or_404(ProgressReport, report_id, options=services.REPORT_PAGE)
    authorize(Action.VIEW_GROUP_WORK, report)
    return _render_report(report, _review_form(report))


def _render_report(report: ProgressReport, review: ReviewForm, status: int = 200):
    return render_template("learning_groups/report.html", report=report, group=report.group, review=review,
                           editable=report.status in EDITABLE and can(current_user, Action.EDIT_GROUP_WORK, report)
                           ), status


@bp.route("/reports/<int:report_id>/edit", methods=["GET", "POST"])
@login_required
def edit_report(report_id: int):
    """Write the report; values are checked against each indicator's unit and nothing is saved if one is wrong."""
    report = db.get_or_404(ProgressReport, report_id)
    authorize(Action.EDIT_GROUP_WORK, report)
    if report.status not in EDITABLE:
        flash(_("This report is %(status)s: it can no longer be changed.", status=report.status.label.lower()),
              "error")
        return redirect(url_for(".show_report", report_id=report_id))
    indicators = services.report_indicators(report)
    form = report_form(report, indicators, formdata=request.form if request.method == "POST" else None)
    if form.validate_on_submit():
        raw = {i.id: (form[f"indicator_{i.id}_value"].data, form[f"indicator_{i.id}_evidence"].data)
               for i in indicators}
        activities = {a.id: (form[f"activity_{a.id}_status"].data, form[f"activity_{a.id}_text"].data)
                      for a in report.plan.activities}
        if run_service(services.save_report_form, report, summary=form.summary.data, activities=activities,
                       raw_values=raw, actor=current_user):
            flash(_("Report saved."), "success")
            return redirect(url_for(".show_report", report_id=report_id))
    return render_template("learning_groups/report_form.html", form=form, report=report, group=report.group,
                           activities=report.plan.activities, indicators=indicators)


@bp.post("/reports/<int:report_id>/status")
@login_required
def change_report_status(report_id: int):
    """Submit, approve or return a report."""
    report = db.get_or_404(ProgressReport, report_id)
    authorize(Action.VIEW_GROUP_WORK, report)
    form = _review_form(report, formdata=request.form)
    if not form.has_moves:
        abort(403)
    if form.validate_on_submit():
        if run_service(services.change_report_status, report, form.status.data, reason=form.reason.data,
                       actor=current_user, error_field=form.reason):
            flash(_("The report is now: %(status)s.", status=report.status.label), "success")
            return redirect(url_for(".show_report", report_id=report_id))
    return _render_report(report, form, 400)


# --- the international learning event ---------------------------------------------------------------

def _learning_event(event_id: int) -> Event:
    event = db.get_or_404(Event, event_id)
    if event.kind != EventKind.INTERNATIONAL_LEARNING_EVENT:
        abort(404)
    return event


@bp.get("/events/<int:event_id>/teams")
def event_teams(event_id: int):
    """The country teams' presentation slots at an international learning event."""
    event = _learning_event(event_id)
    authorize(Action.VIEW_EVENT, event)
    presentations = services.presentations_at(event)
    teams = services.EventTeams(event, [p.group_id for p in presentations])
    return render_template("learning_groups/teams.html", event=event, presentations=presentations,
                           may_review=can(current_user, Action.PEER_REVIEW, teams),
                           may_give_slots=event.programme is not None
                           and event.programme.kind == ProgrammeKind.LEARNING_PROGRAMME
                           and can(current_user, Action.EDIT_AGENDA, event))


@bp.post("/events/<int:event_id>/teams/slots")
@login_required
def give_team_slots(event_id: int):
    """Give a slot to every active group that has none yet (groups that joined since the event was made)."""
    event = _learning_event(event_id)
    authorize(Action.EDIT_AGENDA, event)
    made = run_service(services.give_team_slots, event, actor=current_user)
    if made:
        flash(_("%(n)s slots added.", n=len(made.value)), "success")
    return redirect(url_for(".event_teams", event_id=event_id))


def _presentation(event: Event, presentation_id: int) -> TeamPresentation:
    return child_or_404(TeamPresentation, presentation_id, event_id=event.id)


def _render_presentation(event, presentation, form=None, review_form=None, status=200):
    presentations_group_ids = db.session.scalars(
        sa.select(TeamPresentation.group_id).where(TeamPresentation.event_id == event.id)).all()
    teams = services.EventTeams(event, presentations_group_ids)
    own_team = presentation.group_id in services.team_of(current_user, event.id)
    may_edit = can(current_user, Action.EDIT_PRESENTATION, presentation)
    see_reviews = can(current_user, Action.VIEW_PEER_REVIEWS, presentation) or own_team
    reviews = [r for r in presentation.reviews if see_reviews or (
        current_user.is_authenticated and r.author_id == current_user.id)]
    return render_template(
        "learning_groups/presentation.html", event=event, p=presentation, group=presentation.group,
        form=form or (PresentationForm(obj=presentation) if may_edit else None), reviews=reviews,
        review_form=review_form or (PeerReviewForm() if can(current_user, Action.PEER_REVIEW, teams)
                                    and not own_team else None)), status


@bp.get("/events/<int:event_id>/teams/<int:presentation_id>")
def show_presentation(event_id: int, presentation_id: int):
    """A team's presentation, and the peer review the team receives."""
    event = _learning_event(event_id)
    presentation = _presentation(event, presentation_id)
    authorize(Action.VIEW_EVENT, event)
    return _render_presentation(event, presentation)


@bp.post("/events/<int:event_id>/teams/<int:presentation_id>")
@login_required
def save_presentation(event_id: int, presentation_id: int):
    """The team's coordinator uploads the presentation or writes it, before the deadline."""
    event = _learning_event(event_id)
    presentation = _presentation(event, presentation_id)
    authorize(Action.EDIT_PRESENTATION, presentation)
    form = PresentationForm()
    if form.validate_on_submit():
        if run_service(services.save_presentation, presentation, actor=current_user, upload=form.file.data,
                       error_field=form.file, **{part: form[part].data for part in TeamPresentation.TEXT_PARTS}):
            flash(_("Presentation saved."), "success")
            return redirect(url_for(".show_presentation", event_id=event_id, presentation_id=presentation_id))
    return _render_presentation(event, presentation, form=form, status=400)


@bp.post("/events/<int:event_id>/teams/<int:presentation_id>/reviews")
@login_required
def add_peer_review(event_id: int, presentation_id: int):
    """Leave a peer-review comment on another team's presentation."""
    event = _learning_event(event_id)
    presentation = _presentation(event, presentation_id)
    group_ids = db.session.scalars(sa.select(TeamPresentation.group_id)
                                   .where(TeamPresentation.event_id == event.id)).all()
    authorize(Action.PEER_REVIEW, services.EventTeams(event, group_ids))
    form = PeerReviewForm()
    if form.validate_on_submit():
        if run_service(services.add_peer_review, presentation, text=form.text.data, actor=current_user,
                       error_field=form.text):
            flash(_("Thank you: the team will read your comment."), "success")
            return redirect(url_for(".show_presentation", event_id=event_id, presentation_id=presentation_id))
    return _render_presentation(event, presentation, review_form=form, status=400)


@bp.get("/events/<int:event_id>/teams/<int:presentation_id>/file")
def presentation_file(event_id: int, presentation_id: int):
    """Download a team's presentation file."""
    event = _learning_event(event_id)
    presentation = _presentation(event, presentation_id)
    authorize(Action.VIEW_EVENT, event)
    if presentation.file is None:
        abort(404)
    stored = presentation.file
    return Response(stored.content, mimetype=stored.content_type,
                    headers={"Content-Disposition": f'attachment; filename="{stored.filename}"'})
