"""Configuration: production demands its secrets; development keeps its own; SQLite enforces keys."""
from datetime import date

import pytest
import sqlalchemy as sa

from config import DevelopmentConfig, ProductionConfig
from dialogues import create_app
from dialogues.extensions import db


def test_production_refuses_to_start_without_secret_key(monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.setenv("DATABASE_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
    with pytest.raises(RuntimeError, match="SECRET_KEY"):
        ProductionConfig()


def test_production_takes_settings_from_environment(monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "from-the-environment")
    monkeypatch.setenv("DATABASE_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
    config = ProductionConfig()
    assert (config.SECRET_KEY, config.SQLALCHEMY_DATABASE_URI) == (
        "from-the-environment", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def test_development_uses_embedded_sqlite_and_keeps_one_secret_key(monkeypatch, tmp_path):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.setenv("DIALOGUES_INSTANCE_PATH", str(tmp_path))
    first = create_app(DevelopmentConfig())
    second = create_app(DevelopmentConfig())
    assert first.config["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{tmp_path / 'dialogues.sqlite'}"
    assert len(first.config["SECRET_KEY"]) == 64
    assert first.config["SECRET_KEY"] == second.config["SECRET_KEY"]
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


def test_unknown_environment_name_is_an_error(monkeypatch):
    from config import config_from_environment

    monkeypatch.setenv("DIALOGUES_ENV", "staging")
    with pytest.raises(RuntimeError, match="DIALOGUES_ENV"):
        config_from_environment()


def test_foreign_keys_are_enforced(app):
    with app.app_context(), db.engine.connect() as conn:
        with pytest.raises(sa.exc.IntegrityError):
            conn.execute(sa.text(
                "INSERT INTO events (kind, title, summary, starts_on, ends_on, timezone, venue, city,"
                " working_languages, visibility, status, programme_id, created_at, updated_at)"
                " VALUES ('other', 't', '', :d, :d, 'UTC', '', '', '[]', 'public', 'planned', 424242, :t, :t)"),
                {"d": date(2030, 1, 1), "t": "2030-01-01 00:00:00"})
