"""Pages for mail."""
from flask import Blueprint

from dialogues.mail import models  # noqa: F401  (registers the tables)

bp = Blueprint("mail", __name__)
