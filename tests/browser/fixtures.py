"""Browser fixtures: a live server on a migrated SQLite file and Debian's Chromium driven by Playwright."""
import threading

import pytest
from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

from config import TestConfig
from dialogues import create_app
from tests.conftest import migrate_to_head

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


@pytest.fixture
def live_app(tmp_path):
    url = f"sqlite:///{tmp_path / 'live.sqlite'}"
    migrate_to_head(url)
    return create_app(TestConfig(url))


@pytest.fixture
def live_server(live_app):
    """The app served over real HTTP on a free local port, in a thread."""
    server = make_server("127.0.0.1", 0, live_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=5)
    server.server_close()


@pytest.fixture
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def phone(browser):
    """A page the size of a small phone (360 px wide)."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=2, is_mobile=True)
    page = context.new_page()
    yield page
    context.close()
