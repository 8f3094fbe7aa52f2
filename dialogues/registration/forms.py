"""Forms for registering, asking for sponsorship, and deciding on it."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, DecimalField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from dialogues.accounts.enums import StakeholderGroup
from dialogues.core.forms import (
    BLANK, CountryField, CurrencyField, LanguagesField, choices, coerce_enum, enum_choices,
)
from dialogues.registration.enums import CostItem
from dialogues.registration.services import DETAIL_FIELDS


class RegistrationForm(FlaskForm):
    stakeholder_group = SelectField(_l("Stakeholder group"), choices=[BLANK, *enum_choices(StakeholderGroup)],
                                    coerce=coerce_enum(StakeholderGroup),
                                    validators=[DataRequired(message=_l("Choose the group you speak for."))])
    organisation_name = StringField(_l("Organisation"), validators=[Optional(), Length(max=200)])
    country = CountryField(_l("Country"), validators=[DataRequired(message=_l("Choose your country."))])
    languages = LanguagesField(_l("Languages you speak"))
    interpretation_needs = TextAreaField(_l("Interpretation you need"), validators=[Optional(), Length(max=2000)],
                                         render_kw={"rows": 2})
    access_needs = TextAreaField(_l("Access needs"), validators=[Optional(), Length(max=2000)], render_kw={"rows": 2})
    dietary_needs = TextAreaField(_l("Dietary needs"), validators=[Optional(), Length(max=2000)], render_kw={"rows": 2})
    visa_letter_needed = BooleanField(_l("I need a letter to support my visa application"))
    listed = BooleanField(_l("Show my name, organisation and country in the participant list that other participants see"))

    def details(self) -> dict:
        return {name: self[name].data for name in DETAIL_FIELDS}


def _amount(label):
    return DecimalField(label, places=2, validators=[Optional(), NumberRange(min=0, message=_l("Cannot be negative."))])


class SponsorshipForm(FlaskForm):
    currency = CurrencyField(_l("Currency"), validators=[DataRequired(message=_l("Choose the currency."))])
    travel = _amount(CostItem.TRAVEL.label)
    accommodation = _amount(CostItem.ACCOMMODATION.label)
    per_diem = _amount(CostItem.PER_DIEM.label)
    visa = _amount(CostItem.VISA.label)
    justification = TextAreaField(_l("Why you need sponsorship"), validators=[DataRequired(), Length(max=5000)])

    def amounts(self) -> dict:
        return {item: self[item.value].data or 0 for item in CostItem}


class AwardForm(FlaskForm):
    decision = SelectField(_l("Decision"), choices=choices([("award", _l("Award (in full or in part)")), ("decline", _l("Decline"))]))
    awarded_travel = _amount(_l("Travel awarded"))
    awarded_accommodation = _amount(_l("Accommodation awarded"))
    awarded_per_diem = _amount(_l("Per diem awarded"))
    awarded_visa = _amount(_l("Visa costs awarded"))
    note = TextAreaField(_l("Note to the person"), validators=[Optional(), Length(max=2000)])

    def amounts(self) -> dict:
        return {item: self[f"awarded_{item.value}"].data or 0 for item in CostItem}
