"""How the person behind a change is named in the log."""


def describe(actor) -> str:
    """An actor's id for log lines; None stands for the command line or the system."""
    return f"user {actor.id}" if actor is not None else "the system"
