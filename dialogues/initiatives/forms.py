"""The form that takes up an issue as an initiative, and edits it later."""
from flask_wtf import FlaskForm
from wtforms import DateField, IntegerField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange, Optional, ValidationError
from flask_babel import gettext as _, lazy_gettext as _l

from dialogues.initiatives.enums import MemberKind

PEOPLE_HINT = _l("Email addresses of people with an account, one per line.")
ORGANISATIONS_HINT = _l("Organisation names, one per line.")


class InitiativeForm(FlaskForm):
    title = StringField(_l("Title"), validators=[DataRequired(), Length(max=200)])
    summary = TextAreaField(_l("Summary"), validators=[Optional(), Length(max=20000)])
    starts_on = DateField(_l("Starts"), validators=[DataRequired(message=_l("Give the start date (YYYY-MM-DD)."))])
    ends_on = DateField(_l("Ends"), validators=[DataRequired(message=_l("Give the end date (YYYY-MM-DD)."))])
    planned_dialogues = IntegerField(_l("Planned number of dialogues"), default=10,
                                     validators=[DataRequired(), NumberRange(min=1, max=100)])
    co_chair = TextAreaField(MemberKind.CO_CHAIR.label, validators=[Optional(), Length(max=5000)])
    advisory_group = TextAreaField(MemberKind.ADVISORY_GROUP.label, validators=[Optional(), Length(max=20000)])
    partner = TextAreaField(MemberKind.PARTNER.label, validators=[Optional(), Length(max=10000)])
    donor = TextAreaField(MemberKind.DONOR.label, validators=[Optional(), Length(max=10000)])
    local_host = TextAreaField(MemberKind.LOCAL_HOST.label, validators=[Optional(), Length(max=10000)])

    def validate_ends_on(self, field):
        if self.starts_on.data and field.data and field.data < self.starts_on.data:
            raise ValidationError(_("The initiative cannot end before it starts."))

    def lines(self, kind: MemberKind) -> list[str]:
        return [line.strip() for line in (self[kind.value].data or "").splitlines() if line.strip()]

    def fill_members(self, initiative) -> None:
        for kind in MemberKind:
            members = initiative.members_of(kind)
            self[kind.value].data = "\n".join(m.user.email if kind.is_person else m.organisation.name for m in members)


HINTS = {kind.value: PEOPLE_HINT if kind.is_person else ORGANISATIONS_HINT for kind in MemberKind}
