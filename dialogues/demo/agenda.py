"""Demo agendas: the Madre de Dios field dialogue's two days in Puerto Maldonado, and the start of Chimoio."""
import logging
from datetime import time, timedelta

import sqlalchemy as sa

from dialogues.accounts.models import User
from dialogues.agenda import services
from dialogues.agenda.enums import ItemKind
from dialogues.agenda.models import AgendaItem
from dialogues.core.actors import describe
from dialogues.events.models import Event
from dialogues.extensions import db

logger = logging.getLogger(__name__)

# The titles seed_demo gives these events (dialogues.demo.services, which calls this module).
MADRE_DE_DIOS_DIALOGUE = "Field dialogue: formalisation in the gold fields of Madre de Dios"
CHIMOIO_CONFERENCE = "Annual CASM Conference, Chimoio 2027"

INTERPRETATION = "Spanish with simultaneous English interpretation"
AUDITORIUM = "Auditorio de la Universidad Nacional Amazónica"

# (day of the event counted from 1, start, end, title, kind, room, track, speakers, facilitators, language)
MADRE_DE_DIOS_ITEMS = (
    (3, "08:30", "09:00", "Welcome and ground rules", ItemKind.PLENARY, AUDITORIUM, "",
     (), ("convener@example.org",), INTERPRETATION),
    (3, "09:00", "10:30", "What we saw in the camps: miners and communities report back", ItemKind.PLENARY,
     AUDITORIUM, "", ("participant@example.org", "nusta.condori@example.net"), ("convener@example.org",),
     INTERPRETATION),
    (3, "10:30", "11:00", "Break", ItemKind.BREAK, "Patio", "", (), (), ""),
    (3, "11:00", "12:30", "Parallel session A: the mining corridor and its limits", ItemKind.BREAKOUT,
     "Aula 1", "Aula 1", ("jose.huaman@example.net",), (), "Spanish"),
    (3, "11:00", "12:30", "Parallel session B: selling gold legally", ItemKind.BREAKOUT,
     "Aula 2", "Aula 2", ("luis.ramirez@example.net",), (), "Spanish and English, whispered interpretation"),
    (3, "12:30", "14:00", "Lunch", ItemKind.MEAL, "Comedor universitario", "", (), (), ""),
    (3, "14:00", "17:00", "Exploration of views: what stops formalisation", ItemKind.PLENARY, AUDITORIUM, "",
     (), ("convener@example.org",), INTERPRETATION),
    (4, "09:00", "12:30", "Analysis and reasoned argument", ItemKind.PLENARY, AUDITORIUM, "",
     (), ("convener@example.org",), INTERPRETATION),
    (4, "12:30", "14:00", "Lunch", ItemKind.MEAL, "Comedor universitario", "", (), (), ""),
    (4, "14:00", "16:30", "Decisions on action steps and commitments", ItemKind.PLENARY, AUDITORIUM, "",
     (), ("convener@example.org",), INTERPRETATION),
)

CHIMOIO_ITEMS = (
    (1, "08:00", "09:00", "Registration and coffee", ItemKind.BREAK, "Foyer", "", (), (), ""),
    (1, "09:00", "10:30", "Opening plenary: ten years after Maputo", ItemKind.PLENARY, "Auditório", "",
     ("host@example.org", "joao.muianga@example.org"), (), "Portuguese and English, simultaneous interpretation"),
    (1, "11:00", "12:30", "Women in artisanal gold", ItemKind.BREAKOUT, "Sala 1", "Sala 1",
     ("lucia.mabunda@example.org",), (), "Portuguese"),
    (1, "11:00", "12:30", "Mercury-free processing", ItemKind.BREAKOUT, "Sala 2", "Sala 2", (), (), "English"),
    (1, "18:30", "21:00", "Welcome reception", ItemKind.RECEPTION, "Jardim do Centro Cultural", "", (), (), ""),
)


def _existing(emails) -> list[str]:
    """The demo people of ``emails`` who exist, so the agenda seeds even if some are missing."""
    if not emails:
        return []
    found = set(db.session.scalars(sa.select(User.email).where(User.email.in_(list(emails)))))
    return [email for email in emails if email in found]


def _seed(title: str, rows, *, actor) -> None:
    event = db.session.scalar(sa.select(Event).where(Event.title == title))
    if event is None:
        return
    if db.session.scalar(sa.select(sa.func.count()).where(AgendaItem.event_id == event.id)):
        return
    for day, start, end, name, kind, room, track, speakers, facilitators, language in rows:
        on = event.starts_on + timedelta(days=day - 1)
        services.add_item(
            event, actor=actor, title=name, kind=kind, location=room, track=track, language_note=language,
            starts_at=services.local_instant(event.timezone, on, time.fromisoformat(start)),
            ends_at=services.local_instant(event.timezone, on, time.fromisoformat(end)),
            speakers=_existing(speakers), facilitators=_existing(facilitators),
        )
    logger.info("demo agenda for event %s seeded by %s", event.id, describe(actor))


def seed_agendas(*, actor) -> None:
    """Give the demo events their agendas; events that already have items are left alone."""
    _seed(MADRE_DE_DIOS_DIALOGUE, MADRE_DE_DIOS_ITEMS, actor=actor)
    _seed(CHIMOIO_CONFERENCE, CHIMOIO_ITEMS, actor=actor)

