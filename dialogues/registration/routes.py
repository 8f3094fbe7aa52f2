"""Pages for registration."""
from flask import Blueprint

from dialogues.registration import models  # noqa: F401  (registers the tables)

bp = Blueprint("registration", __name__)
