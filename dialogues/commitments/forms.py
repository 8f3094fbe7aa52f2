"""Forms for logging, reviewing and reporting on commitments; short and phone-friendly."""
from flask_wtf import FlaskForm
from wtforms import BooleanField, DateField, IntegerField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from dialogues.commitments.enums import SHARES_DONE, ActionKind, CommitmentVisibility, Level, ProgressStatus
from dialogues.core.forms import BLANK, choices, coerce_enum, enum_choices, optional_int

_TEXT_BOX = {"rows": 5, "autocapitalize": "sentences", "spellcheck": "true"}


class CommitmentForm(FlaskForm):
    """What will be done, by when; ``action_steps`` are the event's outcomes it may carry out."""

    title = StringField("What will you do?", validators=[DataRequired(), Length(max=200)],
                        render_kw={"autocapitalize": "sentences"})
    description = TextAreaField("Details: how, with whom, how you will know it is done",
                                validators=[Length(max=5000)], render_kw=_TEXT_BOX)
    due_on = DateField("Done by", validators=[DataRequired(message="Give the date by which it will be done.")])
    kind = SelectField("Kind of action", choices=enum_choices(ActionKind), coerce=coerce_enum(ActionKind))
    level = SelectField("Level", choices=enum_choices(Level), coerce=coerce_enum(Level))
    visibility = SelectField("Who may see it", choices=enum_choices(CommitmentVisibility),
                             coerce=coerce_enum(CommitmentVisibility))
    for_organisation = BooleanField("On behalf of my organisation")
    outcome_id = SelectField("Carries out this agreed action step", coerce=optional_int, validate_choice=True)

    def __init__(self, *args, action_steps=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.outcome_id.choices = [BLANK, *choices((o.id, o.text[:120]) for o in action_steps)]
        if not action_steps:
            del self.outcome_id


class RecordForm(CommitmentForm):
    """A convener records a commitment for someone at the event."""

    owner_id = SelectField("Whose commitment", coerce=optional_int, validators=[InputRequired()])

    def __init__(self, *args, people=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.owner_id.choices = [BLANK, *choices((p.id, p.name) for p in people)]


class ReviewForm(FlaskForm):
    decision = SelectField("Decision", choices=choices([
        ("accept", "Accept: it is specific, measurable, achievable, relevant and time-bound"),
        ("changes", "Ask for changes")]))
    comment = TextAreaField("Comment for the owner", validators=[Length(max=5000)], render_kw=_TEXT_BOX)


class UpdateForm(FlaskForm):
    status = SelectField("Status", choices=enum_choices(ProgressStatus), coerce=coerce_enum(ProgressStatus))
    share_done = SelectField("Share done", choices=choices((str(s), f"{s} %") for s in SHARES_DONE),
                             coerce=int)
    note = TextAreaField("Short note", validators=[Length(max=2000)], render_kw=_TEXT_BOX)
    evidence_links = TextAreaField("Evidence links (one per line, optional)", validators=[Length(max=2000)],
                                   render_kw={"rows": 2, "inputmode": "url", "autocapitalize": "off"})


class RegistryFilterForm(FlaskForm):
    class Meta:
        csrf = False

    q = StringField("Search", validators=[Optional(), Length(max=100)])
    kind = SelectField("Kind", choices=[BLANK, *enum_choices(ActionKind)], coerce=coerce_enum(ActionKind))
    level = SelectField("Level", choices=[BLANK, *enum_choices(Level)], coerce=coerce_enum(Level))


class SettingsForm(FlaskForm):
    inactive_after_days = IntegerField("A commitment is inactive after this many days without an update",
                                       validators=[InputRequired(), NumberRange(min=1, max=3650)])
    remind_due_within_days = IntegerField("Remind when a commitment is due within this many days",
                                          validators=[InputRequired(), NumberRange(min=1, max=365)])
    remind_silent_months = IntegerField("Remind when there has been no update for this many months",
                                        validators=[InputRequired(), NumberRange(min=1, max=60)])
