"""The domain's own error: raised by services when a rule forbids an action."""


class DomainError(Exception):
    """A business rule refused the change; the message is shown to the user."""
