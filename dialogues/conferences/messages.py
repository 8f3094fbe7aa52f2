"""What authors and reviewers are told by email, through the outbox.

Messages to reviewers name the contribution by its title and number only: under blind
review they must not learn who wrote it, so no message to a reviewer ever names authors.
"""
from dialogues.mail import services as mail
from dialogues.core.links import absolute_link


def _edition_title(contribution) -> str:
    return contribution.edition.event.title


def co_author_added(contribution, user) -> None:
    """Queue: you are named as a co-author."""
    link = absolute_link("conferences.show_contribution", contribution_id=contribution.id)
    body = "\n".join([
        f"Dear {user.name},", "",
        f"You are named as a co-author of “{contribution.title}”, submitted to {_edition_title(contribution)}.",
        "You can read it, change it until the call closes, and follow its status here:", link or "", "",
        "With best wishes,", "The organisers", "",
    ])
    mail.queue(user.email, f"Co-author of “{contribution.title}”", body, kind="contribution_co_author")


def co_author_invited(contribution, user, token: str) -> None:
    """Queue: you are named as a co-author; choose a password to see the contribution."""
    link = absolute_link("accounts.account_link", token=token)
    body = "\n".join([
        f"Dear {user.name},", "",
        f"{contribution.submitted_by.name if contribution.submitted_by else 'A colleague'} named you as a co-author "
        f"of “{contribution.title}”, submitted to {_edition_title(contribution)}.",
        "To see it and follow its review, choose a password for your account with this link. "
        "It works once and expires in 7 days:", link or "", "",
        "With best wishes,", "The organisers", "",
    ])
    mail.queue(user.email, f"You are a co-author of “{contribution.title}”", body, kind="contribution_co_author")


def review_assigned(contribution, reviewer) -> None:
    """Queue: a contribution to review (its title only: never its authors)."""
    link = absolute_link("conferences.show_contribution", contribution_id=contribution.id)
    body = "\n".join([
        f"Dear {reviewer.name},", "",
        f"Please review contribution no. {contribution.id}, “{contribution.title}”, "
        f"for {_edition_title(contribution)}:", link or "", "",
        "If you have a conflict of interest with it, declare it on that page and it will go to someone else.", "",
        "With thanks,", "The organisers", "",
    ])
    mail.queue(reviewer.email, f"A contribution to review: no. {contribution.id}", body, kind="review_assigned")


def decision(contribution, message: str) -> None:
    """Queue, to every author: the convener's decision and message."""
    status = contribution.status.label.lower()
    if contribution.accepted_as is not None:
        status = f"accepted as a {contribution.accepted_as.label.lower()}"
    link = absolute_link("conferences.show_contribution", contribution_id=contribution.id)
    for author in contribution.authors:
        body = "\n".join([
            f"Dear {author.user.name},", "",
            f"Your contribution “{contribution.title}” to {_edition_title(contribution)} has been {status}.", "",
            message, "", link or "", "",
            "With best wishes,", "The organisers", "",
        ])
        mail.queue(author.user.email, f"Your contribution “{contribution.title}”: {status}", body,
                   kind="contribution_decision")
