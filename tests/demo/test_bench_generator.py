"""The bench/ generator fills a migrated database with consistent synthetic data."""
import sqlalchemy as sa

from bench.generate import generate
from dialogues.accounts.models import User
from dialogues.events.models import Event
from dialogues.extensions import db


def test_generator_makes_the_asked_numbers(app):
    with app.app_context():
        generate(people=120, organisations=20, events=8, seed=3)
        db.session.commit()
        people = db.session.scalar(sa.select(sa.func.count()).select_from(User))
        events = db.session.scalar(sa.select(sa.func.count()).select_from(Event))
    assert people >= 120
    assert events == 8


def test_generated_data_renders_in_pages_of_twenty(client, app):
    with app.app_context():
        generate(people=50, organisations=10, events=90, seed=4)
        db.session.commit()
    cards = [client.get(f"/events?when={when}").get_data(as_text=True).count('class="card"')
             for when in ("upcoming", "past")]
    assert all(0 < n <= 20 for n in cards)
