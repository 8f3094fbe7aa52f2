"""Fixtures for the outbox: an app context, and a real local SMTP server."""
import socket
from dataclasses import dataclass, field

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult



@pytest.fixture
def app_ctx(app):
    """An app context for the whole test, for calling services directly."""
    with app.app_context():
        yield app


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Recorder:
    """An aiosmtpd handler that keeps every envelope it receives."""

    def __init__(self) -> None:
        self.envelopes = []

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append(envelope)
        return "250 Message accepted for delivery"


@dataclass
class SmtpServer:
    """A real SMTP server on 127.0.0.1, started when a test says so; ``password`` requires a login."""

    port: int = field(default_factory=free_port)
    handler: Recorder = field(default_factory=Recorder)
    username: str | None = None
    password: str | None = None
    controller: Controller | None = None

    def start(self) -> None:
        auth = {"authenticator": self._authenticate, "auth_require_tls": False} if self.password else {}
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port, **auth)
        self.controller.start()

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None

    def _authenticate(self, server, session, envelope, mechanism, auth_data):
        ok = auth_data.login.decode() == self.username and auth_data.password.decode() == self.password
        # handled=False: aiosmtpd itself answers 535 to a refused login.
        return AuthResult(success=ok, handled=False)

    def configure(self, app) -> None:
        app.config.update(MAIL_BACKEND="smtp", MAIL_SERVER="127.0.0.1", MAIL_PORT=self.port)


@pytest.fixture
def smtp_server(app):
    """A stopped server whose port the app's SMTP settings point at; stopped again after the test."""
    server = SmtpServer()
    server.configure(app)
    yield server
    server.stop()
