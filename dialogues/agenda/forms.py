"""Forms for agenda items, entered in the event's local time."""
import re

from flask_wtf import FlaskForm
from wtforms import DateField, DecimalField, SelectField, StringField, TextAreaField, TimeField
from wtforms.validators import DataRequired, Length, NumberRange, Optional, ValidationError

from dialogues.agenda.enums import ItemKind
from dialogues.agenda.services import local_instant
from dialogues.core.errors import DomainError
from dialogues.core.forms import coerce_enum, enum_choices


def email_list(text: str | None) -> list[str]:
    """Addresses from a box where they are separated by commas, semicolons, spaces or lines."""
    return [part for part in re.split(r"[\s,;]+", text or "") if part]


class AgendaItemForm(FlaskForm):
    title = StringField("Title", validators=[DataRequired(), Length(max=200)])
    kind = SelectField("Type", choices=enum_choices(ItemKind), coerce=coerce_enum(ItemKind),
                       default=ItemKind.PLENARY.value)
    day = DateField("Day", validators=[DataRequired()])
    starts = TimeField("Starts (event's local time)", validators=[DataRequired()])
    ends = TimeField("Ends (event's local time)", validators=[DataRequired()])
    location = StringField("Room or field site", validators=[Optional(), Length(max=200)])
    latitude = DecimalField("Latitude", places=6, validators=[Optional(), NumberRange(-90, 90)])
    longitude = DecimalField("Longitude", places=6, validators=[Optional(), NumberRange(-180, 180)])
    track = StringField("Track (for parallel sessions)", validators=[Optional(), Length(max=100)])
    speakers = TextAreaField("Speakers (email addresses)", validators=[Optional()], render_kw={"rows": 2})
    facilitators = TextAreaField("Facilitators (email addresses)", validators=[Optional()], render_kw={"rows": 2})
    language_note = StringField("Language or interpretation", validators=[Optional(), Length(max=200)])
    description = TextAreaField("Description", validators=[Optional()], render_kw={"rows": 4})

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event

    def _instant(self, field):
        try:
            return local_instant(self.event.timezone, self.day.data, field.data)
        except DomainError as error:
            raise ValidationError(str(error)) from error

    def validate_starts(self, field):
        if self.day.data and field.data:
            self._instant(field)

    def validate_ends(self, field):
        # Fields validate in order, so a bad start has already been reported on its own.
        if not (self.day.data and field.data and self.starts.data) or self.starts.errors:
            return
        if self._instant(field) <= self._instant(self.starts):
            raise ValidationError("The item must end after it starts (items end on the day they start).")

    def item_fields(self) -> dict:
        """What the services take: instants in UTC, people as lists of addresses."""
        return {
            "title": self.title.data, "kind": self.kind.data, "description": self.description.data or "",
            "starts_at": local_instant(self.event.timezone, self.day.data, self.starts.data),
            "ends_at": local_instant(self.event.timezone, self.day.data, self.ends.data),
            "location": self.location.data or "", "latitude": self.latitude.data, "longitude": self.longitude.data,
            "track": self.track.data or "", "language_note": self.language_note.data or "",
            "speakers": email_list(self.speakers.data), "facilitators": email_list(self.facilitators.data),
        }


class ItemFormData:
    """An item's values as the form shows them, in the event's local time."""

    def __init__(self, item, zone: str):
        start, end = item.local_start(zone), item.local_end(zone)
        self.title, self.kind, self.description = item.title, item.kind, item.description
        self.day, self.starts, self.ends = start.date(), start.time().replace(tzinfo=None), end.time().replace(tzinfo=None)
        self.location, self.latitude, self.longitude = item.location, item.latitude, item.longitude
        self.track, self.language_note = item.track, item.language_note
        self.speakers = "\n".join(p.user.email for p in item.people if p.role.value == "speaker")
        self.facilitators = "\n".join(p.user.email for p in item.people if p.role.value == "facilitator")
