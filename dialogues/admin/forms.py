"""Secretariat forms: inviting people and granting roles."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, SelectField, StringField
from wtforms.validators import DataRequired, Email, Length, ValidationError

from dialogues.core.forms import BLANK, choices, coerce_enum, enum_choices
from dialogues.permissions import Role


class InviteUserForm(FlaskForm):
    name = StringField("Name", validators=[DataRequired(), Length(max=200)])
    email = EmailField("Email", validators=[DataRequired(), Email(check_deliverability=False), Length(max=254)])


class GrantRoleForm(FlaskForm):
    """A role and where it holds: site-wide, or ``programme:ID`` / ``event:ID``."""

    # No role is preselected: granting one is a choice the secretariat makes each time.
    role = SelectField("Role", choices=[BLANK, *enum_choices(Role)], coerce=coerce_enum(Role),
                       validators=[DataRequired(message=_l("Choose the role to grant."))])
    scope = SelectField("On", validate_choice=True)

    def __init__(self, *args, programmes=(), events=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.scope.choices = [
            *choices([("", "Site-wide (secretariat only)")]),
            *choices(((f"programme:{p.id}", f"{p.kind.label}: {p.title}") for p in programmes), "Programmes"),
            *choices(((f"event:{e.id}", f"{e.title} ({e.starts_on:%Y})") for e in events), "Events"),
        ]

    def validate_scope(self, field):
        if self.role.data is None:
            return
        if self.role.data == Role.SECRETARIAT and field.data:
            raise ValidationError("The secretariat role is site-wide: choose “Site-wide”.")
        if self.role.data != Role.SECRETARIAT and not field.data:
            raise ValidationError("Choose the programme or event this role is for.")
