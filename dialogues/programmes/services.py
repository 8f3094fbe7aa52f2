"""Programme rules: creating and editing the containers, and listing them."""
import logging

import sqlalchemy as sa

from dialogues.core.enums import Visibility
from dialogues.core.actors import describe
from dialogues.extensions import db
from dialogues.permissions import Action, ScopeKind, is_secretariat, scopes_where
from dialogues.programmes.models import Programme

logger = logging.getLogger(__name__)

EDITABLE_FIELDS = ("kind", "title", "summary", "country", "visibility")


def create_programme(*, actor, **fields) -> Programme:
    programme = Programme(**{k: fields[k] for k in EDITABLE_FIELDS if k in fields})
    db.session.add(programme)
    db.session.flush()
    logger.info("programme %s created by %s", programme.id, describe(actor))
    return programme


def update_programme(programme: Programme, *, actor, **fields) -> Programme:
    for name in EDITABLE_FIELDS:
        if name in fields:
            setattr(programme, name, fields[name])
    db.session.flush()
    logger.info("programme %s updated by %s", programme.id, describe(actor))
    return programme


def visible_programmes(user):
    """A select of the programmes ``user`` may see, by kind and title."""
    stmt = sa.select(Programme).order_by(Programme.kind, Programme.title)
    if is_secretariat(user):
        return stmt
    ids = [i for k, i in scopes_where(user, Action.VIEW_PROGRAMME) if k == ScopeKind.PROGRAMME]
    return stmt.where(sa.or_(Programme.visibility == Visibility.PUBLIC, Programme.id.in_(ids)))


def programmes_open_to_new_events(user) -> list[Programme]:
    """The programmes in which ``user`` may create events (all of them for the secretariat)."""
    stmt = sa.select(Programme).order_by(Programme.kind, Programme.title)
    if not is_secretariat(user):
        ids = [i for k, i in scopes_where(user, Action.CREATE_EVENT) if k == ScopeKind.PROGRAMME]
        stmt = stmt.where(Programme.id.in_(ids))
    return list(db.session.scalars(stmt))
