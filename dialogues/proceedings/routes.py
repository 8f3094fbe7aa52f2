"""Downloading proceedings as PDF: of one event, or compiled for a whole programme."""
import re
import unicodedata

from flask import Blueprint, Response, current_app, request

from dialogues.events.models import Event
from dialogues.extensions import db
from dialogues.permissions import Action, authorize
from dialogues.proceedings import pdf, services
from dialogues.programmes.models import Programme

bp = Blueprint("proceedings", __name__)


def _file_name(prefix: str, title: str) -> str:
    folded = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^A-Za-z0-9]+", "-", folded).strip("-").lower()[:60].strip("-")
    return f"{prefix}-{slug or 'untitled'}.pdf"


def _everyone() -> bool:
    """Whether the secretariat's variant, listing every participant, was asked for (403 for anyone else)."""
    if request.args.get("all") in (None, "", "0"):
        return False
    authorize(Action.PRINT_FULL_PARTICIPANT_LIST)
    return True


def _send(data: bytes, name: str) -> Response:
    return Response(data, mimetype="application/pdf",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


@bp.get("/events/<int:event_id>/proceedings.pdf")
def event_pdf(event_id: int):
    """The proceedings of an event as a PDF (?all=1: the secretariat's copy listing every participant)."""
    event = db.get_or_404(Event, event_id)
    authorize(Action.PRINT_PROCEEDINGS, event)
    everyone = _everyone()
    data = pdf.event_pdf(services.event_proceedings(event, everyone=everyone), pdf.fonts_from(current_app.config))
    return _send(data, _file_name(f"proceedings-{event.id}", event.title))


@bp.get("/programmes/<int:programme_id>/proceedings.pdf")
def programme_pdf(programme_id: int):
    """The compiled proceedings of every event of a programme, one chapter each, as a PDF."""
    programme = db.get_or_404(Programme, programme_id)
    authorize(Action.PRINT_PROCEEDINGS, programme)
    everyone = _everyone()
    data = pdf.programme_pdf(services.programme_proceedings(programme, everyone=everyone),
                             pdf.fonts_from(current_app.config))
    return _send(data, _file_name(f"proceedings-programme-{programme.id}", programme.title))
