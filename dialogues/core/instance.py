"""Per-installation setup done when the app is built (never on import)."""
import logging
import secrets
from pathlib import Path

import sqlalchemy as sa
from flask import Flask

from dialogues.extensions import db


def prepare(app: Flask) -> None:
    """Fill in the embedded database and the development secret key from instance/."""
    if app.config.get("SQLALCHEMY_DATABASE_URI") and app.config.get("SECRET_KEY"):
        return
    folder = Path(app.instance_path)
    folder.mkdir(parents=True, exist_ok=True)
    if not app.config.get("SQLALCHEMY_DATABASE_URI"):
        app.config["SQLALCHEMY_DATABASE_URI"] = f"sqlite:///{folder / 'dialogues.sqlite'}"
    if not app.config.get("SECRET_KEY"):
        # Created once and kept, so sessions survive a restart of the development server.
        key_file = folder / "secret_key"
        if not key_file.exists():
            key_file.write_text(secrets.token_hex(32))
            key_file.chmod(0o600)
        app.config["SECRET_KEY"] = key_file.read_text().strip()
    logging.getLogger(__name__).debug("instance folder %s", folder)


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def configure_database(app: Flask) -> None:
    """SQLite enforces foreign keys only when asked, on every new connection."""
    with app.app_context():
        engine = db.engine
        if engine.dialect.name == "sqlite":
            sa.event.listen(engine, "connect", _sqlite_pragmas)
