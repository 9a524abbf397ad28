"""Screenshots kept as test artefacts, for a reviewer to look at after each run: the home page, an explainer with a
diagram and a meeting page, in English and Arabic, at 375 and 1280 px (``test-artifacts/screens/``).

What can be checked mechanically is checked on the way: nothing scrolls sideways, and the diagram is drawn, right
to left in Arabic.
"""

import pytest
from wagtail.models import Locale

from knowledge.models import ExplainerPage
from programme.models import MeetingPage
from tests.browser.conftest import ARTIFACTS

pytestmark = pytest.mark.django_db
SCREENS = ARTIFACTS / "screens"


def paths(code):
    locale = Locale.objects.get(language_code=code)
    diagram = ExplainerPage.objects.get(locale__language_code="en", slug="how-dns-works")
    return {
        "home": f"/{code}/",
        "explainer-with-diagram": diagram.get_translation(locale).url,
        "meeting": MeetingPage.objects.get(locale=locale, number=84).url,
    }


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("code", ["en", "ar"])
def test_screens_of_three_page_types_are_kept(new_page, site_url, code, width):
    SCREENS.mkdir(parents=True, exist_ok=True)
    for name, path in paths(code).items():
        page = new_page(locale="ar" if code == "ar" else "en-GB", width=width, height=800)
        assert page.goto(site_url + path).status == 200, path
        screen = SCREENS / f"{name}-{code}-{width}.png"
        page.screenshot(path=str(screen), full_page=True)
        assert screen.stat().st_size > 5_000
        assert page.evaluate("document.documentElement.scrollWidth") <= width, f"{path} scrolls sideways at {width}"
        if name == "explainer-with-diagram":
            diagram = page.locator("figure.diagram svg").first
            assert diagram.bounding_box()["width"] > 0.8 * min(width - 40, 640)
            assert (diagram.get_attribute("direction") == "rtl") == (code == "ar")
