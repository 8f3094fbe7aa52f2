"""On a 360-px phone every main page fits the screen: nothing scrolls sideways and every
button, link and field a person can act on lies inside the screen's width, for each role."""
import pytest

from tests.browser.checks import actions_outside_the_screen, horizontal_overflow
from tests.browser.demo_site import (  # noqa: F401  (fixtures)
    PHONE, demo_site, module_browser, open_page, role_contexts, role_page_id, role_pages,
)

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(("role", "main_page"), role_pages(), ids=role_page_id)
def test_every_action_is_on_a_phone_screen(role, main_page, demo_site, role_contexts):
    page = role_contexts.page(role, PHONE)
    open_page(page, demo_site, main_page)

    assert actions_outside_the_screen(page) == []
    assert horizontal_overflow(page) == 0
