"""The schema comes from the migrations alone, and they agree with the models."""
import os
import uuid

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade

from config import TestConfig
from dialogues import create_app
from dialogues.extensions import db
from tests.conftest import DATABASES


@pytest.fixture(params=DATABASES)
def empty_database(request, tmp_path):
    """A brand-new empty database of each kind (PostgreSQL only when TEST_DATABASE_URL is set)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'empty.sqlite'}"
        return
    admin_url = os.environ["TEST_DATABASE_URL"]
    name = f"migration_check_{uuid.uuid4().hex[:8]}"
    admin = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    try:
        yield sa.make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _pending_changes() -> list:
    with db.engine.connect() as conn:
        return compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), db.metadata)


def test_upgrade_to_head_matches_models_and_downgrade_undoes_it(empty_database):
    app = create_app(TestConfig(empty_database))
    with app.app_context():
        upgrade()
        assert _pending_changes() == []
        tables = set(sa.inspect(db.engine).get_table_names())
        assert {"users", "organisations", "programmes", "events", "role_grants"} <= tables
        downgrade(revision="base")
        assert set(sa.inspect(db.engine).get_table_names()) <= {"alembic_version"}
        upgrade()
        assert _pending_changes() == []
        db.engine.dispose()
