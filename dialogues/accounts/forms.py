"""Forms for signing up, logging in, passwords and profiles."""
from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, PasswordField, SelectField, StringField
from wtforms.validators import DataRequired, Email, EqualTo, Length, Optional, ValidationError
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from dialogues.accounts.enums import Gender, OrganisationKind, StakeholderGroup
from dialogues.core.forms import BLANK, CountryField, LanguageField, LanguagesField, enum_choices, coerce_enum

PASSWORD_RULES = [DataRequired(), Length(min=8, max=128, message=_l("Use between 8 and 128 characters."))]


class LoginForm(FlaskForm):
    email = EmailField(_l("Email"), validators=[DataRequired(), Length(max=254)])
    password = PasswordField(_l("Password"), validators=[DataRequired(), Length(max=128)])
    remember = BooleanField(_l("Keep me signed in on this device"))


class SignUpForm(FlaskForm):
    name = StringField(_l("Your name"), validators=[DataRequired(), Length(max=200)])
    email = EmailField(
        _l("Email"), validators=[DataRequired(), Email(check_deliverability=False), Length(max=254)]
    )
    password = PasswordField(_l("Password"), validators=PASSWORD_RULES)
    confirm = PasswordField(
        _l("Password again"), validators=[DataRequired(), EqualTo("password", message=_l("The two passwords differ."))]
    )
    preferred_language = LanguageField(_l("Language you prefer for messages"), default="en")


class ForgotPasswordForm(FlaskForm):
    email = EmailField(_l("Your email"), validators=[DataRequired(), Length(max=254)])


class SetPasswordForm(FlaskForm):
    password = PasswordField(_l("New password"), validators=PASSWORD_RULES)
    confirm = PasswordField(
        _l("New password again"), validators=[DataRequired(), EqualTo("password", message=_l("The two passwords differ."))]
    )


class ChangePasswordForm(SetPasswordForm):
    current_password = PasswordField(_l("Current password"), validators=[DataRequired(), Length(max=128)])


class ProfileForm(FlaskForm):
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=200)])
    preferred_language = LanguageField(_l("Language you prefer for messages"))
    country = CountryField(_l("Country"))
    organisation_name = StringField(_l("Organisation"), validators=[Optional(), Length(max=200)])
    organisation_kind = SelectField(
        _l("Kind of organisation"),
        choices=[BLANK, *enum_choices(OrganisationKind)],
        coerce=coerce_enum(OrganisationKind),
    )
    stakeholder_group = SelectField(
        _l("Stakeholder group"),
        choices=[BLANK, *enum_choices(StakeholderGroup)],
        coerce=coerce_enum(StakeholderGroup),
    )
    gender = SelectField(
        _l("Gender (optional)"), choices=[BLANK, *enum_choices(Gender)], coerce=coerce_enum(Gender)
    )
    gender_self_description = StringField(_l("In your own words"), validators=[Length(max=100)])
    languages = LanguagesField(_l("Languages you speak"))

    def validate_gender_self_description(self, field):
        if self.gender.data == Gender.SELF_DESCRIBED and not (field.data or "").strip():
            raise ValidationError(_("Describe your gender in your own words, or choose another answer."))

    def validate_organisation_kind(self, field):
        if (self.organisation_name.data or "").strip() and field.data is None:
            raise ValidationError(_("Choose the kind of organisation."))
