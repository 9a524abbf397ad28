"""A French reader opens a page for logged-in users, signs in on the site's own login page and is back on it.

Runs against the live server with committed data, so the test removes the restriction and the account it made.
"""

import re

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect
from wagtail.models import Locale, Page, PageViewRestriction

from tests.browser.conftest import axe_violations, describe

USERNAME, PASSWORD = "journey-reader", "a long reader password 2026"


def remove_journey_data():
    PageViewRestriction.objects.filter(page__slug="about", restriction_type="login").delete()
    get_user_model().objects.filter(username=USERNAME).delete()


@pytest.fixture
def members_only(django_db_blocker):
    with django_db_blocker.unblock():
        remove_journey_data()  # in case an interrupted run left some behind
        english = Page.objects.get(slug="about", locale__language_code="en", depth=3)
        page = english.get_translation(Locale.objects.get(language_code="fr"))
        PageViewRestriction.objects.create(page=page, restriction_type="login")
        get_user_model().objects.create_user(USERNAME, "reader@example.org", PASSWORD)
    yield page
    with django_db_blocker.unblock():
        remove_journey_data()


def test_a_french_reader_signs_in_and_is_back_on_the_page(new_page, site_url, members_only):
    page = new_page(locale="fr-FR")
    page.goto(site_url + members_only.url)
    expect(page).to_have_url(re.compile(r"/fr/_util/login/\?next="))
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.locator("h1")).to_have_text("Se connecter")
    violations = axe_violations(page)
    assert violations == [], describe(violations)

    page.get_by_label("Nom d’utilisateur").fill(USERNAME)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    expect(page).to_have_url(site_url + members_only.url)
    expect(page.locator("h1")).to_have_text(members_only.title)
