"""No link into a wall: signed in as every demo role, every internal link a page shows opens for its reader."""
import time
from collections import deque
from urllib.parse import urldefrag, urljoin, urlsplit

import lxml.html
import pytest

from dialogues.demo.services import DEMO_PASSWORD

ROLES = ["anonymous", "secretariat", "convener", "host", "steering", "participant"]
# Enough to reach every kind of page of the demo, few enough to stay quick.
MAX_PAGES = 220
SECONDS_PER_ROLE = 6
# Files and feeds: a link to them answers 200 or a wall like any page, but they have no links to follow.
NOT_HTML = (".ics", ".pdf", ".csv", ".xml", "/file", ".docx", ".odt")


def _links(html: str, base: str) -> list[str]:
    document = lxml.html.fromstring(html)
    found = []
    for href in document.xpath("//a/@href"):
        url = urldefrag(urljoin(base, href))[0]
        parts = urlsplit(url)
        if parts.scheme not in ("", "http") or parts.netloc not in ("", "localhost"):
            continue
        found.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return found


def _shape(url: str) -> str:
    # Pages of one kind differ only by their ids: a few of each kind are enough.
    path = urlsplit(url).path
    return "/".join("#" if part.isdigit() else part for part in path.split("/")) + ("?" if "?" in url else "")


@pytest.mark.parametrize("role", ROLES)
def test_no_link_answers_403(role, runner, client):
    assert runner.invoke(args=["seed-demo"]).exit_code == 0
    if role != "anonymous":
        client.login(f"{role}@example.org", DEMO_PASSWORD)
    start = "/my/events" if role != "anonymous" else "/"
    queue, seen, shapes, walls = deque([("/", None), (start, None)]), set(), {}, []
    deadline = time.monotonic() + SECONDS_PER_ROLE
    while queue and len(seen) < MAX_PAGES and time.monotonic() < deadline:
        url, found_on = queue.popleft()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        if response.status_code == 403:
            walls.append(f"{url} (linked from {found_on})")
            continue
        if response.status_code != 200 or url.endswith(NOT_HTML) or "html" not in response.content_type:
            continue
        for link in _links(response.get_data(as_text=True), url):
            shape = _shape(link)
            if link in seen or shapes.get(shape, 0) >= 3 or link.startswith(("/static/", "/logout")):
                continue
            shapes[shape] = shapes.get(shape, 0) + 1
            queue.append((link, url))
    assert walls == []
    assert len(seen) > 15
