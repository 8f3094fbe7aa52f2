"""Dialogue initiatives: a selected issue taken up as a series of dialogues over some years."""
from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, backref, mapped_column, relationship

from dialogues.core.columns import enum_type
from dialogues.extensions import db
from dialogues.initiatives.enums import MemberKind


class Initiative(db.Model):
    """What a dialogue initiative adds to its programme: dates, plan and people."""

    __tablename__ = "initiatives"
    __table_args__ = (sa.CheckConstraint("ends_on >= starts_on", name="ends_after_start"),)

    programme_id: Mapped[int] = mapped_column(sa.ForeignKey("programmes.id", ondelete="CASCADE"), primary_key=True)
    proposal_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("issue_proposals.id", ondelete="SET NULL"), unique=True
    )
    starts_on: Mapped[date]
    ends_on: Mapped[date]
    planned_dialogues: Mapped[int] = mapped_column(default=10)

    programme: Mapped["Programme"] = relationship(  # noqa: F821
        backref=backref("initiative", uselist=False, cascade="all, delete-orphan")
    )
    proposal: Mapped["IssueProposal | None"] = relationship(  # noqa: F821
        backref=backref("initiative", uselist=False)
    )
    members: Mapped[list["InitiativeMember"]] = relationship(
        back_populates="initiative", cascade="all, delete-orphan", order_by="InitiativeMember.id"
    )

    def members_of(self, kind: MemberKind) -> list["InitiativeMember"]:
        return [m for m in self.members if m.kind == kind]


class InitiativeMember(db.Model):
    """A co-chair or advisory group member (a person), or a partner, donor or host (an organisation)."""

    __tablename__ = "initiative_members"
    __table_args__ = (
        sa.CheckConstraint("(user_id IS NULL) <> (organisation_id IS NULL)", name="person_or_organisation"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    initiative_id: Mapped[int] = mapped_column(
        sa.ForeignKey("initiatives.programme_id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[MemberKind] = mapped_column(enum_type(MemberKind))
    user_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"))
    organisation_id: Mapped[int | None] = mapped_column(sa.ForeignKey("organisations.id", ondelete="CASCADE"))

    initiative: Mapped[Initiative] = relationship(back_populates="members")
    user: Mapped["User | None"] = relationship()  # noqa: F821
    organisation: Mapped["Organisation | None"] = relationship()  # noqa: F821

    @property
    def name(self) -> str:
        return self.user.name if self.user else self.organisation.name
