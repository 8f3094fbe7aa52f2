"""What people are told about their account."""
from dialogues.mail import services as mail
from dialogues.core.links import absolute_link


def password_reset(user, token: str) -> None:
    """Queue: a link to choose a new password (it works once and expires)."""
    link = absolute_link("accounts.account_link", token=token)
    body = "\n".join([
        f"Dear {user.name},", "",
        "Someone (we hope you) asked to choose a new password for your account.",
        "To choose one, open this link. It works once and expires in 7 days:", link or "", "",
        "If you did not ask for this, you can ignore this message: your password stays the same.", "",
        "With best wishes,", "The organisers", "",
    ])
    mail.queue(user.email, "Choose a new password", body, kind="password_reset")
