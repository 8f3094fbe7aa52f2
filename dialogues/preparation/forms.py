"""Forms for the preparation checklist and background papers."""
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import DateField, HiddenField, SelectField, StringField
from wtforms.validators import AnyOf, DataRequired, Length, Optional, ValidationError

from dialogues.core.forms import BLANK, LanguageField, choices, optional_int
from dialogues.preparation.services import is_web_address



class TaskForm(FlaskForm):
    """Who owns a step and when it is due; the owner is chosen from ``people``."""

    owner_id = SelectField("Owner", coerce=optional_int)
    due_on = DateField("Due on", validators=[Optional()])

    def __init__(self, *args, people=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.owner_id.choices = [BLANK, *choices((p.id, p.name) for p in people)]


class NewTaskForm(FlaskForm):
    title = StringField("Step", validators=[DataRequired(message="Give the step a name."), Length(max=200)])
    due_on = DateField("Due on", validators=[Optional()])


class TickForm(FlaskForm):
    done = HiddenField(validators=[AnyOf(["0", "1"])])


class PaperForm(FlaskForm):
    """A background paper: an uploaded file or a web link, never both."""

    title = StringField("Title", validators=[DataRequired(message="Give the paper's title."), Length(max=300)])
    authors = StringField("Authors", validators=[Optional(), Length(max=300)])
    language = LanguageField("Language", validators=[DataRequired()])
    file = FileField("File (PDF, Word or OpenDocument text)", render_kw={"accept": ".pdf,.doc,.docx,.odt"})
    url = StringField("Or a link to it", validators=[Optional(), Length(max=1000)])

    def validate_url(self, field):
        if field.data and not is_web_address(field.data.strip()):
            raise ValidationError("Give a web address that starts with http:// or https://.")

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        has_file, has_url = self.file.data is not None, bool(self.url.data)
        if has_file == has_url:
            self.url.errors = [*self.url.errors, "Add either a file or a link, not both." if has_file
                               else "Choose a file to upload, or give a link."]
            return False
        return valid
