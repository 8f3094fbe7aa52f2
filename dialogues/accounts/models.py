"""People with accounts, their organisations and the roles granted to them."""
from datetime import datetime

import sqlalchemy as sa
from flask_login import UserMixin
from sqlalchemy.orm import Mapped, mapped_column, relationship

from dialogues.accounts.enums import Gender, OrganisationKind, StakeholderGroup
from dialogues.core import codes
from dialogues.core.columns import UTCDateTime, enum_type, utcnow
from dialogues.extensions import db
from dialogues.permissions import Role, ScopeKind


class Organisation(db.Model):
    __tablename__ = "organisations"
    __table_args__ = (sa.UniqueConstraint("name_key", "country", name="uq_organisations_name_country"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(200))
    # Lower-cased name, so "Ministry of Mines" and "ministry of mines" are one organisation.
    name_key: Mapped[str] = mapped_column(sa.String(200), index=True)
    kind: Mapped[OrganisationKind] = mapped_column(enum_type(OrganisationKind))
    country: Mapped[str | None] = mapped_column(sa.String(2))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    members: Mapped[list["User"]] = relationship(back_populates="organisation")

    @property
    def country_name(self) -> str:
        return codes.country_name(self.country)

    def __repr__(self) -> str:
        return f"<Organisation {self.id} {self.name!r}>"


class User(UserMixin, db.Model):
    """A person: an account (which may not have a password yet, if invited) and a profile."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    # Always stored lower-cased and trimmed, which makes uniqueness case-insensitive.
    email: Mapped[str] = mapped_column(sa.String(254), unique=True)
    password_hash: Mapped[str | None] = mapped_column(sa.String(256))
    name: Mapped[str] = mapped_column(sa.String(200))
    preferred_language: Mapped[str] = mapped_column(sa.String(3), default="en")
    active: Mapped[bool] = mapped_column(default=True)

    country: Mapped[str | None] = mapped_column(sa.String(2))
    organisation_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("organisations.id", ondelete="SET NULL"), index=True
    )
    stakeholder_group: Mapped[StakeholderGroup | None] = mapped_column(enum_type(StakeholderGroup))
    gender: Mapped[Gender | None] = mapped_column(enum_type(Gender))
    gender_self_description: Mapped[str | None] = mapped_column(sa.String(100))
    languages: Mapped[list[str]] = mapped_column(sa.JSON, default=list)

    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    organisation: Mapped[Organisation | None] = relationship(back_populates="members")
    role_grants: Mapped[list["RoleGrant"]] = relationship(
        back_populates="user",
        cascade="all, delete-orphan",
        foreign_keys="RoleGrant.user_id",
        order_by="RoleGrant.id",
    )

    @property
    def is_active(self) -> bool:
        return self.active

    @property
    def has_password(self) -> bool:
        return self.password_hash is not None

    @property
    def is_secretariat(self) -> bool:
        return any(g.role == Role.SECRETARIAT for g in self.role_grants)

    @property
    def country_name(self) -> str:
        return codes.country_name(self.country)

    @property
    def gender_display(self) -> str:
        if self.gender == Gender.SELF_DESCRIBED and self.gender_self_description:
            return self.gender_self_description
        return self.gender.label if self.gender else ""

    @property
    def language_names(self) -> list[str]:
        return [codes.language_name(code) for code in self.languages or []]

    def __repr__(self) -> str:
        return f"<User {self.id} {self.email}>"


class RoleGrant(db.Model):
    """A role held by a user: site-wide (secretariat) or on one programme or one event."""

    __tablename__ = "role_grants"
    __table_args__ = (
        sa.CheckConstraint(
            "(role = 'secretariat' AND programme_id IS NULL AND event_id IS NULL)"
            " OR (role <> 'secretariat' AND (programme_id IS NULL) <> (event_id IS NULL))",
            name="scope_matches_role",
        ),
        sa.Index("ix_role_grants_programme_id", "programme_id"),
        sa.Index("ix_role_grants_event_id", "event_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)
    role: Mapped[Role] = mapped_column(enum_type(Role))
    programme_id: Mapped[int | None] = mapped_column(sa.ForeignKey("programmes.id", ondelete="CASCADE"))
    event_id: Mapped[int | None] = mapped_column(sa.ForeignKey("events.id", ondelete="CASCADE"))
    granted_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    user: Mapped[User] = relationship(back_populates="role_grants", foreign_keys=[user_id])
    granted_by: Mapped[User | None] = relationship(foreign_keys=[granted_by_id])
    programme: Mapped["Programme | None"] = relationship()  # noqa: F821
    event: Mapped["Event | None"] = relationship()  # noqa: F821

    @property
    def scope(self) -> tuple[ScopeKind, int] | None:
        if self.event_id is not None:
            return (ScopeKind.EVENT, self.event_id)
        if self.programme_id is not None:
            return (ScopeKind.PROGRAMME, self.programme_id)
        return None

    @property
    def scope_object(self):
        return self.event or self.programme

    def __repr__(self) -> str:
        return f"<RoleGrant {self.role} user={self.user_id} scope={self.scope}>"
