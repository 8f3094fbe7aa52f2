"""Pages for commitments."""
from flask import Blueprint

from dialogues.commitments import models  # noqa: F401  (registers the tables)

bp = Blueprint("commitments", __name__)
