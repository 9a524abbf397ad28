"""axe-core (WCAG 2.0, 2.1 and 2.2, A and AA) finds no violation on any page type in any language."""

import pytest
from django.conf import settings
from wagtail.models import Locale

from knowledge.models import ExplainerPage, GlossaryPage, TopicIndexPage, TopicPage
from programme.models import MeetingPage, MeetingReportIndexPage, MeetingReportPage, ProgrammePage
from tests.browser.conftest import axe_violations, describe

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def diagram_explainer():
    return ExplainerPage.objects.get(locale__language_code="en", slug="how-dns-works")


def page_paths(code):
    """One page of each type in a language (an explainer written in it where there is one)."""
    locale = Locale.objects.get(language_code=code)

    def first(model, **filters):
        pages = model.objects.live().filter(locale=locale, **filters)
        return (pages.filter(alias_of__isnull=True).first() or pages.first()).url

    paths = {
        "home": f"/{code}/",
        "knowledge": first(TopicIndexPage),
        "topic": first(TopicPage, topic="dns"),
        # One with a diagram (an inline SVG with its title, description and labels in the page's language).
        "explainer": first(ExplainerPage, translation_key=diagram_explainer().translation_key),
        "explainer-in-english": (
            ExplainerPage.objects.live().filter(locale=locale, alias_of__isnull=False).first()
            or ExplainerPage.objects.live().filter(locale=locale).first()
        ).url,
        "glossary": first(GlossaryPage),
        "programme": first(ProgrammePage),
        "meeting": first(MeetingPage),
        "reports": first(MeetingReportIndexPage),
        "report": first(MeetingReportPage),
        "search": f"/{code}/search/?q=DNS",
    }
    return paths


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_page_type_has_no_wcag_violation(new_page, site_url, code):
    page = new_page()
    failures = {}
    for kind, path in page_paths(code).items():
        response = page.goto(site_url + path)
        assert response.status == 200, (kind, path)
        violations = axe_violations(page)
        if violations:
            failures[f"{kind} {path}"] = describe(violations)
    assert not failures, "\n".join(f"{where}:\n{text}" for where, text in failures.items())


@pytest.mark.parametrize("code", ["en", "ar"])
def test_skip_link_landmarks_headings_and_focus(new_page, site_url, code):
    page = new_page()
    page.goto(f"{site_url}/{code}/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className + ' ' + document.activeElement.getAttribute('href')")
    assert "skip-link" in focused and "#main" in focused
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("none", "")
    for landmark in ("header", "nav", "main", "footer"):
        assert page.locator(landmark).count() >= 1, landmark
    levels = page.evaluate("[...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map(h => +h.tagName[1])")
    assert levels[0] == 1 and all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False))


def test_the_check_finds_violations_when_there_are_some(new_page):
    """The accessibility check is live: a page with known faults fails it."""
    page = new_page()
    page.set_content(
        '<html><body><img src="x.png"><a href="#"></a><p style="color:#ccc;background:#fff">Faint</p></body></html>'
    )
    found = {violation["id"] for violation in axe_violations(page)}
    assert {"image-alt", "html-has-lang", "link-name", "color-contrast"} <= found
