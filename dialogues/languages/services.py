"""Content in several languages: which text a reader sees, and conveners adding translations.

An event's title and summary, its agenda items' titles and its outcomes are typed in one
language, the event's content language. Conveners may add the same text in the event's
other working languages. A reader sees their own language when it is there, else the
original, marked as such.
"""
import logging
from dataclasses import dataclass

import sqlalchemy as sa
from flask_babel import gettext as _

from dialogues.core import codes, formatting
from dialogues.core.actors import describe
from dialogues.core.errors import DomainError
from dialogues.extensions import db
from dialogues.languages.models import ContentTranslation

logger = logging.getLogger(__name__)

# What may be translated, by kind of piece (named after its table), and each field's longest text:
# the same bounds as the original's.
KINDS = {"events": "event", "agenda_items": "agenda_item", "outcomes": "outcome"}
TRANSLATABLE = {
    "event": {"title": 200, "summary": 20000},
    "agenda_item": {"title": 200},
    "outcome": {"text": 20000},
}


@dataclass(frozen=True)
class Shown:
    """The text a reader sees for one field, the language it is in, and whether it is the original
    shown for want of the reader's own language."""

    text: str
    language: str
    original: bool

    def __str__(self) -> str:
        return self.text


def kind_of(obj) -> str:
    """"event", "agenda_item" or "outcome" for a translatable row; TypeError for anything else."""
    try:
        return KINDS[obj.__tablename__]
    except (AttributeError, KeyError):
        raise TypeError(f"not translatable: {obj!r}") from None


def event_of(obj):
    """The event a translatable piece belongs to (an event is its own)."""
    return obj if kind_of(obj) == "event" else obj.event


def original_language(event) -> str:
    """The language the event's content was typed in: as set, else its first working language, else English."""
    return event.content_language or next(iter(event.working_languages or []), None) or "en"


def translation_languages(event) -> list[str]:
    """The working languages a piece of the event may be translated into (all but the original)."""
    original = original_language(event)
    return [code for code in event.working_languages or [] if code != original]


def translations_in(event, language: str) -> dict[tuple[str, int, str], str]:
    """Every translation of the event's content into ``language``, by (kind, id, field): one query."""
    rows = db.session.execute(
        sa.select(ContentTranslation.kind, ContentTranslation.object_id, ContentTranslation.field,
                  ContentTranslation.text)
        .where(ContentTranslation.event_id == event.id, ContentTranslation.language == language)
    )
    return {(kind, object_id, field): text for kind, object_id, field, text in rows}


def text_in(obj, field: str, language: str, *, known: dict | None = None) -> Shown:
    """``obj.field`` as a reader of ``language`` sees it: their language if given, else the original.

    ``known`` is ``translations_in(event, language)`` when the caller shows many pieces of one event.
    """
    kind = kind_of(obj)
    if field not in TRANSLATABLE[kind]:
        raise ValueError(f"{kind}.{field} is not translatable")
    event = event_of(obj)
    original = original_language(event)
    if language != original:
        if known is None:
            known = translations_in(event, language)
        translated = known.get((kind, obj.id, field))
        if translated:
            return Shown(translated, language, original=False)
    return Shown(getattr(obj, field) or "", original, original=language != original)


def translations_of(obj) -> dict[str, dict[str, str]]:
    """Every translation of one piece: {language: {field: text}}."""
    rows = db.session.scalars(
        sa.select(ContentTranslation).where(ContentTranslation.kind == kind_of(obj),
                                            ContentTranslation.object_id == obj.id)
    )
    found: dict[str, dict[str, str]] = {}
    for row in rows:
        found.setdefault(row.language, {})[row.field] = row.text
    return found


def languages_given(event) -> dict[tuple[str, int], list[str]]:
    """For each translated piece of the event, (kind, id): the languages it is given in."""
    rows = db.session.execute(
        sa.select(ContentTranslation.kind, ContentTranslation.object_id, ContentTranslation.language)
        .where(ContentTranslation.event_id == event.id).distinct()
    )
    given: dict[tuple[str, int], list[str]] = {}
    for kind, object_id, language in rows:
        given.setdefault((kind, object_id), []).append(language)
    return {piece: sorted(languages) for piece, languages in given.items()}


def save_translation(obj, language: str, texts: dict[str, str | None], *, actor) -> None:
    """Give ``obj``'s fields in ``language`` (an empty text removes that field's translation)."""
    kind = kind_of(obj)
    event = event_of(obj)
    if language not in translation_languages(event):
        raise DomainError(_("Translations are into the event's working languages other than the original (%(languages)s).",
                            languages=", ".join(codes.language_name(c) for c in translation_languages(event))
                            or _("none")))
    unknown = set(texts) - set(TRANSLATABLE[kind])
    if unknown:
        raise TypeError(f"not translatable fields of {kind}: {sorted(unknown)}")
    existing = {
        row.field: row for row in db.session.scalars(
            sa.select(ContentTranslation).where(ContentTranslation.kind == kind, ContentTranslation.object_id == obj.id,
                                                ContentTranslation.language == language)
        )
    }
    for field, text in texts.items():
        text = (text or "").strip()
        if len(text) > TRANSLATABLE[kind][field]:
            raise DomainError(_("Keep the translation under %(count)s characters.",
                                count=formatting.format_number(TRANSLATABLE[kind][field])))
        row = existing.get(field)
        if not text:
            if row is not None:
                db.session.delete(row)
        elif row is None:
            db.session.add(ContentTranslation(event_id=event.id, kind=kind, object_id=obj.id, field=field,
                                              language=language, text=text, updated_by_id=getattr(actor, "id", None)))
        else:
            row.text = text
            row.updated_by_id = getattr(actor, "id", None)
    db.session.flush()
    logger.info("%s %s translated into %s by %s", kind, obj.id, language, describe(actor))


def set_original_language(event, language: str, *, actor) -> None:
    """Say which working language the event's content was typed in."""
    if language not in (event.working_languages or []):
        raise DomainError(_("Choose one of the event's working languages."))
    # Translations into the new original are kept but no longer shown, in case this was a slip.
    event.content_language = language
    db.session.flush()
    logger.info("event %s content language set to %s by %s", event.id, language, describe(actor))


def forget(obj) -> None:
    """Remove a piece's translations along with it (an event's go with it by the foreign key)."""
    db.session.execute(sa.delete(ContentTranslation).where(ContentTranslation.kind == kind_of(obj),
                                                           ContentTranslation.object_id == obj.id))
