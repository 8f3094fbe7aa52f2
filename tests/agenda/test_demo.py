from datetime import time

import sqlalchemy as sa

from dialogues.agenda import services
from dialogues.agenda.models import AgendaItem
from dialogues.demo.agenda import CHIMOIO_CONFERENCE, MADRE_DE_DIOS_DIALOGUE, seed_agendas
from dialogues.events.models import Event
from dialogues.extensions import db


def test_demo_agendas_seed_once_with_a_parallel_session(runner, app):
    assert runner.invoke(args=["seed-demo"]).exit_code == 0
    with app.app_context():
        seed_agendas(actor=None)
        db.session.commit()
        first = db.session.scalar(sa.select(sa.func.count()).select_from(AgendaItem))
        seed_agendas(actor=None)
        db.session.commit()
        assert db.session.scalar(sa.select(sa.func.count()).select_from(AgendaItem)) == first
        madre = db.session.scalar(sa.select(Event).where(Event.title == MADRE_DE_DIOS_DIALOGUE))
        items = services.event_items(madre)
        assert len({i.local_start(madre.timezone).date() for i in items}) == 2
        parallel = [i for i in items if i.local_start(madre.timezone).time() == time(11) and i.track]
        assert len(parallel) == 2 and parallel[0].starts_at == parallel[1].starts_at
        assert services.conflicts(madre, items) == []
        assert any(p.user.email == "participant@example.org" for i in items for p in i.people)
        chimoio = db.session.scalar(sa.select(Event).where(Event.title == CHIMOIO_CONFERENCE))
        assert len(services.event_items(chimoio)) == 5
