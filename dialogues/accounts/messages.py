"""What people are told about their account, in their preferred language."""
from flask_babel import gettext as _

from dialogues.core.links import absolute_link
from dialogues.languages.selection import in_language_of
from dialogues.mail import services as mail


def password_reset(user, token: str) -> None:
    """Queue: a link to choose a new password (it works once and expires)."""
    link = absolute_link("accounts.account_link", token=token)
    with in_language_of(user):
        body = "\n".join([
            _("Dear %(name)s,", name=user.name), "",
            _("Someone (we hope you) asked to choose a new password for your account."),
            _("To choose one, open this link. It works once and expires in 7 days:"), link or "", "",
            _("If you did not ask for this, you can ignore this message: your password stays the same."), "",
            _("With best wishes,"), _("The organisers"), "",
        ])
        subject = _("Choose a new password")
    mail.queue(user.email, subject, body, kind="password_reset")
