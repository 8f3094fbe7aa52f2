"""A large event (2,000 participants, 300 agenda items, 1,000 commitments) still makes a valid document."""
import re

from bench.bench_proceedings import fill_large_event
from dialogues.events.models import Event
from dialogues.extensions import db
from dialogues.proceedings import pdf, services
from tests.conftest import count_queries


def test_large_event_makes_a_valid_pdf(app, cast, pdf_text, qpdf_check):
    with app.app_context():
        fill_large_event(cast.event.id, participants=2000, items=300, commitments=1000)
        db.session.commit()
    gathered = {}

    def gather():
        with app.app_context():
            gathered["data"] = services.event_proceedings(db.session.get(Event, cast.event.id))

    queries = count_queries(app, gather)
    data = pdf.event_pdf(gathered["data"], pdf.fonts_from(app.config))

    assert queries <= 8  # one per section, whatever the size
    assert qpdf_check(data)[0] == 0, qpdf_check(data)[1]
    total = int(re.search(r"Page 1 of (\d+)", pdf_text(data, 1)).group(1))
    assert total > 50
    assert f"Page {total} of {total}" in pdf_text(data, total)
    assert sum(len(group.people) for group in gathered["data"].participants) > 1500
    assert sum(len(day.items) for day in gathered["data"].agenda) == 300
    assert len(gathered["data"].agenda) == 4
