"""Pages for an event's participants: list, balance of voices, CSV, check-in."""
from flask import Blueprint

bp = Blueprint("participants", __name__)
