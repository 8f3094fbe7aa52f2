"""Pages for initiatives."""
from flask import Blueprint

from dialogues.initiatives import models  # noqa: F401  (registers the tables)

bp = Blueprint("initiatives", __name__)
