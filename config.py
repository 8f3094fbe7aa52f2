"""Settings as plain classes that read the environment when instantiated.

Nothing here touches the disk or the network on import; ``create_app`` asks a
config object for its values and the instance folder is handled there.
"""
import os


class Config:
    """Settings shared by every environment."""

    ENV_NAME = "base"
    # Where the embedded database and the development secret key live (default: ./instance).
    INSTANCE_PATH: str | None = None
    SECRET_KEY: str | None = None
    SQLALCHEMY_DATABASE_URI: str | None = None
    SQLALCHEMY_ENGINE_OPTIONS: dict = {"pool_pre_ping": True}
    WTF_CSRF_ENABLED = True
    # Flask-Limiter: memory works for one process; production points it at Redis.
    RATELIMIT_STORAGE_URI = "memory://"
    RATELIMIT_HEADERS_ENABLED = True
    LOGIN_RATE_LIMIT = "10 per minute"
    PASSWORD_HASH_METHOD = "scrypt"
    # Invitation and password-reset links stay valid this long (seconds).
    ACCOUNT_TOKEN_MAX_AGE = 7 * 24 * 3600
    # A personal link to answer an event invitation works this many days after it was sent.
    INVITATION_LINK_DAYS = 30
    # Uploads (background papers) larger than this are refused with a clear message.
    MAX_CONTENT_LENGTH = 10 * 1024 * 1024
    PAPER_MAX_BYTES = 10 * 1024 * 1024
    # Mail goes to the outbox first; "record" keeps it there (development, tests), "smtp" sends it.
    MAIL_BACKEND = "record"
    MAIL_SERVER = "localhost"
    MAIL_PORT = 25
    MAIL_USE_TLS = False
    MAIL_USE_SSL = False
    MAIL_USERNAME: str | None = None
    MAIL_PASSWORD: str | None = None
    MAIL_SENDER = "Dialogues <no-reply@localhost>"
    MAIL_TIMEOUT = 10
    # The site's address for links in messages (never taken from a request's Host header when set).
    BASE_URL: str | None = None
    EVENTS_PER_PAGE = 20
    USERS_PER_PAGE = 50
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"

    def __init__(self) -> None:
        self.SQLALCHEMY_DATABASE_URI = os.environ.get("DATABASE_URL") or self.SQLALCHEMY_DATABASE_URI
        self.INSTANCE_PATH = os.environ.get("DIALOGUES_INSTANCE_PATH") or self.INSTANCE_PATH
        self.RATELIMIT_STORAGE_URI = os.environ.get("RATELIMIT_STORAGE_URI", self.RATELIMIT_STORAGE_URI)
        if os.environ.get("SECRET_KEY"):
            self.SECRET_KEY = os.environ["SECRET_KEY"]
        for key in ("MAIL_BACKEND", "MAIL_SERVER", "MAIL_USERNAME", "MAIL_PASSWORD", "MAIL_SENDER", "BASE_URL"):
            if os.environ.get(key):
                setattr(self, key, os.environ[key])
        for key in ("MAIL_PORT", "MAIL_TIMEOUT"):
            if os.environ.get(key):
                setattr(self, key, int(os.environ[key]))
        for key in ("MAIL_USE_TLS", "MAIL_USE_SSL"):
            if os.environ.get(key):
                setattr(self, key, os.environ[key].strip().lower() in ("1", "true", "yes", "on"))


class DevelopmentConfig(Config):
    """Local work on the embedded SQLite database; the secret key is kept in instance/."""

    ENV_NAME = "development"
    DEBUG = True


class TestConfig(Config):
    """Used by the test suite; the database URL is given by the fixture."""

    __test__ = False  # a config, not a test class for pytest to collect
    ENV_NAME = "test"
    TESTING = True
    SECRET_KEY = "test-secret-key-not-for-production"
    # A cheap hash keeps the suite fast; the method is still a real salted hash.
    PASSWORD_HASH_METHOD = "pbkdf2:sha256:1000"
    SERVER_NAME = None

    def __init__(self, database_url: str | None = None) -> None:
        super().__init__()
        self.SQLALCHEMY_DATABASE_URI = database_url or os.environ.get("TEST_DATABASE_URL")


class ProductionConfig(Config):
    """PostgreSQL under gunicorn; refuses to start without a SECRET_KEY in the environment."""

    ENV_NAME = "production"
    MAIL_BACKEND = "smtp"
    SESSION_COOKIE_SECURE = True
    REMEMBER_COOKIE_SECURE = True

    def __init__(self) -> None:
        super().__init__()
        if not os.environ.get("SECRET_KEY"):
            raise RuntimeError("SECRET_KEY must be set in the environment in production")
        if not os.environ.get("DATABASE_URL"):
            raise RuntimeError("DATABASE_URL must be set in the environment in production")


CONFIGS = {
    "development": DevelopmentConfig,
    "test": TestConfig,
    "production": ProductionConfig,
}


def config_from_environment() -> Config:
    """The config named by DIALOGUES_ENV (development by default)."""
    name = os.environ.get("DIALOGUES_ENV", "development")
    try:
        return CONFIGS[name]()
    except KeyError:
        raise RuntimeError(f"DIALOGUES_ENV must be one of {sorted(CONFIGS)}, not {name!r}") from None
