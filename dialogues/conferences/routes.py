"""Pages for conference editions, sponsors, the call for contributions and its review."""
from datetime import time

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from dialogues.agenda.services import local_instant
from dialogues.conferences import services
from dialogues.conferences.enums import ContributionStatus
from dialogues.conferences.forms import (
    AssignForm, CallForm, ConflictForm, CriterionForm, DecisionForm, EditionForm, NextEditionForm, ReviewerForm,
    SponsorForm, TrackForm, WithdrawForm, contribution_form, lines, review_form, scores_from,
)
from dialogues.conferences.models import Contribution, Edition, computed_conflicts, ReviewCriterion, Reviewer, Sponsor, Track
from dialogues.core.errors import DomainError
from dialogues.extensions import db
from dialogues.permissions import Action, authorize, can
from dialogues.programmes.enums import ProgrammeKind
from dialogues.programmes.models import Programme

bp = Blueprint("conferences", __name__)

PAGE_SIZE = 50


@bp.app_template_filter("ordinal")
def ordinal_filter(number: int) -> str:
    return services.ordinal(number)


@bp.app_template_global("conference_edition")
def conference_edition(event) -> Edition | None:
    """The edition a conference event is, for its page's panel (one query, conferences only)."""
    return services.edition_of_event(event.id)


def _edition(edition_id: int) -> Edition:
    return db.get_or_404(Edition, edition_id)


def _contribution(contribution_id: int) -> Contribution:
    return db.get_or_404(Contribution, contribution_id)


def _child(model, child_id: int, edition: Edition):
    """A sponsor, track, criterion or reviewer of ``edition``; 404 if it belongs to another."""
    child = db.get_or_404(model, child_id)
    if child.edition_id != edition.id:
        abort(404)
    return child


def _done(message: str, endpoint: str, **values):
    db.session.commit()
    flash(message, "success")
    return redirect(url_for(endpoint, **values))


def _refused(error: DomainError) -> None:
    db.session.rollback()
    flash(str(error), "error")


# Editions


@bp.route("/series/<int:series_id>/editions/new", methods=["GET", "POST"])
@login_required
def new_edition(series_id: int):
    """The convener creates the series' next edition, carrying over tracks, criteria, reviewers and sponsors."""
    series = db.get_or_404(Programme, series_id)
    if series.kind != ProgrammeKind.CONFERENCE_SERIES:
        abort(404)
    authorize(Action.MANAGE_CONFERENCE, series)
    previous = services.latest_edition(series.id)
    form = NextEditionForm(data={"number": previous.number + 1 if previous else 1})
    if form.validate_on_submit():
        try:
            edition = services.create_next_edition(series, actor=current_user, event_fields=form.event_fields(),
                                                   **form.edition_fields())
        except DomainError as error:
            _refused(error)
        else:
            return _done(_("The %(number)s edition is created.", number=services.ordinal(edition.number)),
                         "conferences.show_edition",
                         edition_id=edition.id)
    return render_template("conferences/edition_form.html", form=form, series=series, edition=None,
                           previous=previous), 400 if request.method == "POST" else 200


@bp.get("/editions/<int:edition_id>")
def show_edition(edition_id: int):
    """An edition: host, theme, dates, sponsors as they chose to appear, and its call for contributions."""
    edition = _edition(edition_id)
    authorize(Action.VIEW_EVENT, edition.event)
    now = services.now()
    call = edition.call
    return render_template(
        "conferences/edition.html", edition=edition, event=edition.event, call=call, now=now,
        call_open=call is not None and call.is_open(now), sponsors=services.sponsors_shown(edition),
        manage=can(current_user, Action.MANAGE_CONFERENCE, edition),
        opens=services.local_time(edition, call.opens_at) if call else None,
        closes=services.local_time(edition, call.closes_at) if call else None,
    )


@bp.route("/editions/<int:edition_id>/edit", methods=["GET", "POST"])
@login_required
def edit_edition(edition_id: int):
    """The convener corrects an edition's number, host, theme, past figures and travel cap."""
    edition = _edition(edition_id)
    authorize(Action.MANAGE_CONFERENCE, edition)
    form = EditionForm(obj=edition)
    if request.method == "GET":
        form.host_organisations.data = "\n".join(edition.host_organisations or [])
    if form.validate_on_submit():
        try:
            services.update_edition(edition, actor=current_user, **form.edition_fields())
        except DomainError as error:
            _refused(error)
        else:
            return _done(_("Edition saved."), "conferences.show_edition", edition_id=edition.id)
    return render_template("conferences/edition_form.html", form=form, series=edition.series, edition=edition,
                           previous=None)


# Sponsors


@bp.route("/editions/<int:edition_id>/sponsors", methods=["GET", "POST"])
@login_required
def sponsors(edition_id: int):
    """Every sponsor and prospect of an edition, and a form to add one."""
    edition = _edition(edition_id)
    authorize(Action.MANAGE_CONFERENCE, edition)
    form = SponsorForm()
    if form.validate_on_submit():
        try:
            services.add_sponsor(edition, actor=current_user, organisation_name=form.organisation_name.data,
                                 organisation_kind=form.organisation_kind.data, **form.sponsor_fields())
        except DomainError as error:
            _refused(error)
        else:
            return _done(_("Sponsor added."), "conferences.sponsors", edition_id=edition.id)
    return render_template("conferences/sponsors.html", edition=edition, form=form)


@bp.route("/editions/<int:edition_id>/sponsors/<int:sponsor_id>/edit", methods=["GET", "POST"])
@login_required
def edit_sponsor(edition_id: int, sponsor_id: int):
    edition = _edition(edition_id)
    authorize(Action.MANAGE_CONFERENCE, edition)
    sponsor = _child(Sponsor, sponsor_id, edition)
    form = SponsorForm(obj=sponsor, data={"organisation_name": sponsor.organisation.name,
                                          "organisation_kind": sponsor.organisation.kind})
    if form.validate_on_submit():
        try:
            services.update_sponsor(sponsor, actor=current_user, **form.sponsor_fields())
        except DomainError as error:
            _refused(error)
        else:
            return _done(_("Sponsor saved."), "conferences.sponsors", edition_id=edition.id)
    form.organisation_name.render_kw = {"readonly": True}
    return render_template("conferences/sponsor_form.html", edition=edition, sponsor=sponsor, form=form)


@bp.post("/editions/<int:edition_id>/sponsors/<int:sponsor_id>/delete")
@login_required
def delete_sponsor(edition_id: int, sponsor_id: int):
    edition = _edition(edition_id)
    authorize(Action.MANAGE_CONFERENCE, edition)
    services.remove_sponsor(_child(Sponsor, sponsor_id, edition), actor=current_user)
    return _done(_("Sponsor removed."), "conferences.sponsors", edition_id=edition.id)


# Tracks, criteria, reviewers


def _render_setup(edition, track_form=None, criterion_form=None, reviewer_form=None, status=200):
    return render_template(
        "conferences/setup.html", edition=edition, track_form=track_form or TrackForm(prefix="track"),
        criterion_form=criterion_form or CriterionForm(prefix="criterion"),
        reviewer_form=reviewer_form or ReviewerForm(prefix="reviewer", edition=edition),
    ), status


@bp.get("/editions/<int:edition_id>/setup")
@login_required
def setup(edition_id: int):
    """Tracks, review criteria with their weights, and the reviewer pool."""
    edition = _edition(edition_id)
    authorize(Action.MANAGE_CONFERENCE, edition)
    return _render_setup(edition)


@bp.post("/editions/<int:edition_id>/tracks")
@login_required
def add_track(edition_id: int):
    edition = _edition(edition_id)
    authorize(Action.MANAGE_CONFERENCE, edition)
    form = TrackForm(prefix="track")
    if not form.validate_on_submit():
        return _render_setup(edition, track_form=form, status=400)
    try:
        services.add_track(edition, form.title.data, form.description.data, actor=current_user)
    except DomainError as error:
        _refused(error)
        return _render_setup(edition, track_form=form, status=400)
    return _done(_("Track added."), "conferences.setup", edition_id=edition.id)


@bp.post("/editions/<int:edition_id>/tracks/<int:track_id>/delete")
@login_required
def delete_track(edition_id: int, track_id: int):
    edition = _edition(edition_id)
    authorize(Action.MANAGE_CONFERENCE, edition)
    try:
        services.remove_track(_child(Track, track_id, edition), actor=current_user)
    except DomainError as error:
        _refused(error)
        return redirect(url_for("conferences.setup", edition_id=edition.id))
    return _done(_("Track removed."), "conferences.setup", edition_id=edition.id)


@bp.post("/editions/<int:edition_id>/criteria")
@login_required
def add_criterion(edition_id: int):
    edition = _edition(edition_id)
    authorize(Action.MANAGE_CONFERENCE, edition)
    form = CriterionForm(prefix="criterion")
    if not form.validate_on_submit():
        return _render_setup(edition, criterion_form=form, status=400)
    try:
        services.add_criterion(edition, form.label.data, form.weight.data, form.description.data, actor=current_user)
    except DomainError as error:
        _refused(error)
        return _render_setup(edition, criterion_form=form, status=400)
    return _done(_("Criterion added."), "conferences.setup", edition_id=edition.id)


@bp.post("/editions/<int:edition_id>/criteria/<int:criterion_id>/delete")
@login_required
def delete_criterion(edition_id: int, criterion_id: int):
    edition = _edition(edition_id)
    authorize(Action.MANAGE_CONFERENCE, edition)
    try:
        services.remove_criterion(_child(ReviewCriterion, criterion_id, edition), actor=current_user)
    except DomainError as error:
        _refused(error)
        return redirect(url_for("conferences.setup", edition_id=edition.id))
    return _done(_("Criterion removed."), "conferences.setup", edition_id=edition.id)


@bp.post("/editions/<int:edition_id>/reviewers")
@login_required
def add_reviewer(edition_id: int):
    edition = _edition(edition_id)
    authorize(Action.MANAGE_CONFERENCE, edition)
    form = ReviewerForm(prefix="reviewer", edition=edition)
    if not form.validate_on_submit():
        return _render_setup(edition, reviewer_form=form, status=400)
    try:
        services.add_reviewer(edition, form.email.data, actor=current_user, track_ids=form.track_ids.data,
                              max_load=form.max_load.data)
    except DomainError as error:
        _refused(error)
        return _render_setup(_edition(edition_id), reviewer_form=form, status=400)
    return _done(_("Reviewer added to the pool."), "conferences.setup", edition_id=edition.id)


@bp.post("/editions/<int:edition_id>/reviewers/<int:reviewer_id>/delete")
@login_required
def delete_reviewer(edition_id: int, reviewer_id: int):
    edition = _edition(edition_id)
    authorize(Action.MANAGE_CONFERENCE, edition)
    services.remove_reviewer(_child(Reviewer, reviewer_id, edition), actor=current_user)
    return _done(_("Reviewer taken out of the pool."), "conferences.setup", edition_id=edition.id)


# The call


@bp.route("/editions/<int:edition_id>/call", methods=["GET", "POST"])
@login_required
def call(edition_id: int):
    """The convener sets the call's dates (in the event's time zone), types, languages and questions."""
    edition = _edition(edition_id)
    authorize(Action.MANAGE_CONFERENCE, edition)
    current = edition.call
    data = {}
    if current is not None:
        opens, closes = services.local_time(edition, current.opens_at), services.local_time(edition, current.closes_at)
        data = {"opens_on": opens.date(), "opens_time": opens.time(), "closes_on": closes.date(),
                "closes_time": closes.time(), "introduction": current.introduction,
                "contribution_types": current.contribution_types, "languages": current.languages,
                "questions": "\n".join(current.questions), "blind_review": current.blind_review,
                "reviewers_per_contribution": current.reviewers_per_contribution}
    else:
        data = {"languages": edition.event.working_languages, "closes_time": time(23, 59)}
    form = CallForm(data=data)
    if form.validate_on_submit():
        zone = edition.event.timezone
        try:
            services.set_call(
                edition, actor=current_user,
                opens_at=local_instant(zone, form.opens_on.data, form.opens_time.data or time(0, 0)),
                closes_at=local_instant(zone, form.closes_on.data, form.closes_time.data or time(23, 59)),
                contribution_types=form.contribution_types.data, languages=form.languages.data,
                questions=lines(form.questions.data), blind_review=form.blind_review.data,
                reviewers_per_contribution=form.reviewers_per_contribution.data,
                introduction=form.introduction.data)
        except DomainError as error:
            _refused(error)
        else:
            return _done(_("Call saved."), "conferences.show_edition", edition_id=edition.id)
    return render_template("conferences/call_form.html", edition=edition, form=form)


# Contributions


@bp.route("/editions/<int:edition_id>/contributions/new", methods=["GET", "POST"])
@login_required
def submit(edition_id: int):
    """Anyone with an account submits a contribution while the call is open."""
    edition = _edition(edition_id)
    authorize(Action.VIEW_EVENT, edition.event)
    authorize(Action.SUBMIT_CONTRIBUTION, edition)
    if edition.call is None:
        abort(404)
    form = contribution_form(edition, formdata=request.form if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.validate_on_submit():
            try:
                contribution = services.submit(edition, actor=current_user, now=services.now(),
                                               co_authors=form.co_author_list(), **form.contribution_fields(edition.call))
            except DomainError as error:
                _refused(error)
            else:
                return _done(_("Your contribution is submitted. You can change it until the call closes."),
                             "conferences.show_contribution", contribution_id=contribution.id)
    return render_template("conferences/contribution_form.html", edition=edition, form=form, contribution=None,
                           closes=services.local_time(edition, edition.call.closes_at),
                           call_open=edition.call.is_open(services.now())), status


@bp.get("/contributions/<int:contribution_id>")
@login_required
def show_contribution(contribution_id: int):
    """A contribution: for its authors, its conveners, and the reviewers assigned to it (authors hidden if blind)."""
    contribution = _contribution(contribution_id)
    authorize(Action.VIEW_CONTRIBUTION, contribution)
    return _render_contribution(contribution)


def _render_contribution(contribution, review=None, decision=None, status=200):
    edition = contribution.edition
    call = edition.call
    manage = can(current_user, Action.DECIDE_CONTRIBUTION, contribution)
    reviewing = can(current_user, Action.REVIEW_CONTRIBUTION, contribution) and contribution.is_assigned_to(
        current_user.id)
    conflicts = {}
    if manage and contribution.assignments:
        conflicts = computed_conflicts([contribution.id], [a.reviewer_id for a in contribution.assignments])
    return render_template(
        "conferences/contribution.html", contribution=contribution, edition=edition, call=call,
        show_authors=can(current_user, Action.VIEW_CONTRIBUTION_AUTHORS, contribution),
        is_author=contribution.is_author(current_user.id),
        editable=contribution.is_author(current_user.id) and contribution.status == ContributionStatus.SUBMITTED
        and call is not None and call.is_open(services.now()),
        closes=services.local_time(edition, call.closes_at) if call else None,
        manage=manage, reviewing=reviewing and contribution.status == ContributionStatus.SUBMITTED,
        review_form=review or review_form(contribution, current_user.id),
        decision_form=decision or DecisionForm(), assign_form=AssignForm(edition=edition),
        conflict_form=ConflictForm(), withdraw_form=WithdrawForm(), conflicts=conflicts,
        my_scores={s.criterion_id: s for s in contribution.scores if s.reviewer_id == current_user.id},
    ), status


@bp.route("/contributions/<int:contribution_id>/edit", methods=["GET", "POST"])
@login_required
def edit_contribution(contribution_id: int):
    """Its authors change a contribution until the call closes."""
    contribution = _contribution(contribution_id)
    authorize(Action.EDIT_CONTRIBUTION, contribution)
    edition = contribution.edition
    form = contribution_form(edition, contribution, formdata=request.form if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.validate_on_submit():
            try:
                services.update_contribution(contribution, actor=current_user, now=services.now(),
                                             co_authors=form.co_author_list(), **form.contribution_fields(edition.call))
            except DomainError as error:
                _refused(error)
            else:
                return _done(_("Your changes are saved."), "conferences.show_contribution",
                             contribution_id=contribution_id)
    contribution = _contribution(contribution_id)
    return render_template("conferences/contribution_form.html", edition=contribution.edition, form=form,
                           contribution=contribution, closes=services.local_time(edition, edition.call.closes_at),
                           call_open=edition.call.is_open(services.now())), status


@bp.post("/contributions/<int:contribution_id>/withdraw")
@login_required
def withdraw(contribution_id: int):
    contribution = _contribution(contribution_id)
    authorize(Action.EDIT_CONTRIBUTION, contribution)
    form = WithdrawForm()
    if form.validate_on_submit():
        try:
            services.withdraw(contribution, actor=current_user, note=form.note.data)
        except DomainError as error:
            _refused(error)
        else:
            return _done(_("Your contribution is withdrawn."), "conferences.show_contribution",
                         contribution_id=contribution_id)
    return redirect(url_for("conferences.show_contribution", contribution_id=contribution_id))


@bp.post("/contributions/<int:contribution_id>/review")
@login_required
def review(contribution_id: int):
    """An assigned reviewer scores every criterion 1 to 5, with a comment each."""
    contribution = _contribution(contribution_id)
    authorize(Action.REVIEW_CONTRIBUTION, contribution)
    form = review_form(contribution, current_user.id, formdata=request.form)
    if not form.validate():
        return _render_contribution(contribution, review=form, status=400)
    try:
        services.submit_review(contribution, scores_from(form, contribution), actor=current_user)
    except DomainError as error:
        _refused(error)
        return _render_contribution(_contribution(contribution_id), review=form, status=400)
    return _done(_("Your review is saved."), "conferences.show_contribution", contribution_id=contribution_id)


@bp.get("/contributions/<int:contribution_id>/reviews")
@login_required
def reviews(contribution_id: int):
    """Every reviewer's scores and comments on a contribution (names hidden under blind review)."""
    contribution = _contribution(contribution_id)
    authorize(Action.VIEW_REVIEWS, contribution)
    row = services.review_rows([contribution], contribution.edition.criteria,
                               [(s.contribution_id, s.reviewer_id, s.criterion_id, s.value)
                                for s in contribution.scores], {contribution.id: len(contribution.assignments)})[0]
    by_reviewer = {}
    for score in contribution.scores:
        by_reviewer.setdefault(score.reviewer_id, []).append(score)
    return render_template("conferences/reviews.html", contribution=contribution, row=row,
                           by_reviewer=list(by_reviewer.items()),
                           manage=can(current_user, Action.DECIDE_CONTRIBUTION, contribution),
                           show_authors=can(current_user, Action.VIEW_CONTRIBUTION_AUTHORS, contribution))


@bp.post("/contributions/<int:contribution_id>/conflict")
@login_required
def declare_conflict(contribution_id: int):
    """A reviewer declares a conflict of interest and leaves the contribution."""
    contribution = _contribution(contribution_id)
    authorize(Action.DECLARE_CONFLICT, contribution)
    form = ConflictForm()
    if form.validate_on_submit():
        services.declare_conflict(contribution, actor=current_user, note=form.note.data)
        return _done(_("Conflict declared: the contribution goes to someone else."), "conferences.my_reviews")
    return redirect(url_for("conferences.show_contribution", contribution_id=contribution_id))


@bp.post("/contributions/<int:contribution_id>/decision")
@login_required
def decide(contribution_id: int):
    """The convener accepts, rejects or accepts as another type; the authors are told."""
    contribution = _contribution(contribution_id)
    authorize(Action.DECIDE_CONTRIBUTION, contribution)
    form = DecisionForm()
    if not form.validate_on_submit():
        return _render_contribution(contribution, decision=form, status=400)
    try:
        services.decide(contribution, form.decision.data, actor=current_user, message=form.message.data,
                        accepted_as=form.accepted_as.data)
    except DomainError as error:
        _refused(error)
        return _render_contribution(_contribution(contribution_id), decision=form, status=400)
    return _done(_("Decision recorded; the authors will be told."), "conferences.show_contribution",
                 contribution_id=contribution_id)


@bp.post("/contributions/<int:contribution_id>/assign")
@login_required
def assign(contribution_id: int):
    """The convener adds a reviewer by hand (never one in conflict)."""
    contribution = _contribution(contribution_id)
    authorize(Action.MANAGE_CONFERENCE, contribution)
    form = AssignForm(edition=contribution.edition)
    if form.validate_on_submit():
        try:
            services.assign(contribution, form.reviewer.data, actor=current_user)
        except DomainError as error:
            _refused(error)
        else:
            return _done(_("Reviewer assigned."), "conferences.show_contribution", contribution_id=contribution_id)
    else:
        flash(_("Choose a reviewer from the pool."), "error")
    return redirect(url_for("conferences.show_contribution", contribution_id=contribution_id))


@bp.post("/contributions/<int:contribution_id>/unassign/<int:user_id>")
@login_required
def unassign(contribution_id: int, user_id: int):
    contribution = _contribution(contribution_id)
    authorize(Action.MANAGE_CONFERENCE, contribution)
    try:
        services.unassign(contribution, user_id, actor=current_user)
    except DomainError as error:
        _refused(error)
        return redirect(url_for("conferences.show_contribution", contribution_id=contribution_id))
    return _done(_("Reviewer taken off this contribution."), "conferences.show_contribution",
                 contribution_id=contribution_id)


@bp.post("/contributions/<int:contribution_id>/agenda")
@login_required
def to_agenda(contribution_id: int):
    """One click: an accepted contribution becomes an agenda item with its authors as speakers."""
    contribution = _contribution(contribution_id)
    authorize(Action.EDIT_AGENDA, contribution.edition.event)
    authorize(Action.DECIDE_CONTRIBUTION, contribution)
    try:
        services.add_to_agenda(contribution, actor=current_user)
    except DomainError as error:
        _refused(error)
        return redirect(url_for("conferences.show_contribution", contribution_id=contribution_id))
    return _done(_("Added to the agenda: adjust its time there."), "conferences.show_contribution",
                 contribution_id=contribution_id)


# Review overview


@bp.post("/editions/<int:edition_id>/assign")
@login_required
def assign_automatically(edition_id: int):
    """Give every contribution its reviewers: balanced, within tracks and loads, never in conflict."""
    edition = _edition(edition_id)
    authorize(Action.MANAGE_CONFERENCE, edition)
    report = services.assign_automatically(edition, actor=current_user)
    db.session.commit()
    if report.short:
        flash(_("%(made)s assignments made. %(short)s contributions could not get enough reviewers without a "
                "conflict or an overload: add reviewers to the pool or raise their loads.",
                made=report.made, short=len(report.short)), "error")
    else:
        flash(_("%(made)s assignments made; every contribution has its reviewers.", made=report.made), "success")
    return redirect(url_for("conferences.review_table", edition_id=edition.id))


@bp.get("/editions/<int:edition_id>/review")
@login_required
def review_table(edition_id: int):
    """Contributions with mean, spread and a disagreement flag; the sponsored travel accepted so far."""
    edition = _edition(edition_id)
    authorize(Action.MANAGE_CONFERENCE, edition)
    rows = services.review_table(edition)
    if request.args.get("flagged"):
        rows = [r for r in rows if r.disagreement]
    page = max(request.args.get("page", 1, type=int) or 1, 1)
    pages = max((len(rows) + PAGE_SIZE - 1) // PAGE_SIZE, 1)
    return render_template("conferences/review_table.html", edition=edition, rows=rows[(page - 1) * PAGE_SIZE:
                                                                                       page * PAGE_SIZE],
                           total=len(rows), page=min(page, pages), pages=pages,
                           totals=services.selection_totals(edition), flagged=bool(request.args.get("flagged")),
                           disagreement_range=services.DISAGREEMENT_RANGE, disagreement_sd=services.DISAGREEMENT_SD)


@bp.get("/my/contributions")
@login_required
def my_contributions():
    """The contributions I wrote or co-wrote, with their status."""
    return render_template("conferences/my_contributions.html",
                           contributions=services.contributions_of_author(current_user))


@bp.get("/my/reviews")
@login_required
def my_reviews():
    """The contributions I am asked to review (none where I am in conflict)."""
    contributions = services.assignments_of(current_user)
    return render_template("conferences/my_reviews.html", contributions=contributions,
                           done=services.scored_by(current_user, [c.id for c in contributions]))
