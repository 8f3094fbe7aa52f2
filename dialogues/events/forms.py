"""Forms for creating, editing and finding events."""
from flask_wtf import FlaskForm
from wtforms import DateField, DecimalField, IntegerField, RadioField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange, Optional, ValidationError

from dialogues.core import codes
from dialogues.core.enums import Visibility
from dialogues.core.forms import (
    BLANK, CountryField, CurrencyField, LanguagesField, TimezoneField, choices, coerce_enum, enum_choices,
    optional_int,
)
from dialogues.events.enums import DialogueScope, EventKind, EventStatus
from dialogues.registration.enums import RegistrationMode



class EventForm(FlaskForm):
    kind = SelectField("Kind", choices=enum_choices(EventKind), coerce=coerce_enum(EventKind))
    title = StringField("Title", validators=[DataRequired(), Length(max=200)])
    summary = TextAreaField("Summary", validators=[Optional(), Length(max=20000)])
    starts_on = DateField("First day", validators=[DataRequired(message="Give the first day (YYYY-MM-DD).")])
    ends_on = DateField("Last day", validators=[Optional()])
    timezone = TimezoneField("Time zone", blank_label="The country's zone", default="")
    agenda_times = RadioField(
        "If the time zone changes, the agenda items…",
        choices=choices([("local", "keep their local times (09:00 stays 09:00 in the new zone)"),
                         ("instant", "keep the same moments (their local times change with the zone)")]),
        validate_choice=False,  # checked below: needed only when the zone changes
    )
    venue = StringField("Venue", validators=[Optional(), Length(max=200)])
    city = StringField("City", validators=[Optional(), Length(max=100)])
    country = CountryField("Country")
    working_languages = LanguagesField("Working languages")
    visibility = SelectField("Who can see it", choices=enum_choices(Visibility), coerce=coerce_enum(Visibility))
    status = SelectField("Status", choices=enum_choices(EventStatus), coerce=coerce_enum(EventStatus))
    programme_id = SelectField("Programme", coerce=optional_int)
    scope = SelectField("Scope", choices=[BLANK, *enum_choices(DialogueScope)], coerce=coerce_enum(DialogueScope))
    capacity = IntegerField("Participants (capacity)", validators=[Optional(), NumberRange(min=1, max=100000)])
    sponsored_places = IntegerField("Of whom sponsored, at most", validators=[Optional(), NumberRange(min=0, max=100000)])
    field_days = IntegerField("Days in the field", validators=[Optional(), NumberRange(min=0, max=60)])
    meeting_days = IntegerField("Days in a meeting room", validators=[Optional(), NumberRange(min=0, max=60)])
    indicative_budget = DecimalField("Indicative budget", places=2, validators=[Optional(), NumberRange(min=0)])
    budget_currency = CurrencyField("Currency")
    registration_mode = SelectField("Registration", choices=enum_choices(RegistrationMode),
                                    coerce=coerce_enum(RegistrationMode), default=RegistrationMode.OPEN)
    offer_hours = IntegerField("Hours a freed place is held for the next person on the waiting list", default=72,
                               validators=[DataRequired(), NumberRange(min=1, max=720)])
    max_group_share = IntegerField("Warn when one stakeholder group passes this share (%)", default=40,
                                   validators=[DataRequired(), NumberRange(min=1, max=100)])

    def __init__(self, *args, programmes=(), zone_before: str | None = None, has_agenda: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        # Only an event that already has agenda items is asked what a new zone does to them.
        self.zone_before = zone_before
        if not has_agenda:
            del self.agenda_times
        self.programme_id.choices = [BLANK, *choices((p.id, f"{p.kind.label}: {p.title}") for p in programmes)]
        self.timezone.suggest_for(self.country.data)

    def validate_timezone(self, field):
        """An empty zone is the country's: settled when the country has one zone, asked when it has several."""
        if field.data:
            return
        zones = codes.country_timezones(self.country.data)
        if len(zones) == 1:
            field.data = zones[0]
        elif not self.country.data:
            field.data = "UTC"
        else:
            raise ValidationError(
                f"{codes.country_name(self.country.data)} has {len(zones)} time zones: "
                f"choose one ({', '.join(zones[:6])}{', …' if len(zones) > 6 else ''})."
            )

    def validate_agenda_times(self, field):
        if field.data not in (None, "", "local", "instant"):
            raise ValidationError("Not a valid choice.")
        if self.timezone.data != self.zone_before and field.data not in ("local", "instant"):
            raise ValidationError(
                "The time zone changes and the agenda has items: choose whether they keep their local times "
                "or their moments."
            )

    def validate_ends_on(self, field):
        if self.starts_on.data and field.data and field.data < self.starts_on.data:
            raise ValidationError("The last day cannot be before the first day.")

    def validate_sponsored_places(self, field):
        if field.data is not None and self.capacity.data is not None and field.data > self.capacity.data:
            raise ValidationError("There cannot be more sponsored places than places.")

    def validate_budget_currency(self, field):
        if self.indicative_budget.data is not None and not field.data:
            raise ValidationError("Choose the currency of the budget.")


class EventFilterForm(FlaskForm):
    """The filters on the events list, read from the query string."""

    class Meta:
        csrf = False

    when = SelectField("When", choices=choices([("upcoming", "Upcoming"), ("past", "Past")]), default="upcoming")
    kind = SelectField("Kind", choices=[*choices([("", "All kinds")]), *enum_choices(EventKind)], coerce=coerce_enum(EventKind))
    country = CountryField("Country")
