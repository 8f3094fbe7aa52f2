"""Absolute links, for messages, calendars and anything read away from the site."""
from urllib.parse import urlsplit

from flask import current_app, has_request_context, url_for


def absolute_link(endpoint: str, **values) -> str | None:
    """An absolute link: from BASE_URL when set, else from the request or SERVER_NAME, else None."""
    # BASE_URL comes first: a request's Host header is the sender's to choose, and a link
    # in a message to someone else (an offer after a cancellation) must not follow it.
    if base := current_app.config.get("BASE_URL"):
        parts = urlsplit(base)
        adapter = current_app.url_map.bind(parts.netloc, script_name=parts.path or "/", url_scheme=parts.scheme)
        return adapter.build(endpoint, values, force_external=True)
    if has_request_context() or current_app.config.get("SERVER_NAME"):
        return url_for(endpoint, _external=True, **values)
    return None
