from tests.browser.fixtures import browser, live_app, live_server, phone  # noqa: F401  (fixtures)
