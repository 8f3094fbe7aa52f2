"""Forms for creating, editing and finding events."""
from flask_wtf import FlaskForm
from wtforms import DateField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from dialogues.core.enums import Visibility
from dialogues.core.forms import (
    BLANK, CountryField, LanguagesField, TimezoneField, choices, enum_choices, coerce_enum,
)
from dialogues.events.enums import EventKind, EventStatus


def _optional_int(value):
    if value in ("", None):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return value


class EventForm(FlaskForm):
    kind = SelectField("Kind", choices=enum_choices(EventKind), coerce=coerce_enum(EventKind))
    title = StringField("Title", validators=[DataRequired(), Length(max=200)])
    summary = TextAreaField("Summary", validators=[Optional(), Length(max=20000)])
    starts_on = DateField("First day", validators=[DataRequired(message="Give the first day (YYYY-MM-DD).")])
    ends_on = DateField("Last day", validators=[DataRequired(message="Give the last day (YYYY-MM-DD).")])
    timezone = TimezoneField("Time zone", default="UTC")
    venue = StringField("Venue", validators=[Optional(), Length(max=200)])
    city = StringField("City", validators=[Optional(), Length(max=100)])
    country = CountryField("Country")
    working_languages = LanguagesField("Working languages")
    visibility = SelectField("Who can see it", choices=enum_choices(Visibility), coerce=coerce_enum(Visibility))
    status = SelectField("Status", choices=enum_choices(EventStatus), coerce=coerce_enum(EventStatus))
    programme_id = SelectField("Programme", coerce=_optional_int)

    def __init__(self, *args, programmes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.programme_id.choices = [BLANK, *choices((p.id, f"{p.kind.label}: {p.title}") for p in programmes)]

    def validate_ends_on(self, field):
        if self.starts_on.data and field.data and field.data < self.starts_on.data:
            raise ValidationError("The last day cannot be before the first day.")


class EventFilterForm(FlaskForm):
    """The filters on the events list, read from the query string."""

    class Meta:
        csrf = False

    when = SelectField("When", choices=choices([("upcoming", "Upcoming"), ("past", "Past")]), default="upcoming")
    kind = SelectField("Kind", choices=[*choices([("", "All kinds")]), *enum_choices(EventKind)], coerce=coerce_enum(EventKind))
    country = CountryField("Country")
