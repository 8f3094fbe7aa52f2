"""axe-core finds no critical or serious accessibility failure on any main page, for any
demo role, on a 360-px phone and on a 1280-px desktop screen (WCAG 2.x A and AA rules and
axe's best practices, colour contrast included)."""
import pytest

from tests.browser.checks import axe_source, serious_violations
from tests.browser.demo_site import (  # noqa: F401  (fixtures)
    DESKTOP, PHONE, demo_site, module_browser, open_page, role_contexts, role_page_id, role_pages,
)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def axe():
    return axe_source()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360px", "1280px"])
@pytest.mark.parametrize(("role", "main_page"), role_pages(), ids=role_page_id)
def test_no_serious_accessibility_violations(role, main_page, viewport, demo_site, role_contexts, axe):
    page = role_contexts.page(role, viewport)
    open_page(page, demo_site, main_page)

    found = serious_violations(page, axe)
    assert not found, "\n".join(found)
