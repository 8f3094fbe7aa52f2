"""The language switcher (choose a language and stay on the same page), and conveners giving
an event's content in its other working languages."""
import logging

from flask import Blueprint, abort, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from dialogues.accounts import services as accounts
from dialogues.agenda import services as agenda
from dialogues.agenda.models import AgendaItem
from dialogues.core import codes
from dialogues.core.redirects import safe_next
from dialogues.core.views import child_or_404, run_service
from dialogues.events.models import Event
from dialogues.extensions import db
from dialogues.languages import services as content
from dialogues.languages.forms import TRANSLATION_FORMS, ContentLanguageForm, LanguageSwitchForm
from dialogues.languages.selection import SESSION_KEY
from dialogues.outcomes import services as outcomes
from dialogues.outcomes.models import Outcome
from dialogues.permissions import Action, authorize, can

bp = Blueprint("languages", __name__)
logger = logging.getLogger(__name__)


@bp.post("/language")
def switch():
    """Show the site in the chosen language from now on, back on the page the switch was on."""
    form = LanguageSwitchForm()
    back = safe_next(form.next.data) or url_for("events.home")
    if form.validate_on_submit():
        session[SESSION_KEY] = form.language.data
        # A signed-in person's preference comes first, so the switch must change it too.
        if current_user.is_authenticated:
            accounts.choose_language(current_user, form.language.data, actor=current_user)
            db.session.commit()
    return redirect(back)


# What a convener translates, by kind: the row and who may change it.
PIECES = {
    "event": (Event, Action.EDIT_EVENT),
    "agenda_item": (AgendaItem, Action.EDIT_AGENDA),
    "outcome": (Outcome, Action.RECORD_OUTCOMES),
}


def _translator_event(event_id: int) -> Event:
    event = db.get_or_404(Event, event_id)
    if not any(can(current_user, action, event) for _model, action in PIECES.values()):
        authorize(Action.EDIT_EVENT, event)
    return event


@bp.get("/events/<int:event_id>/translations")
@login_required
def translations(event_id: int):
    """What of an event's content is given in which of its working languages, with links to add more."""
    event = _translator_event(event_id)
    pieces = [("event", event, can(current_user, Action.EDIT_EVENT, event))]
    may_agenda = can(current_user, Action.EDIT_AGENDA, event)
    pieces += [("agenda_item", item, may_agenda) for item in agenda.event_items(event)]
    may_outcomes = can(current_user, Action.RECORD_OUTCOMES, event)
    pieces += [("outcome", outcome, may_outcomes)
               for outcome_list in outcomes.outcomes_by_kind(event).values() for outcome in outcome_list]
    given = {piece: [codes.language_name(code) for code in languages]
             for piece, languages in content.languages_given(event).items()}
    form = ContentLanguageForm(languages=event.working_languages or [],
                               data={"content_language": content.original_language(event)})
    return render_template(
        "languages/translations.html", event=event, pieces=pieces, given=given, form=form,
        original=content.original_language(event), languages=content.translation_languages(event),
        may_edit_event=can(current_user, Action.EDIT_EVENT, event),
    )


@bp.post("/events/<int:event_id>/translations/original")
@login_required
def set_original(event_id: int):
    """Say which working language the event's title, summary, agenda and outcomes were typed in."""
    event = db.get_or_404(Event, event_id)
    authorize(Action.EDIT_EVENT, event)
    form = ContentLanguageForm(languages=event.working_languages or [])
    if form.validate_on_submit():
        if run_service(content.set_original_language, event, form.content_language.data, actor=current_user):
            flash(_("The content's original language is now %(language)s.",
                    language=codes.language_name(form.content_language.data)), "success")
    else:
        flash(_("Choose one of the event's working languages."), "error")
    return redirect(url_for("languages.translations", event_id=event.id))


@bp.route("/events/<int:event_id>/translations/<kind>/<int:object_id>", methods=["GET", "POST"])
@login_required
def translate(event_id: int, kind: str, object_id: int):
    """Give one piece of the event's content (title and summary, an agenda item, an outcome) in another language."""
    if kind not in PIECES:
        abort(404)
    model, action = PIECES[kind]
    event = db.get_or_404(Event, event_id)
    if kind != "event":
        piece = child_or_404(model, object_id, event_id=event.id)
    elif object_id == event.id:
        piece = event
    else:
        abort(404)
    authorize(action, event)
    languages = content.translation_languages(event)
    existing = content.translations_of(piece)
    wanted = request.args.get("language")
    language = wanted if wanted in languages else next(iter(languages), None)
    form_class = TRANSLATION_FORMS[kind]
    form = form_class(languages=languages, data={"language": language, **existing.get(language, {})})
    if languages and form.validate_on_submit():
        texts = {name: form[name].data for name in content.TRANSLATABLE[kind]}
        if run_service(content.save_translation, piece, form.language.data, texts, actor=current_user,
                       error_field=form.language):
            flash(_("Translation into %(language)s saved.", language=codes.language_name(form.language.data)),
                  "success")
            return redirect(url_for("languages.translations", event_id=event.id))
    return render_template(
        "languages/translate.html", event=event, kind=kind, piece=piece, form=form, existing=existing,
        languages=languages, original=content.original_language(event),
        fields=list(content.TRANSLATABLE[kind]),
    )
