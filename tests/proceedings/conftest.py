"""Fixtures for proceedings: a dialogue with everything proceedings print, and readers of PDFs."""
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from dialogues.accounts.enums import StakeholderGroup
from dialogues.agenda.enums import ItemKind, ItemRole
from dialogues.agenda.models import AgendaItem, AgendaItemPerson
from dialogues.commitments.enums import ActionKind, CommitmentVisibility, Level, ProgressStatus, ReviewStatus
from dialogues.commitments.models import Commitment, CommitmentUpdate
from dialogues.events.models import Event
from dialogues.extensions import db
from dialogues.outcomes.enums import OutcomeKind
from dialogues.outcomes.models import Outcome
from dialogues.registration.enums import RegistrationStatus
from dialogues.registration.models import Registration

# Names as our participants write them, one per language the issue names.
NAMES = {
    "Portuguese": "João Gonçalves Muianga",
    "French": "Aïssata Ouédraogo",
    "Spanish": "Ñusta Quispe Peña",
    "Swahili": "Ngʼwanza Mwakyusa",
    "Vietnamese": "Đặng Thị Hương",
    "Polish": "Zofia Wiśniewska",
    "Turkish": "Ayşe Yılmaz",
}
UNLISTED = "Hélène Unlisted-Privée"
WAITLISTED = "Wanjiru Waitlisted"
PUBLIC_COMMITMENT = "Train 200 miners without mercury"
UNREPORTED_COMMITMENT = "Publish the licensing guide"
UNREVIEWED_COMMITMENT = "Draft a district levy proposal"


def _add(*objects):
    db.session.add_all(objects)
    db.session.flush()
    return objects


@pytest.fixture
def dialogue(app, cast, make_user):
    """The cast's event filled in: summary, agenda over two days, outcomes, participants, commitments."""
    people = {language: make_user(name=name) for language, name in NAMES.items()}
    unlisted = make_user(name=UNLISTED)
    waitlisted = make_user(name=WAITLISTED)
    groups = [StakeholderGroup.ASM, StakeholderGroup.GOVERNMENT, StakeholderGroup.CIVIL_SOCIETY]
    with app.app_context():
        event_id = cast.event.id
        for n, person in enumerate(people.values()):
            _add(Registration(event_id=event_id, user_id=person.id, listed=True,
                              status=RegistrationStatus.ATTENDED if n % 2 else RegistrationStatus.CONFIRMED,
                              stakeholder_group=groups[n % 3], organisation_name="Associação dos Mineiros de Manica",
                              country="MZ"))
        _add(Registration(event_id=event_id, user_id=unlisted.id, status=RegistrationStatus.CONFIRMED,
                          listed=False, stakeholder_group=StakeholderGroup.DONOR, country="FR"),
             Registration(event_id=event_id, user_id=waitlisted.id, status=RegistrationStatus.WAITLISTED,
                          listed=True, stakeholder_group=StakeholderGroup.DONOR, country="KE"))
        for kind, text in [
            (OutcomeKind.SUMMARY, "The co-chairs thank the people of Manica.\n\nMiners spoke first."),
            (OutcomeKind.CONSENSUS, "Licences should be issued close to where mining happens."),
            (OutcomeKind.DISAGREEMENT, "Whether mercury should be banned at once."),
            (OutcomeKind.RECOMMENDATION, "Create one-stop licensing offices in each district."),
            (OutcomeKind.ACTION_STEP, "Run a pilot of mobile licensing in Manica within a year."),
        ]:
            _add(Outcome(event_id=event_id, kind=kind, text=text))
        # Africa/Maputo is UTC+2: 07:00 UTC prints as 09:00.
        opening, visit = _add(
            AgendaItem(event_id=event_id, title="Opening and ground rules", kind=ItemKind.PLENARY,
                       starts_at=datetime(2031, 5, 4, 7, 0, tzinfo=UTC), ends_at=datetime(2031, 5, 4, 8, 0, tzinfo=UTC),
                       location="Salão Nobre", track="Plenary"),
            AgendaItem(event_id=event_id, title="Visit to the Chazuka mine", kind=ItemKind.FIELD_VISIT,
                       starts_at=datetime(2031, 5, 5, 6, 30, tzinfo=UTC), ends_at=datetime(2031, 5, 5, 12, 0, tzinfo=UTC),
                       location="Chazuka", cancelled=False),
        )
        _add(AgendaItemPerson(item_id=opening.id, user_id=people["Vietnamese"].id, role=ItemRole.SPEAKER))
        owner = people["Polish"]
        done_later, unreported, unreviewed = _add(*[
            Commitment(owner_id=owner.id, event_id=event_id, title=title, due_on=date(2032, 5, 1),
                       kind=ActionKind.PRACTICE, level=Level.NATIONAL, visibility=CommitmentVisibility.PUBLIC,
                       review_status=review)
            for title, review in [(PUBLIC_COMMITMENT, ReviewStatus.ACCEPTED),
                                  (UNREPORTED_COMMITMENT, ReviewStatus.ACCEPTED),
                                  (UNREVIEWED_COMMITMENT, ReviewStatus.SUBMITTED)]
        ])
        # The latest report decides the status, whatever order they were entered in.
        _add(CommitmentUpdate(commitment_id=done_later.id, reported_on=date(2031, 9, 1),
                              status=ProgressStatus.IN_PROGRESS, share_done=50),
             CommitmentUpdate(commitment_id=done_later.id, reported_on=date(2031, 6, 1),
                              status=ProgressStatus.NOT_STARTED, share_done=0))
        event = db.session.get(Event, event_id)
        event.summary = "A field dialogue on formalising ASM."
        db.session.commit()
    return cast


def _run(args: list[str], data: bytes, tmp_path: Path) -> subprocess.CompletedProcess:
    path = tmp_path / f"doc-{len(list(tmp_path.iterdir()))}.pdf"
    path.write_bytes(data)
    return subprocess.run([*args, str(path), *([] if args[0] == "qpdf" else ["-"])],
                          capture_output=True, text=True, check=False)


@pytest.fixture
def pdf_text(tmp_path):
    """The text pdftotext reads from a PDF (optionally of pages first..last, optionally laid out)."""

    def read(data: bytes, first: int | None = None, last: int | None = None, layout: bool = False) -> str:
        args = ["pdftotext", "-enc", "UTF-8"]
        if first:
            args += ["-f", str(first), "-l", str(last or first)]
        if layout:
            args.append("-layout")
        result = _run(args, data, tmp_path)
        assert result.returncode == 0, result.stderr
        return result.stdout

    return read


@pytest.fixture
def qpdf_check(tmp_path):
    """qpdf --check's verdict on a PDF: (return code, output)."""

    def check(data: bytes) -> tuple[int, str]:
        result = _run(["qpdf", "--check"], data, tmp_path)
        return result.returncode, result.stdout + result.stderr

    return check
