"""Forms for recording, editing and ordering a dialogue's outcomes."""
from flask_wtf import FlaskForm
from wtforms import SelectField, TextAreaField
from wtforms.validators import Length

from dialogues.core.forms import choices, coerce_enum, enum_choices
from dialogues.outcomes.enums import OutcomeKind

# Typed on phones after a long day: a tall box, sentence capitals, spell checking.
_TEXT_BOX = {"rows": 8, "autocapitalize": "sentences", "spellcheck": "true"}
_TEXT_LENGTH = Length(max=20000, message="Keep an item under 20,000 characters; split a long text into several items.")


def _text_field():
    # Blank text is refused by the service, so that the rule holds for the command line too.
    return TextAreaField("Text", validators=[_TEXT_LENGTH], render_kw=_TEXT_BOX)


class OutcomeForm(FlaskForm):
    kind = SelectField("Kind", choices=enum_choices(OutcomeKind), coerce=coerce_enum(OutcomeKind))
    text = _text_field()


class OutcomeTextForm(FlaskForm):
    text = _text_field()


class MoveForm(FlaskForm):
    direction = SelectField("Direction", choices=choices([("up", "Up"), ("down", "Down")]))
