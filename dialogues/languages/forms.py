"""The language switcher every page carries, and the forms for content in several languages."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length, Optional

from dialogues.core import codes
from dialogues.languages.selection import AUTONYMS, SUPPORTED


class LanguageSwitchForm(FlaskForm):
    language = SelectField(_l("Language"), choices=[SelectChoice(code, AUTONYMS[code]) for code in SUPPORTED],
                           validators=[InputRequired()])
    next = HiddenField()


def _language_choices(codes_: list[str]) -> list[SelectChoice]:
    return [SelectChoice(code, codes.language_name(code)) for code in codes_]


class TranslationForm(FlaskForm):
    """One piece of an event's content in another of its working languages; the text fields come from the kind."""

    language = SelectField(_l("Language"), validators=[InputRequired()])

    def __init__(self, *args, languages: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.language.choices = _language_choices(languages)


class EventTranslationForm(TranslationForm):
    title = StringField(_l("Title"), validators=[Optional(), Length(max=200)])
    summary = TextAreaField(_l("Summary"), validators=[Optional(), Length(max=20000)], render_kw={"rows": 8})


class AgendaItemTranslationForm(TranslationForm):
    title = StringField(_l("Title"), validators=[Optional(), Length(max=200)])


class OutcomeTranslationForm(TranslationForm):
    text = TextAreaField(_l("Text"), validators=[Optional(), Length(max=20000)], render_kw={"rows": 8})


TRANSLATION_FORMS = {"event": EventTranslationForm, "agenda_item": AgendaItemTranslationForm,
                     "outcome": OutcomeTranslationForm}


class ContentLanguageForm(FlaskForm):
    """Which working language an event's content was typed in."""

    content_language = SelectField(_l("Written in"), validators=[InputRequired()])

    def __init__(self, *args, languages: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.content_language.choices = _language_choices(languages)
