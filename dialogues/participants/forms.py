"""Forms for importing invitees and checking people in."""
from flask_babel import gettext as _, lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import HiddenField, IntegerField, TextAreaField
from wtforms.validators import AnyOf, Length, NumberRange, Optional, ValidationError

from dialogues.participants.imports import MAX_BYTES


class ImportForm(FlaskForm):
    """A CSV file, or its rows pasted from a spreadsheet."""

    file = FileField(_l("CSV file"))
    text = TextAreaField(_l("Or paste the rows here"), validators=[Length(max=MAX_BYTES)],
                         render_kw={"rows": 10, "spellcheck": "false", "autocapitalize": "off"})

    def validate_text(self, field):
        if self.file.data is None and not (field.data or "").strip():
            raise ValidationError(_("Choose a CSV file, or paste the rows with their header."))


class CheckInForm(FlaskForm):
    """Present or not; ``q`` and ``page`` bring the host back to where they were in the list."""

    attended = HiddenField(validators=[AnyOf(("0", "1"))])
    q = HiddenField()
    page = IntegerField(validators=[Optional(), NumberRange(min=1)])
