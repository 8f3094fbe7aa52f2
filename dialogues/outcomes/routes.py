"""Pages for outcomes."""
from flask import Blueprint

from dialogues.outcomes import models  # noqa: F401  (registers the tables)

bp = Blueprint("outcomes", __name__)
