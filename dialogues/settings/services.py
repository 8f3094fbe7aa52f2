"""Reading and changing the settings the secretariat keeps in the app."""
import logging

from dialogues.core.actors import describe
from dialogues.core.errors import DomainError
from dialogues.extensions import db
from dialogues.settings.models import SiteSetting

logger = logging.getLogger(__name__)


def get_int(key: str, default: int) -> int:
    """The whole-number setting ``key``, or ``default`` when unset or unreadable."""
    setting = db.session.get(SiteSetting, key)
    if setting is None:
        return default
    try:
        return int(setting.value)
    except ValueError:
        # A bad value must not take a page or the reminder command down.
        logger.warning("setting %s has a value that is not a whole number: %r", key, setting.value)
        return default


def set_value(key: str, value, *, actor) -> SiteSetting:
    """Store ``value`` (as text) under ``key``, creating the setting if needed."""
    text = str(value)
    if len(text) > SiteSetting.value.type.length:
        raise DomainError("This value is too long.")
    setting = db.session.get(SiteSetting, key)
    if setting is None:
        setting = SiteSetting(key=key, value=text)
        db.session.add(setting)
    else:
        setting.value = text
    db.session.flush()
    logger.info("setting %s set to %r by %s", key, text, describe(actor))
    return setting


def set_values(values: dict, *, actor) -> None:
    """Store several settings at once, all or none."""
    for key, value in values.items():
        set_value(key, value, actor=actor)
