"""Readers' journeys through the site in a real browser."""

import re

import pytest
from playwright.sync_api import expect

from knowledge.models import ExplainerPage
from programme.models import MeetingReportIndexPage
from tests.browser.conftest import expect_no_csp_violations

pytestmark = pytest.mark.django_db


def explainer_titles(slug_of_english):
    english = ExplainerPage.objects.get(locale__language_code="en", slug=slug_of_english)
    return {
        page.locale.language_code: page.title
        for page in ExplainerPage.objects.filter(
            translation_key=english.translation_key, alias_of__isnull=True
        ).select_related("locale")
    }


def test_a_spanish_reader_searches_reads_a_definition_and_switches_to_french(new_page, site_url):
    titles = explainer_titles("how-dns-works")
    assert {"es", "fr"} <= set(titles)
    page = new_page(locale="es-ES")

    page.goto(site_url + "/")
    expect(page).to_have_url(re.compile(r"/es/$"))
    expect(page.locator("html")).to_have_attribute("lang", "es")

    page.fill("#site-search", "DNS")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/es/search/\?q=DNS"))
    page.get_by_role("link", name=titles["es"], exact=True).click()
    expect(page.locator("h1")).to_have_text(titles["es"])

    term = page.locator(".gloss__term").first
    term.click()
    popover = page.locator(f"#{term.get_attribute('popovertarget')}")
    expect(popover).to_be_visible()
    assert len(popover.inner_text().strip()) > 20

    page.keyboard.press("Escape")
    page.locator("nav.languages summary").click()
    page.locator('nav.languages a[hreflang="fr"]').click()
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.locator("h1")).to_have_text(titles["fr"])
    assert "/fr/" in page.url
    expect_no_csp_violations(page, "a reader's journey")


def test_b_arabic_reader_on_a_narrow_screen_uses_the_menu(new_page, site_url):
    page = new_page(locale="ar", width=375, height=740, is_mobile=True, has_touch=True)
    page.goto(site_url + "/ar/")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    # Nothing is wider than the screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= 375

    toggle = page.locator(".menu-toggle")
    expect(toggle).to_be_visible()
    expect(page.locator(".main-nav ul")).to_be_hidden()
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    links = page.locator(".main-nav a")
    expect(links.first).to_be_visible()
    # The menu starts at the right-hand side in a right-to-left page.
    box = links.first.bounding_box()
    assert box["x"] + box["width"] > 375 / 2
    target = links.nth(1)
    href = target.get_attribute("href")
    target.click()
    expect(page).to_have_url(re.compile(re.escape(href) + "$"))
    expect(page.locator("html")).to_have_attribute("dir", "rtl")


def test_b_without_javascript_the_menu_is_simply_shown(browser, site_url):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 375, "height": 740})
    try:
        page = context.new_page()
        page.goto(site_url + "/ar/")
        expect(page.locator(".main-nav a").first).to_be_visible()
        expect(page.locator(".menu-toggle")).to_be_hidden()
        page.fill("#site-search", "DNS")
        page.keyboard.press("Enter")
        expect(page).to_have_url(re.compile(r"/ar/search/\?q=DNS"))
    finally:
        context.close()


def test_d_a_reader_finds_the_reports_feed_from_the_report_index(new_page, site_url):
    index = MeetingReportIndexPage.objects.get(locale__language_code="en")
    page = new_page()
    page.goto(site_url + index.url)
    feed = page.get_by_role("link", name="RSS")
    expect(feed).to_be_visible()
    href = feed.get_attribute("href")
    assert page.locator('link[rel="alternate"][type="application/rss+xml"]').count() >= 1
    response = page.request.get(site_url + href)
    assert response.status == 200
    assert "<rss" in response.text() and "<item>" in response.text()


def test_search_box_suggests_titles_as_the_reader_types(new_page, site_url):
    page = new_page(locale="fr-FR")
    page.goto(site_url + "/fr/")
    page.locator("#site-search").press_sequentially("rout", delay=30)
    suggestion = page.locator("#site-search-suggestions a", has_text="Routage IP")
    expect(suggestion).to_be_visible()
    suggestion.click()
    expect(page.locator("h1")).to_have_text("Routage IP")
