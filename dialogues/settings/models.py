"""Settings the secretariat changes in the app (not in the environment)."""
import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from dialogues.extensions import db


class SiteSetting(db.Model):
    __tablename__ = "site_settings"

    key: Mapped[str] = mapped_column(sa.String(100), primary_key=True)
    value: Mapped[str] = mapped_column(sa.String(500))
