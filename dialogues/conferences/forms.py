"""Forms for editions, sponsors, the call, submissions, reviews and decisions."""
from flask_babel import gettext as _, lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField, DateField, DecimalField, IntegerField, RadioField, SelectField, SelectMultipleField, StringField,
    TextAreaField, TimeField,
)
from wtforms.validators import DataRequired, Email, InputRequired, Length, NumberRange, Optional, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from dialogues.accounts.enums import OrganisationKind
from dialogues.conferences.enums import ContributionType, Decision, SponsorDisplay, SponsorLevel, SponsorStatus
from dialogues.conferences.services import CoAuthor
from dialogues.core import codes
from dialogues.core.forms import (
    BLANK, CountryField, CurrencyField, LanguagesField, TimezoneField, choices, coerce_enum, enum_choices,
    optional_int,
)


class MultiCheckboxField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


def lines(text: str | None) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class EditionForm(FlaskForm):
    number = IntegerField(_l("Edition number"), validators=[InputRequired(message=_l("Give the edition's number.")),
                                                        NumberRange(min=1, max=1000)])
    host_country = CountryField(_l("Host country"))
    host_city = StringField(_l("Host city"), validators=[Optional(), Length(max=100)])
    host_organisations = TextAreaField(_l("Host organisations (one per line)"), validators=[Optional(), Length(max=2000)])
    theme = StringField(_l("Theme"), validators=[Optional(), Length(max=300)])
    recorded_participants = IntegerField(_l("Participants (for editions held before this site)"),
                                         validators=[Optional(), NumberRange(min=0, max=100000)])
    proceedings_note = StringField(_l("Published proceedings (e.g. title and publisher)"),
                                   validators=[Optional(), Length(max=300)])
    travel_cap = DecimalField(_l("Cap on sponsored travel for accepted contributions"), places=2,
                              validators=[Optional(), NumberRange(min=0)])
    cap_currency = CurrencyField(_l("Currency of the cap"))

    def validate_cap_currency(self, field):
        if self.travel_cap.data is not None and not field.data:
            raise ValidationError(_("Give the currency of the cap."))

    def edition_fields(self) -> dict:
        data = {name: self[name].data for name in ("number", "host_country", "host_city", "theme",
                                                   "recorded_participants", "proceedings_note", "travel_cap",
                                                   "cap_currency")}
        data["host_organisations"] = lines(self.host_organisations.data)
        return data


class NextEditionForm(EditionForm):
    title = StringField(_l("Title"), validators=[DataRequired(), Length(max=200)])
    starts_on = DateField(_l("First day"), validators=[DataRequired(message=_l("Give the first day (YYYY-MM-DD)."))])
    ends_on = DateField(_l("Last day"), validators=[DataRequired(message=_l("Give the last day (YYYY-MM-DD)."))])
    timezone = TimezoneField(_l("Time zone"), default="UTC")
    venue = StringField(_l("Venue"), validators=[Optional(), Length(max=200)])
    working_languages = LanguagesField(_l("Working languages"))

    def validate_ends_on(self, field):
        if self.starts_on.data and field.data and field.data < self.starts_on.data:
            raise ValidationError(_("The last day cannot be before the first day."))

    def event_fields(self) -> dict:
        return {name: self[name].data for name in ("title", "starts_on", "ends_on", "timezone", "venue",
                                                   "working_languages")}


class SponsorForm(FlaskForm):
    organisation_name = StringField(_l("Organisation"), validators=[DataRequired(), Length(max=200)])
    organisation_kind = SelectField(_l("Kind of organisation"), choices=enum_choices(OrganisationKind),
                                    coerce=coerce_enum(OrganisationKind), default=OrganisationKind.DONOR)
    level = SelectField(_l("Level"), choices=enum_choices(SponsorLevel), coerce=coerce_enum(SponsorLevel))
    status = SelectField(_l("Status"), choices=enum_choices(SponsorStatus), coerce=coerce_enum(SponsorStatus))
    amount = DecimalField(_l("Amount"), places=2, validators=[Optional(), NumberRange(min=0)])
    currency = CurrencyField(_l("Currency"))
    funds = TextAreaField(_l("What it funds (e.g. sponsored places for ten women miners)"),
                          validators=[Optional(), Length(max=2000)])
    sponsored_places = IntegerField(_l("Sponsored places it pays for"), validators=[Optional(), NumberRange(min=0, max=1000)])
    display = SelectField(_l("How the sponsor appears on the edition's page"), choices=enum_choices(SponsorDisplay),
                          coerce=coerce_enum(SponsorDisplay), default=SponsorDisplay.NAME)

    def validate_currency(self, field):
        if self.amount.data is not None and not field.data:
            raise ValidationError(_("Give the currency of the amount."))

    def sponsor_fields(self) -> dict:
        return {name: self[name].data for name in ("level", "status", "amount", "currency", "funds",
                                                   "sponsored_places", "display")}


class TrackForm(FlaskForm):
    title = StringField(_l("Track"), validators=[DataRequired(), Length(max=100)])
    description = StringField(_l("Description"), validators=[Optional(), Length(max=2000)])


class CriterionForm(FlaskForm):
    label = StringField(_l("Criterion"), validators=[DataRequired(), Length(max=100)])
    weight = DecimalField(_l("Weight"), places=2, default=1,
                          validators=[InputRequired(message=_l("Give a weight above 0.")), NumberRange(min=0.01, max=100)])
    description = StringField(_l("What reviewers should look for"), validators=[Optional(), Length(max=2000)])


class ReviewerForm(FlaskForm):
    email = StringField(_l("Email of someone with an account"), validators=[DataRequired(), Email(), Length(max=254)])
    track_ids = MultiCheckboxField(_l("Tracks they review (none ticked: any)"), coerce=int)
    max_load = IntegerField(_l("Most contributions they take"), default=10,
                            validators=[InputRequired(), NumberRange(min=1, max=500)])

    def __init__(self, *args, edition, **kwargs):
        super().__init__(*args, **kwargs)
        self.track_ids.choices = choices((t.id, t.title) for t in edition.tracks)


class CallForm(FlaskForm):
    opens_on = DateField(_l("Opens on"), validators=[DataRequired(message=_l("Give the day the call opens (YYYY-MM-DD)."))])
    opens_time = TimeField(_l("at"), default=None, validators=[Optional()])
    closes_on = DateField(_l("Closes on"), validators=[DataRequired(message=_l("Give the day the call closes (YYYY-MM-DD)."))])
    closes_time = TimeField(_l("at"), validators=[Optional()])
    introduction = TextAreaField(_l("Introduction to the call"), validators=[Optional(), Length(max=20000)])
    contribution_types = MultiCheckboxField(_l("Types of contribution asked for"), choices=enum_choices(ContributionType),
                                            validators=[DataRequired(message=_l("Choose at least one type."))])
    languages = LanguagesField(_l("Languages accepted"), validators=[DataRequired(message=_l("Choose at least one language."))])
    questions = TextAreaField(_l("Questions every submission answers (one per line)"), validators=[Optional(),
                                                                                                Length(max=5000)])
    blind_review = BooleanField(_l("Blind review: reviewers do not see who the authors are"))
    reviewers_per_contribution = IntegerField(_l("Reviewers per contribution"), default=3,
                                              validators=[InputRequired(), NumberRange(min=1, max=10)])


def _contribution_fields(call, edition) -> dict:
    fields = {}
    for number, question in enumerate(call.questions):
        fields[f"answer_{number}"] = TextAreaField(
            question, validators=[DataRequired(message=_l("Answer this question.")), Length(max=5000)])
    return fields


class _ContributionBase(FlaskForm):
    title = StringField(_l("Title"), validators=[DataRequired(), Length(max=200)])
    kind = SelectField(_l("Type"), coerce=coerce_enum(ContributionType))
    track_id = SelectField(_l("Track"), coerce=optional_int)
    language = SelectField(_l("Language"))
    abstract = TextAreaField(_l("Abstract"), validators=[DataRequired(message=_l("Write the abstract.")), Length(max=5000)],
                             render_kw={"rows": 8})
    co_authors = TextAreaField(
        _l("Co-authors, one per line: their email, then their name if they have no account here yet"),
        validators=[Optional(), Length(max=5000)], render_kw={"rows": 3})
    needs_sponsorship = BooleanField(_l("Some of us need sponsorship to travel to the conference"))
    sponsored_places = IntegerField(_l("How many of the authors need a sponsored place"), default=0,
                                    validators=[Optional(), NumberRange(min=0, max=20)])
    travel_estimate = DecimalField(_l("Estimated travel cost for them"), places=2,
                                   validators=[Optional(), NumberRange(min=0, max=1_000_000)])

    def validate_co_authors(self, field):
        for line in lines(field.data):
            email = line.split(",", 1)[0].strip()
            if "@" not in email or " " in email:
                raise ValidationError(_("“%(email)s” is not an email address; write the email first, then a comma.",
                                        email=email))

    def validate_sponsored_places(self, field):
        if self.needs_sponsorship.data and not field.data:
            raise ValidationError(_("Say how many of the authors need a sponsored place."))

    def co_author_list(self) -> list[CoAuthor]:
        result = []
        for line in lines(self.co_authors.data):
            email, _comma, name = line.partition(",")
            result.append(CoAuthor(email.strip(), name.strip()))
        return result

    def contribution_fields(self, call) -> dict:
        data = {name: self[name].data for name in ("title", "kind", "track_id", "language", "abstract",
                                                   "needs_sponsorship", "sponsored_places", "travel_estimate")}
        data["answers"] = [self[f"answer_{n}"].data for n in range(len(call.questions))]
        return data


def contribution_form(edition, contribution=None, formdata=None):
    """The submission form for ``edition``'s call, with its questions; filled from ``contribution`` when editing."""
    call = edition.call
    form_class = type("ContributionForm", (_ContributionBase,), _contribution_fields(call, edition))
    data = {}
    if contribution is not None:
        data = {name: getattr(contribution, name) for name in (
            "title", "kind", "track_id", "language", "abstract", "needs_sponsorship", "sponsored_places",
            "travel_estimate")}
        data["co_authors"] = "\n".join(a.user.email for a in contribution.authors[1:])
        for number, answer in enumerate(contribution.answers or []):
            data[f"answer_{number}"] = answer
    form = form_class(formdata=formdata, data=data) if formdata is not None else form_class(data=data)
    form.kind.choices = choices((t.value, t.label) for t in call.types)
    form.track_id.choices = choices((t.id, t.title) for t in edition.tracks) if edition.tracks else [BLANK]
    names = dict(codes.language_choices())
    form.language.choices = choices((code, names.get(code, codes.language_name(code))) for code in call.languages)
    currency = edition.cap_currency or ""
    if currency:
        form.travel_estimate.label.text = _("Estimated travel cost for them (%(currency)s)", currency=currency)
    return form


SCORE_CHOICES = choices([(str(n), str(n)) for n in range(1, 6)])


def review_form(contribution, reviewer_id: int, formdata=None):
    """Scores 1 to 5 and a comment on each of the edition's criteria, filled with the reviewer's earlier ones."""
    fields = {}
    for criterion in contribution.edition.criteria:
        fields[f"score_{criterion.id}"] = RadioField(
            _("%(criterion)s (weight %(weight)s)", criterion=criterion.label, weight=f"{criterion.weight.normalize():f}"),
            choices=SCORE_CHOICES,
            validators=[DataRequired(message=_l("Give a score from 1 to 5."))], description=criterion.description)
        fields[f"comment_{criterion.id}"] = TextAreaField(_("Comment on %(criterion)s", criterion=criterion.label.lower()),
                                                          validators=[Optional(), Length(max=5000)])
    form_class = type("ReviewForm", (FlaskForm,), fields)
    mine = {s.criterion_id: s for s in contribution.scores if s.reviewer_id == reviewer_id}
    data = {}
    for criterion_id, score in mine.items():
        data[f"score_{criterion_id}"] = str(score.value)
        data[f"comment_{criterion_id}"] = score.comment
    return form_class(formdata=formdata, data=data) if formdata is not None else form_class(data=data)


def scores_from(form, contribution) -> dict[int, tuple[int, str]]:
    return {c.id: (int(form[f"score_{c.id}"].data), form[f"comment_{c.id}"].data or "")
            for c in contribution.edition.criteria}


class DecisionForm(FlaskForm):
    decision = SelectField(_l("Decision"), choices=enum_choices(Decision), coerce=coerce_enum(Decision))
    accepted_as = SelectField(_l("Accepted as (for “accept as another type”)"),
                              choices=[BLANK, *enum_choices(ContributionType)], coerce=coerce_enum(ContributionType))
    message = TextAreaField(_l("Message to the authors"),
                            validators=[DataRequired(message=_l("Write the message to the authors.")), Length(max=10000)])

    def validate_accepted_as(self, field):
        if self.decision.data == Decision.ACCEPT_AS_OTHER_TYPE and not field.data:
            raise ValidationError(_("Choose the type the contribution is accepted as."))


class AssignForm(FlaskForm):
    reviewer = SelectField(_l("Add a reviewer from the pool"), validators=[DataRequired()])

    def __init__(self, *args, edition, **kwargs):
        super().__init__(*args, **kwargs)
        self.reviewer.choices = choices((r.user.email, r.user.name) for r in edition.reviewers)


class ConflictForm(FlaskForm):
    note = StringField(_l("Why (seen by the conveners only)"), validators=[Optional(), Length(max=2000)])


class WithdrawForm(FlaskForm):
    note = StringField(_l("Why (optional)"), validators=[Optional(), Length(max=2000)])
