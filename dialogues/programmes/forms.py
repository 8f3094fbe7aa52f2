from flask_wtf import FlaskForm
from wtforms import SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from dialogues.core.enums import Visibility
from dialogues.core.forms import CountryField, coerce_enum, enum_choices
from dialogues.programmes.enums import ProgrammeKind


class ProgrammeForm(FlaskForm):
    kind = SelectField("Kind", choices=enum_choices(ProgrammeKind), coerce=coerce_enum(ProgrammeKind))
    title = StringField("Title", validators=[DataRequired(), Length(max=200)])
    summary = TextAreaField("Summary", validators=[Optional(), Length(max=20000)])
    country = CountryField("Country (for a learning group)")
    visibility = SelectField("Who can see it", choices=enum_choices(Visibility), coerce=coerce_enum(Visibility))
