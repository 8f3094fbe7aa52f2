"""Forms of the budget pages. Amounts and currencies are typed as text and checked by the
services, so a bad one gets the service's message on its field and the form keeps what was typed."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, Optional

from dialogues.budgets.enums import EntryKind, LineCategory, SourceKind, SourceStatus
from dialogues.core.forms import BLANK, choices, enum_choices, optional_int


class MoneyFields:
    amount = StringField(_l("Amount"), validators=[InputRequired(), Length(max=30)])
    currency = StringField(_l("Currency (ISO 4217, e.g. GBP, USD, PEN)"),
                           validators=[InputRequired(), Length(max=3)])
    value_date = DateField(_l("Value date"), validators=[InputRequired()])


class LineForm(MoneyFields, FlaskForm):
    category = SelectField(_l("Category"), choices=enum_choices(LineCategory), validators=[DataRequired()])
    description = StringField(_l("Description (optional)"), validators=[Optional(), Length(max=200)])
    heading_id = SelectField(_l("Use-of-funds heading"), coerce=optional_int, validate_choice=True)
    amount = StringField(_l("Planned amount"), validators=[InputRequired(), Length(max=30)])

    def __init__(self, *args, headings=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.heading_id.choices = [BLANK, *choices((h.id, h.name) for h in headings)]


class RevisionForm(MoneyFields, FlaskForm):
    amount = StringField(_l("New planned amount"), validators=[InputRequired(), Length(max=30)])
    reason = TextAreaField(_l("Why the plan changes"), validators=[InputRequired(), Length(max=2000)])


class EntryForm(MoneyFields, FlaskForm):
    kind = SelectField(_l("Kind"), choices=enum_choices(EntryKind), validators=[DataRequired()])
    payee = StringField(_l("Payee or purpose"), validators=[Optional(), Length(max=200)])
    reference = StringField(_l("Reference (invoice, contract)"), validators=[Optional(), Length(max=100)])


class RateForm(FlaskForm):
    base_currency = StringField(_l("One unit of (ISO 4217)"), validators=[InputRequired(), Length(max=3)])
    quote_currency = StringField(_l("is worth, in (ISO 4217)"), validators=[InputRequired(), Length(max=3)])
    rate = StringField(_l("Rate"), validators=[InputRequired(), Length(max=30)])
    rate_date = DateField(_l("From"), validators=[InputRequired()])
    source = StringField(_l("Source (optional)"), validators=[Optional(), Length(max=200)])


class HeadingForm(FlaskForm):
    name = StringField(_l("Heading"), validators=[InputRequired(), Length(max=200)])


class OpenBudgetForm(FlaskForm):
    pass


class SourceForm(FlaskForm):
    donor = StringField(_l("Donor or sponsor (organisation)"), validators=[InputRequired(), Length(max=200)])
    kind = SelectField(_l("Kind"), choices=enum_choices(SourceKind), validators=[DataRequired()])
    status = SelectField(_l("Status"), choices=enum_choices(SourceStatus), validators=[DataRequired()])
    amount = StringField(_l("Amount (for in kind: its stated value)"), validators=[InputRequired(), Length(max=30)])
    currency = StringField(_l("Currency (ISO 4217, e.g. GBP, USD, PEN)"),
                           validators=[InputRequired(), Length(max=3)])
    value_date = DateField(_l("Value date"), validators=[InputRequired()])
    description = TextAreaField(_l("What it funds (optional)"), validators=[Optional(), Length(max=2000)])
    reference = StringField(_l("Reference (optional)"), validators=[Optional(), Length(max=100)])


class FinanceForm(FlaskForm):
    reporting_currency = StringField(_l("Reporting currency (ISO 4217)"), validators=[InputRequired(), Length(max=3)])
    fiscal_year_start_month = SelectField(_l("Fiscal year starts in month"), coerce=int,
                                          choices=choices((m, str(m)) for m in range(1, 13)))
