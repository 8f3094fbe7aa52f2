"""Where to send someone back to after a form."""
from urllib.parse import urlsplit


def safe_next(target: str | None) -> str | None:
    """Only a path on this site, so a crafted link cannot send people elsewhere."""
    if not target:
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return None
    return target
