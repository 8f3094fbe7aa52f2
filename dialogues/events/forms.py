"""Forms for creating, editing and finding events."""
from flask_babel import gettext as _, lazy_gettext as _l, ngettext
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
    kind = SelectField(_l("Kind"), choices=enum_choices(EventKind), coerce=coerce_enum(EventKind))
    title = StringField(_l("Title"), validators=[DataRequired(), Length(max=200)])
    summary = TextAreaField(_l("Summary"), validators=[Optional(), Length(max=20000)])
    starts_on = DateField(_l("First day"), validators=[DataRequired(message=_l("Give the first day (YYYY-MM-DD)."))])
    ends_on = DateField(_l("Last day"), validators=[Optional()])
    timezone = TimezoneField(_l("Time zone"), blank_label=_l("The country's zone"), default="")
    agenda_times = RadioField(
        _l("If the time zone changes, the agenda items…"),
        choices=choices([("local", _l("keep their local times (09:00 stays 09:00 in the new zone)")),
                         ("instant", _l("keep the same moments (their local times change with the zone)"))]),
        validate_choice=False,  # checked below: needed only when the zone changes
    )
    venue = StringField(_l("Venue"), validators=[Optional(), Length(max=200)])
    city = StringField(_l("City"), validators=[Optional(), Length(max=100)])
    country = CountryField(_l("Country"))
    working_languages = LanguagesField(_l("Working languages"))
    visibility = SelectField(_l("Who can see it"), choices=enum_choices(Visibility), coerce=coerce_enum(Visibility))
    status = SelectField(_l("Status"), choices=enum_choices(EventStatus), coerce=coerce_enum(EventStatus))
    programme_id = SelectField(_l("Programme"), coerce=optional_int)
    scope = SelectField(_l("Scope"), choices=[BLANK, *enum_choices(DialogueScope)], coerce=coerce_enum(DialogueScope))
    capacity = IntegerField(_l("Participants (capacity)"), validators=[Optional(), NumberRange(min=1, max=100000)])
    sponsored_places = IntegerField(_l("Of whom sponsored, at most"), validators=[Optional(), NumberRange(min=0, max=100000)])
    field_days = IntegerField(_l("Days in the field"), validators=[Optional(), NumberRange(min=0, max=60)])
    meeting_days = IntegerField(_l("Days in a meeting room"), validators=[Optional(), NumberRange(min=0, max=60)])
    indicative_budget = DecimalField(_l("Indicative budget"), places=2, validators=[Optional(), NumberRange(min=0)])
    budget_currency = CurrencyField(_l("Currency"))
    registration_mode = SelectField(_l("Registration"), choices=enum_choices(RegistrationMode),
                                    coerce=coerce_enum(RegistrationMode), default=RegistrationMode.OPEN)
    offer_hours = IntegerField(_l("Hours a freed place is held for the next person on the waiting list"), default=72,
                               validators=[DataRequired(), NumberRange(min=1, max=720)])
    max_group_share = IntegerField(_l("Warn when one stakeholder group passes this share (%)"), default=40,
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
            listed = ", ".join(zones[:6]) + (", …" if len(zones) > 6 else "")
            raise ValidationError(ngettext(
                "%(country)s has %(num)d time zone: choose one (%(zones)s).",
                "%(country)s has %(num)d time zones: choose one (%(zones)s).",
                len(zones), country=codes.country_name(self.country.data), zones=listed))

    def validate_agenda_times(self, field):
        if field.data not in (None, "", "local", "instant"):
            raise ValidationError(_("Not a valid choice."))
        if self.timezone.data != self.zone_before and field.data not in ("local", "instant"):
            raise ValidationError(_(
                "The time zone changes and the agenda has items: choose whether they keep their local times "
                "or their moments."
            ))

    def validate_ends_on(self, field):
        if self.starts_on.data and field.data and field.data < self.starts_on.data:
            raise ValidationError(_("The last day cannot be before the first day."))

    def validate_sponsored_places(self, field):
        if field.data is not None and self.capacity.data is not None and field.data > self.capacity.data:
            raise ValidationError(_("There cannot be more sponsored places than places."))

    def validate_budget_currency(self, field):
        if self.indicative_budget.data is not None and not field.data:
            raise ValidationError(_("Choose the currency of the budget."))


class EventFilterForm(FlaskForm):
    """The filters on the events list, read from the query string."""

    class Meta:
        csrf = False

    when = SelectField(_l("When"), choices=choices([("upcoming", _l("Upcoming")), ("past", _l("Past"))]), default="upcoming")
    kind = SelectField(_l("Kind"), choices=[*choices([("", _l("All kinds"))]), *enum_choices(EventKind)], coerce=coerce_enum(EventKind))
    country = CountryField(_l("Country"))
