"""Pages for commitments."""
from flask import Blueprint, render_template
from flask_login import login_required

from dialogues.commitments import models  # noqa: F401  (registers the tables)

bp = Blueprint("commitments", __name__)


@bp.get("/my/commitments")
@login_required
def mine():
    """Your commitments and their progress (being built)."""
    return render_template("commitments/mine.html")
