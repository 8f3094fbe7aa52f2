"""Column types shared by every model."""
from datetime import UTC, datetime
from enum import Enum

import sqlalchemy as sa
from sqlalchemy.types import TypeDecorator


class UTCDateTime(TypeDecorator):
    """An instant, stored as UTC on every database and always returned timezone-aware.

    SQLite has no time zone support, so storing naive UTC everywhere keeps the two
    databases identical; refusing naive input keeps "local or UTC?" from ever arising.
    """

    impl = sa.DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are ambiguous; give a timezone-aware one")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect):
        if value is None:
            return None
        return value.replace(tzinfo=UTC)


def enum_type(enum_cls: type[Enum], length: int = 40) -> sa.Enum:
    """A portable enum column that stores the members' values as plain strings."""
    return sa.Enum(
        enum_cls,
        native_enum=False,
        length=length,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )


def utcnow() -> datetime:
    return datetime.now(UTC)
