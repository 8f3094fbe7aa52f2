from flask_wtf import FlaskForm
from wtforms import SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional
from flask_babel import lazy_gettext as _l

from dialogues.core.enums import Visibility
from dialogues.core.forms import CountryField, coerce_enum, enum_choices
from dialogues.programmes.enums import ProgrammeKind


class ProgrammeForm(FlaskForm):
    kind = SelectField(_l("Kind"), choices=enum_choices(ProgrammeKind), coerce=coerce_enum(ProgrammeKind))
    title = StringField(_l("Title"), validators=[DataRequired(), Length(max=200)])
    summary = TextAreaField(_l("Summary"), validators=[Optional(), Length(max=20000)])
    country = CountryField(_l("Country (for a learning group)"))
    visibility = SelectField(_l("Who can see it"), choices=enum_choices(Visibility), coerce=coerce_enum(Visibility))
