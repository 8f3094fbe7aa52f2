"""The language switcher every page carries."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, SelectField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired

from dialogues.languages.selection import AUTONYMS, SUPPORTED


class LanguageSwitchForm(FlaskForm):
    language = SelectField(_l("Language"), choices=[SelectChoice(code, AUTONYMS[code]) for code in SUPPORTED],
                           validators=[InputRequired()])
    next = HiddenField()
