"""Pages for agenda."""
from flask import Blueprint

from dialogues.agenda import models  # noqa: F401  (registers the tables)

bp = Blueprint("agenda", __name__)
