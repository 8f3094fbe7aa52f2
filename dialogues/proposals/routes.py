"""Pages for proposals."""
from flask import Blueprint

from dialogues.proposals import models  # noqa: F401  (registers the tables)

bp = Blueprint("proposals", __name__)
