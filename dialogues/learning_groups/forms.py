"""Forms for learning groups: the group and its host, members, the logframe, plans, reports, presentations."""
from datetime import date
from decimal import Decimal

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import (
    BooleanField, DateField, DecimalField, IntegerField, SelectField, SelectMultipleField, StringField, TextAreaField,
)
from wtforms.validators import DataRequired, Email, Length, NumberRange, Optional, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from dialogues.accounts.enums import Gender, OrganisationKind, StakeholderGroup
from dialogues.core.enums import Visibility
from dialogues.core.forms import (
    BLANK, CountryField, LanguagesField, TimezoneField, choices, coerce_enum, enum_choices, optional_int,
)
from dialogues.learning_groups.enums import (
    REVIEW_TRANSITIONS, REVIEWER_MOVES, ActivityKind, ActivityStatus, IndicatorUnit, ReviewStatus,
)


class MultiCheckboxField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class GroupForm(FlaskForm):
    title = StringField(_l("Name of the group"), validators=[DataRequired(), Length(max=200)])
    country = CountryField(_l("Country"), validators=[DataRequired(message=_l("Choose the group's country."))])
    summary = TextAreaField(_l("Summary"), validators=[Optional(), Length(max=20000)])
    visibility = SelectField(_l("Who can see it"), choices=enum_choices(Visibility), coerce=coerce_enum(Visibility))


class HostForm(FlaskForm):
    organisation_name = StringField(_l("Host organisation"), validators=[DataRequired(), Length(max=200)])
    organisation_kind = SelectField(_l("Kind of organisation"), choices=enum_choices(OrganisationKind),
                                    coerce=coerce_enum(OrganisationKind), default=OrganisationKind.CIVIL_SOCIETY)
    coordinator_email = StringField(_l("Coordinator's email (a person at the host with an account here)"),
                                    validators=[Optional(), Email(), Length(max=254)])


class SettingsForm(FlaskForm):
    publish_members = BooleanField(_l("Show the members to the public"))
    publish_work = BooleanField(_l("Show approved work plans and reports to the public"))
    output_ids = MultiCheckboxField(_l("Outputs of the programme's logframe the group works on"), coerce=int)

    def __init__(self, *args, outputs=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.output_ids.choices = choices((o.id, o.title) for o in outputs)


class MemberForm(FlaskForm):
    email = StringField(_l("Email"), validators=[DataRequired(), Email(), Length(max=254)])
    name = StringField(_l("Name (for someone without an account yet)"), validators=[Optional(), Length(max=200)])
    stakeholder_group = SelectField(_l("Stakeholder group"), choices=[BLANK, *enum_choices(StakeholderGroup)],
                                    coerce=coerce_enum(StakeholderGroup))
    organisation_name = StringField(_l("Organisation"), validators=[Optional(), Length(max=200)])
    gender = SelectField(_l("Gender (optional)"), choices=[BLANK, *enum_choices(Gender)], coerce=coerce_enum(Gender))
    languages = LanguagesField(_l("Languages"))
    joined_on = DateField(_l("Joined on"), default=date.today, validators=[DataRequired()])


class JoinForm(FlaskForm):
    note = TextAreaField(_l("Why you would like to join (optional)"), validators=[Optional(), Length(max=2000)])


class DecideMemberForm(FlaskForm):
    decision = SelectField(_l("Decision"), choices=choices([("accept", _l("Accept")), ("decline", _l("Decline"))]))
    joined_on = DateField(_l("Joined on"), default=date.today, validators=[DataRequired()])


class LeaveForm(FlaskForm):
    left_on = DateField(_l("Left on"), default=date.today, validators=[DataRequired()])


class OutputForm(FlaskForm):
    theme = StringField(_l("Theme"), validators=[Optional(), Length(max=200)])
    title = StringField(_l("Output"), validators=[DataRequired(), Length(max=300)])


def parse_targets(text: str) -> dict[int, Decimal]:
    """Targets written one a line as "2027: 12" (or "2027 12")."""
    targets = {}
    for line in (text or "").splitlines():
        line = line.strip()
        if not line:
            continue
        parts = line.replace(":", " ").replace("=", " ").split()
        try:
            year, value = int(parts[0]), Decimal(parts[1].replace(",", "."))
        except (IndexError, ValueError, ArithmeticError):
            raise ValidationError(_l("Write each target as a year and a value, e.g. “2027: 12”.")) from None
        if not 2000 <= year <= 2100 or not value.is_finite():
            raise ValidationError(_l("Write each target as a year and a value, e.g. “2027: 12”."))
        if year in targets:
            raise ValidationError(_l("Give one target per year."))
        targets[year] = value
    return targets


class IndicatorForm(FlaskForm):
    name = StringField(_l("Indicator"), validators=[DataRequired(), Length(max=300)])
    unit = SelectField(_l("Unit"), choices=enum_choices(IndicatorUnit), coerce=coerce_enum(IndicatorUnit))
    baseline = DecimalField(_l("Baseline (blank for 0)"), default=Decimal(0), validators=[Optional()])
    targets = TextAreaField(_l("Targets, one a line (e.g. “2027: 12”)"), validators=[Optional(), Length(max=2000)])

    def validate_targets(self, field):
        parse_targets(field.data)


class PlanForm(FlaskForm):
    year = IntegerField(_l("Year"), validators=[DataRequired(), NumberRange(min=2000, max=2100)])
    summary = TextAreaField(_l("Summary"), validators=[Optional(), Length(max=20000)])


class ActivityForm(FlaskForm):
    kind = SelectField(_l("Kind"), choices=enum_choices(ActivityKind), coerce=coerce_enum(ActivityKind))
    title = StringField(_l("Activity"), validators=[DataRequired(), Length(max=300)])
    description = TextAreaField(_l("Description"), validators=[Optional(), Length(max=20000)])
    output_id = SelectField(_l("Output it serves"), coerce=optional_int,
                            validators=[DataRequired(message=_l("Choose the output the activity serves."))])
    lead_member_id = SelectField(_l("Lead member"), coerce=optional_int)
    starts_on = DateField(_l("Starts on"), validators=[Optional()])
    ends_on = DateField(_l("Ends on"), validators=[Optional()])
    status = SelectField(_l("Status"), choices=enum_choices(ActivityStatus), coerce=coerce_enum(ActivityStatus))
    budget_line_ids = MultiCheckboxField(_l("Budget lines (the group's budget for the plan's year)"), coerce=int)

    def __init__(self, *args, outputs=(), members=(), budget_lines=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.output_id.choices = [BLANK, *choices((o.id, o.title) for o in outputs)]
        self.lead_member_id.choices = [BLANK, *choices((m.id, m.user.name) for m in members)]
        self.budget_line_ids.choices = choices((line.id, line.name) for line in budget_lines)
        if not budget_lines:
            del self.budget_line_ids

    def validate_ends_on(self, field):
        if self.starts_on.data and field.data and field.data < self.starts_on.data:
            raise ValidationError(_l("The activity must end after it starts."))


class ReviewForm(FlaskForm):
    """Moves the user may make from the current status, from the table of allowed moves."""

    status = SelectField(_l("Decision"), coerce=coerce_enum(ReviewStatus))
    reason = TextAreaField(_l("Comment (required when returning)"), validators=[Optional(), Length(max=5000)])

    def __init__(self, *args, current: ReviewStatus, may_submit: bool, may_decide: bool, **kwargs):
        super().__init__(*args, **kwargs)
        moves = [s for s in REVIEW_TRANSITIONS[current]
                 if (may_decide if s in REVIEWER_MOVES else may_submit)]
        self.status.choices = choices((s.value, s.verb) for s in moves)

    @property
    def has_moves(self) -> bool:
        return bool(self.status.choices)


class NewReportForm(FlaskForm):
    period_start = SelectField(_l("Period"))

    def __init__(self, *args, periods=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.period_start.choices = choices((start.isoformat(), f"{start:%d %b %Y} – {end:%d %b %Y}")
                                            for start, end in periods)


def report_form(report, indicators, formdata=None):
    """The report's form: a summary, per activity a status and what happened, per indicator a value and evidence."""
    fields = {"summary": TextAreaField(_l("Summary of the period"), validators=[Optional(), Length(max=20000)])}
    notes = {n.activity_id: n for n in report.activity_notes}
    values = {v.indicator_id: v for v in report.values}
    data = {"summary": report.summary}
    for activity in report.plan.activities:
        fields[f"activity_{activity.id}_status"] = SelectField(
            activity.title, choices=enum_choices(ActivityStatus), coerce=coerce_enum(ActivityStatus))
        fields[f"activity_{activity.id}_text"] = TextAreaField(_l("What happened"),
                                                               validators=[Optional(), Length(max=20000)])
        note = notes.get(activity.id)
        data[f"activity_{activity.id}_status"] = note.status if note else activity.status
        data[f"activity_{activity.id}_text"] = note.text if note else ""
    for indicator in indicators:
        fields[f"indicator_{indicator.id}_value"] = StringField(
            f"{indicator.name} ({indicator.unit.label})", validators=[Optional(), Length(max=30)])
        fields[f"indicator_{indicator.id}_evidence"] = TextAreaField(_l("Evidence"),
                                                                     validators=[Optional(), Length(max=5000)])
        value = values.get(indicator.id)
        data[f"indicator_{indicator.id}_value"] = f"{value.value.normalize():f}" if value else ""
        data[f"indicator_{indicator.id}_evidence"] = value.evidence if value else ""
    form_class = type("ReportForm", (FlaskForm,), fields)
    return form_class(formdata=formdata, data=data)


class LearningEventForm(FlaskForm):
    title = StringField(_l("Title"), validators=[DataRequired(), Length(max=200)])
    summary = TextAreaField(_l("Summary"), validators=[Optional(), Length(max=20000)])
    starts_on = DateField(_l("First day"), validators=[DataRequired(message=_l("Give the first day (YYYY-MM-DD)."))])
    ends_on = DateField(_l("Last day"), validators=[DataRequired(message=_l("Give the last day (YYYY-MM-DD)."))])
    timezone = TimezoneField(_l("Time zone"), default="UTC")
    venue = StringField(_l("Venue"), validators=[Optional(), Length(max=200)])
    city = StringField(_l("City"), validators=[Optional(), Length(max=100)])
    country = CountryField(_l("Country"))
    working_languages = LanguagesField(_l("Working languages"))

    def validate_ends_on(self, field):
        if self.starts_on.data and field.data and field.data < self.starts_on.data:
            raise ValidationError(_l("The last day cannot be before the first day."))


class PresentationForm(FlaskForm):
    file = FileField(_l("Presentation file (PDF, PowerPoint or OpenDocument; optional if you write it below)"))
    achievements = TextAreaField(_l("Achievements"), validators=[Optional(), Length(max=20000)])
    tactics = TextAreaField(_l("Tactics"), validators=[Optional(), Length(max=20000)])
    lessons = TextAreaField(_l("Lessons"), validators=[Optional(), Length(max=20000)])
    challenges = TextAreaField(_l("Challenges"), validators=[Optional(), Length(max=20000)])
    next_work_plan = TextAreaField(_l("Next work plan"), validators=[Optional(), Length(max=20000)])


class PeerReviewForm(FlaskForm):
    text = TextAreaField(_l("Your comment to the team"), validators=[DataRequired(), Length(max=5000)])
