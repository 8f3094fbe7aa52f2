"""Pages for preparation."""
from flask import Blueprint

from dialogues.files import models as file_models  # noqa: F401  (registers the tables)
from dialogues.preparation import models  # noqa: F401

bp = Blueprint("preparation", __name__)
