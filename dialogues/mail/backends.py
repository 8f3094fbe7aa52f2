"""Mail backends: SMTP in production, and one for development and tests that only records."""
import smtplib
import ssl
from email.message import EmailMessage
from email.utils import formatdate, make_msgid, parseaddr

from dialogues.mail.models import MailMessage

INVITE_FILENAME = "invite.ics"


def build_mime(message: MailMessage, sender: str) -> EmailMessage:
    """The message as sent: plain text, and an invitation as Outlook and Gmail recognise it when it has one.

    With a calendar the structure is multipart/mixed holding a multipart/alternative
    (text/plain, then text/calendar with the calendar's METHOD as its ``method``
    parameter) and the same calendar again as an ``invite.ics`` attachment.
    """
    mime = EmailMessage()
    mime["From"] = sender
    mime["To"] = message.to_address
    mime["Subject"] = message.subject
    mime["Date"] = formatdate(usegmt=True)
    mime["Message-ID"] = make_msgid(domain=_domain(sender))
    # Tells mail servers and out-of-office replies that no person sent this (RFC 3834).
    mime["Auto-Submitted"] = "auto-generated"
    mime.set_content(message.body)
    if message.ical:
        method = (message.ical_method or "REQUEST").upper()
        mime.add_alternative(message.ical, subtype="calendar", params={"method": method})
        mime.add_attachment(message.ical.encode("utf-8"), maintype="application", subtype="ics",
                            filename=INVITE_FILENAME, params={"method": method, "name": INVITE_FILENAME})
    return mime


def _domain(address: str) -> str:
    return parseaddr(address)[1].rpartition("@")[2] or "localhost"


class RecordingBackend:
    """Development and tests: sending succeeds and goes nowhere; the outbox row is the record."""

    def __init__(self, sender: str) -> None:
        self.sender = sender

    def send(self, message: MailMessage) -> None:
        # Building the MIME still catches a message that SMTP would refuse to build.
        build_mime(message, self.sender)


class SmtpBackend:
    """Production: one SMTP connection per message, with STARTTLS or SSL and login when configured."""

    def __init__(self, host: str, port: int, *, sender: str, use_tls: bool = False, use_ssl: bool = False,
                 username: str | None = None, password: str | None = None, timeout: float = 10) -> None:
        self.host, self.port, self.sender = host, port, sender
        self.use_tls, self.use_ssl = use_tls, use_ssl
        self.username, self.password = username, password
        self.timeout = timeout

    def send(self, message: MailMessage) -> None:
        mime = build_mime(message, self.sender)
        with self._connect() as smtp:
            if self.use_tls:
                smtp.starttls(context=ssl.create_default_context())
            if self.username:
                smtp.login(self.username, self.password or "")
            smtp.send_message(mime)

    def _connect(self) -> smtplib.SMTP:
        if self.use_ssl:
            return smtplib.SMTP_SSL(self.host, self.port, timeout=self.timeout, context=ssl.create_default_context())
        return smtplib.SMTP(self.host, self.port, timeout=self.timeout)

    def __repr__(self) -> str:
        # Never the password: backends end up in log lines and tracebacks.
        return f"<SmtpBackend {self.host}:{self.port} tls={self.use_tls} ssl={self.use_ssl}>"
