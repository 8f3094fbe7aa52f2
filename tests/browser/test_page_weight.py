"""Every main page is light for a phone on a poor connection: under 30 KB over the wire on a
first visit (empty cache) and under 10 KB on the next, when the versioned stylesheets and
scripts come from the browser's cache."""
import pytest

from tests.browser.checks import WireCounter
from tests.browser.demo_site import (  # noqa: F401  (fixtures)
    MAIN_PAGES, PHONE, demo_site, module_browser, role_contexts,
)

pytestmark = pytest.mark.browser

FIRST_VISIT_LIMIT = 30 * 1024
NEXT_VISIT_LIMIT = 10 * 1024


@pytest.mark.parametrize("main_page", MAIN_PAGES, ids=lambda p: p.name.replace(" ", "-"))
def test_page_is_light_on_first_and_next_visit(main_page, demo_site, role_contexts):
    # The busiest view of the page: the secretariat's where it may open it.
    role = "secretariat" if "secretariat" in main_page.roles else main_page.roles[0]
    page = role_contexts.page(role, PHONE)
    counter = WireCounter(page)
    counter.clear_cache()
    url = demo_site.address(main_page)

    first = counter.visit(url)
    again = counter.visit(url)

    assert sum(first.values()) < FIRST_VISIT_LIMIT, first
    assert sum(again.values()) < NEXT_VISIT_LIMIT, again
    # On the next visit only the page itself travels: everything static came from the cache.
    assert {address: size for address, size in again.items() if "/static/" in address and size} == {}
    print(f"{main_page.name}: {sum(first.values())} bytes first, {sum(again.values())} next")
    counter.cdp.detach()
