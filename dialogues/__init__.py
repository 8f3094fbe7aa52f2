"""The dialogues application: ``create_app`` builds it and wires every part explicitly."""
from pathlib import Path

from flask import Flask

from config import Config, config_from_environment
from dialogues.accounts.cli import users_cli
from dialogues.accounts.routes import bp as accounts_bp
from dialogues.admin.routes import bp as admin_bp
from dialogues.agenda.routes import bp as agenda_bp
from dialogues.budgets.routes import bp as budgets_bp
from dialogues.commitments.cli import commitments_cli
from dialogues.commitments.routes import bp as commitments_bp
from dialogues.conferences.routes import bp as conferences_bp
from dialogues.core import assets, instance, views
from dialogues.demo.cli import seed_demo_command
from dialogues.events.routes import bp as events_bp
from dialogues.extensions import babel, compress, csrf, db, limiter, login_manager, migrate
from dialogues import models  # noqa: F401  (the one list of every table, see models.py)
from dialogues.initiatives.routes import bp as initiatives_bp
from dialogues.languages import templating as languages_templating
from dialogues.languages.routes import bp as languages_bp
from dialogues.languages.selection import DEFAULT as DEFAULT_LANGUAGE, select_locale
from dialogues.learning_groups.routes import bp as learning_groups_bp
from dialogues.mail.cli import mail_cli
from dialogues.outcomes.routes import bp as outcomes_bp
from dialogues.participants.routes import bp as participants_bp
from dialogues.preparation.routes import bp as preparation_bp
from dialogues.proceedings.cli import proceedings_command
from dialogues.proceedings.routes import bp as proceedings_bp
from dialogues.programmes.routes import bp as programmes_bp
from dialogues.proposals.routes import bp as proposals_bp
from dialogues.registration.cli import registration_cli
from dialogues.registration.routes import bp as registration_bp

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def create_app(config: Config | None = None) -> Flask:
    """Build the app from ``config``, or from the environment (DIALOGUES_ENV) when None."""
    config = config or config_from_environment()
    app = Flask(
        __name__,
        instance_path=config.INSTANCE_PATH or str(PROJECT_ROOT / "instance"),
        template_folder=str(PROJECT_ROOT / "templates"),
        static_folder=str(PROJECT_ROOT / "static"),
    )
    app.config.from_object(config)
    instance.prepare(app)

    db.init_app(app)
    migrate.init_app(app, db, directory=str(PROJECT_ROOT / "migrations"))
    login_manager.init_app(app)
    csrf.init_app(app)
    limiter.init_app(app)
    babel.init_app(app, default_locale=DEFAULT_LANGUAGE, locale_selector=select_locale,
                   default_translation_directories=str(PROJECT_ROOT / "translations"))
    compress.init_app(app)
    instance.configure_database(app)

    app.register_blueprint(events_bp)
    app.register_blueprint(accounts_bp)
    app.register_blueprint(programmes_bp)
    app.register_blueprint(admin_bp)
    app.register_blueprint(proposals_bp)
    app.register_blueprint(initiatives_bp)
    app.register_blueprint(preparation_bp)
    app.register_blueprint(outcomes_bp)
    app.register_blueprint(registration_bp)
    app.register_blueprint(participants_bp)
    app.register_blueprint(agenda_bp)
    app.register_blueprint(commitments_bp)
    app.register_blueprint(proceedings_bp)
    app.register_blueprint(learning_groups_bp)
    app.register_blueprint(languages_bp)
    app.register_blueprint(conferences_bp)
    app.register_blueprint(budgets_bp)

    app.cli.add_command(users_cli)
    app.cli.add_command(seed_demo_command)
    app.cli.add_command(registration_cli)
    app.cli.add_command(mail_cli)
    app.cli.add_command(commitments_cli)
    app.cli.add_command(proceedings_command)

    views.register(app)
    languages_templating.register(app)
    assets.register(app)
    return app
