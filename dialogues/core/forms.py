"""Form fields shared by every area: codes (country, language, time zone) and enums."""
from enum import Enum

from flask_babel import gettext as _
from markupsafe import Markup, escape
from wtforms import SelectField, SelectMultipleField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import ValidationError
from wtforms.widgets import TextInput

from dialogues.core import codes

BLANK = SelectChoice("", "—")


def choices(pairs, optgroup: str | None = None) -> list[SelectChoice]:
    """Select options from (value, label) pairs."""
    return [SelectChoice(value, label, optgroup=optgroup) for value, label in pairs]


def enum_choices(enum_cls: type[Enum]) -> list[SelectChoice]:
    return choices((member.value, member.label) for member in enum_cls)


def coerce_enum(enum_cls: type[Enum]):
    """A select's coerce function: blank means None; an unknown value is kept as sent,
    so that validation answers "Not a valid choice" rather than a coercion error."""

    def coerce(value):
        if value in ("", None):
            return None
        try:
            return enum_cls(value)
        except ValueError:
            return value

    return coerce


def optional_str(value):
    return value or None


def optional_int(value):
    """A select's coerce function for ids: blank means None; junk is kept as sent, so
    validation answers "Not a valid choice" rather than a coercion error."""
    if value in ("", None):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return value


class CountryField(SelectField):
    """An ISO 3166-1 alpha-2 country; blank allowed unless a DataRequired validator is given."""

    def __init__(self, label=None, validators=None, **kwargs):
        super().__init__(label, validators, coerce=optional_str, choices=[BLANK, *choices(codes.country_choices())], **kwargs)


def language_options() -> list[SelectChoice]:
    """ISO 639-1 languages, the common ones of the sector first."""
    names = dict(codes.language_choices())
    common = [(code, names[code]) for code in codes.COMMON_LANGUAGES if code in names]
    rest = [(code, name) for code, name in codes.language_choices() if code not in codes.COMMON_LANGUAGES]
    return [*choices(common, "Common"), *choices(rest, "All languages")]


class LanguageField(SelectField):
    """One ISO 639-1 language."""

    def __init__(self, label=None, validators=None, **kwargs):
        super().__init__(label, validators, choices=language_options(), **kwargs)


class LanguagesField(SelectMultipleField):
    """Several ISO 639-1 languages."""

    def __init__(self, label=None, validators=None, **kwargs):
        kwargs.setdefault("render_kw", {"size": 8})
        super().__init__(label, validators, choices=language_options(), **kwargs)


class ZoneInput(TextInput):
    """A text box for an IANA zone name with a short list of suggestions (a datalist): the
    full list has over 500 zones, too heavy to send to every phone."""

    def __call__(self, field, **kwargs):
        list_id = f"{field.id}-zones"
        kwargs.setdefault("autocomplete", "off")
        kwargs.setdefault("spellcheck", "false")
        box = super().__call__(field, list=list_id, **kwargs)
        options = "".join(f'<option value="{escape(zone)}">' for zone in field.suggestions)
        return Markup(f'{box}<datalist id="{list_id}">{options}</datalist>')


class TimezoneField(StringField):
    """An IANA time zone name, typed or picked from the zones of the event's country; with
    ``blank_label`` (shown in the empty box) it may be left empty (the form then decides)."""

    widget = ZoneInput()

    def __init__(self, label=None, validators=None, blank_label=None, **kwargs):
        if blank_label is not None:
            kwargs.setdefault("render_kw", {"placeholder": blank_label})
        self.allows_blank = blank_label is not None
        super().__init__(label, validators, filters=[lambda value: value.strip() if value else value], **kwargs)
        self.suggestions = codes.suggested_timezones(None)

    def suggest_for(self, country: str | None) -> None:
        """Offer ``country``'s zones (and keep the current value among the suggestions)."""
        self.suggestions = codes.suggested_timezones(country, self.data)

    def pre_validate(self, form):
        if self.allows_blank and not self.data:
            return
        if not codes.is_timezone(self.data):
            raise ValidationError(_("Choose a time zone from the list (an IANA name such as Africa/Maputo)."))


class CurrencyField(SelectField):
    """An ISO 4217 currency."""

    def __init__(self, label=None, validators=None, **kwargs):
        super().__init__(label, validators, coerce=optional_str,
                         choices=[BLANK, *choices(codes.currency_choices())], **kwargs)
