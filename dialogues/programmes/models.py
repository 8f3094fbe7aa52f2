"""Programmes: the containers events belong to (dialogue initiatives, learning groups, conference series).

Each kind's own features (an initiative's advisory group, a learning group's work
plans) come as tables that point at a programme, so events never change shape.
"""
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from dialogues.core import codes
from dialogues.core.columns import UTCDateTime, enum_type, utcnow
from dialogues.core.enums import Visibility
from dialogues.extensions import db
from dialogues.permissions import ScopeKind
from dialogues.programmes.enums import ProgrammeKind


class Programme(db.Model):
    __tablename__ = "programmes"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[ProgrammeKind] = mapped_column(enum_type(ProgrammeKind))
    title: Mapped[str] = mapped_column(sa.String(200))
    summary: Mapped[str] = mapped_column(sa.Text, default="")
    # A learning group works in one country; initiatives and series may span many.
    country: Mapped[str | None] = mapped_column(sa.String(2))
    visibility: Mapped[Visibility] = mapped_column(enum_type(Visibility), default=Visibility.PUBLIC)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    events: Mapped[list["Event"]] = relationship(  # noqa: F821
        back_populates="programme", order_by="Event.starts_on"
    )

    @property
    def is_public(self) -> bool:
        return self.visibility == Visibility.PUBLIC

    @property
    def permission_scopes(self) -> set[tuple[ScopeKind, int]]:
        return {(ScopeKind.PROGRAMME, self.id)}

    @property
    def country_name(self) -> str:
        return codes.country_name(self.country)

    def __repr__(self) -> str:
        return f"<Programme {self.id} {self.kind} {self.title!r}>"
