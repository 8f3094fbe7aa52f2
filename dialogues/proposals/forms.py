"""Forms for proposing issues, scoring them, deciding and weighting the criteria."""
from flask_wtf import FlaskForm
from wtforms import DecimalField, RadioField, SelectField, SelectMultipleField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional
from wtforms.widgets import CheckboxInput, ListWidget

from dialogues.core import codes
from dialogues.core.forms import choices, coerce_enum, enum_choices
from dialogues.proposals.enums import PROPOSAL_TRANSITIONS, Criterion, ProposalStatus, Region


class MultiCheckboxField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class ProposalForm(FlaskForm):
    title = StringField("Issue", validators=[DataRequired(), Length(max=200)])
    problem_statement = TextAreaField("Problem statement", validators=[DataRequired(), Length(max=20000)])
    why_now = TextAreaField("Why now", validators=[Optional(), Length(max=10000)])
    regions = MultiCheckboxField("Regions concerned", choices=enum_choices(Region))
    countries = SelectMultipleField("Countries concerned", choices=choices(codes.country_choices()),
                                    render_kw={"size": 8})
    potential_partners = TextAreaField("Potential partners", validators=[Optional(), Length(max=10000)])
    funding_prospects = TextAreaField("Funding prospects", validators=[Optional(), Length(max=10000)])


SCORE_CHOICES = choices([(str(n), str(n)) for n in range(1, 6)])


def _score_fields():
    fields = {}
    for criterion in Criterion:
        fields[f"score_{criterion.value}"] = RadioField(
            f"{criterion.value}. {criterion.label}", choices=SCORE_CHOICES,
            validators=[DataRequired(message="Give a score from 1 to 5.")],
            description=criterion.description,
        )
        fields[f"comment_{criterion.value}"] = StringField("Comment (optional)", validators=[Optional(), Length(max=2000)])
    return fields


ScoreForm = type("ScoreForm", (FlaskForm,), _score_fields())
ScoreForm.__doc__ = "One member's scores, 1 to 5, on the six criteria, each with an optional comment."


def score_form(proposal, member_id: int, formdata=None) -> FlaskForm:
    """The score form, filled with the member's earlier scores if any."""
    mine = {s.criterion: s for s in proposal.scores if s.member_id == member_id}
    data = {}
    for criterion in Criterion:
        if criterion in mine:
            data[f"score_{criterion.value}"] = str(mine[criterion].value)
            data[f"comment_{criterion.value}"] = mine[criterion].comment
    return ScoreForm(formdata=formdata, data=data)


def scores_from(form) -> dict[Criterion, tuple[int, str]]:
    return {c: (int(form[f"score_{c.value}"].data), form[f"comment_{c.value}"].data or "") for c in Criterion}


class DecisionForm(FlaskForm):
    status = SelectField("New status", coerce=coerce_enum(ProposalStatus))
    reason = TextAreaField("Why", validators=[DataRequired(message="Say why: the reason is kept with the decision."),
                                              Length(max=5000)])

    def __init__(self, *args, proposal, **kwargs):
        super().__init__(*args, **kwargs)
        allowed = [s for s in ProposalStatus if s in PROPOSAL_TRANSITIONS[proposal.status]]
        self.status.choices = choices((s.value, s.label) for s in allowed)


def _weight_fields():
    return {
        f"weight_{c.value}": DecimalField(
            c.label, places=2, default=1,
            validators=[InputRequired(message="Give a weight (0 leaves the criterion out)."), NumberRange(min=0, max=100)],
        )
        for c in Criterion
    }


WeightsForm = type("WeightsForm", (FlaskForm,), _weight_fields())
