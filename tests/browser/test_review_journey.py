"""d. A French translator translates a page and submits it; a French reviewer approves it; a reader sees it in French.

Runs against the live server with committed data, so the test cleans up what it made. The page
is sent for translation as an editor does (wagtail-localize's "Translate this page"), which makes
a French draft; the translator works in the translation editor (the test's machine translator is
wagtail-localize's dummy one), and only the reviewer's approval publishes it.
"""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from playwright.sync_api import expect
from wagtail.models import Locale, Page
from wagtail_localize.operations import translate_object

from tests.browser.conftest import expect_no_csp_violations
from website.models import StandardPage

PASSWORD = "a long reviewer password 2026"
TITLE = "Zebrafinch notes on review"
USERS = {"journey-translator": "Translators (French)", "journey-reviewer": "Reviewers (French)"}
ARTIFACTS_WIDTHS = (1280, 375)


def remove_journey_data():
    keys = list(Page.objects.filter(title__contains="Zebrafinch").values_list("translation_key", flat=True))
    Page.objects.filter(translation_key__in=keys).delete()
    get_user_model().objects.filter(username__in=USERS).delete()


@pytest.fixture
def french_draft(django_db_blocker):
    """An English page, published, sent for translation into French by an editor: a French draft."""
    with django_db_blocker.unblock():
        remove_journey_data()
        for username, group in USERS.items():
            user = get_user_model().objects.create_user(username, f"{username}@example.org", PASSWORD)
            user.groups.add(Group.objects.get(name=group))
        home = Page.objects.get(depth=2, locale__language_code="en")
        english = home.add_child(
            instance=StandardPage(
                title=TITLE, slug="zebrafinch-notes", introduction="<p>Reviewers read before readers do.</p>"
            )
        )
        english.save_revision().publish()
        french = Locale.objects.get(language_code="fr")
        translate_object(english, [french])
        draft = StandardPage.objects.get(translation_key=english.translation_key, locale=french)
        assert not draft.live
    yield draft
    with django_db_blocker.unblock():
        remove_journey_data()


def sign_in(page, site_url, username):
    page.goto(site_url + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.locator("form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))


@pytest.mark.slow
def test_d_translator_submits_reviewer_approves_reader_sees_it_in_french(
    new_page, site_url, french_draft, django_db_blocker
):
    # The translator: the main action is "Submit for review", and there is no "Convert to alias page".
    translator = new_page(width=1280, height=900)
    sign_in(translator, site_url, "journey-translator")
    translator.goto(f"{site_url}/admin/pages/{french_draft.pk}/edit/")
    expect(translator.get_by_role("button", name="Submit for review")).to_be_visible()
    expect(translator.get_by_text("Convert to alias page")).to_have_count(0)
    translator.get_by_role("button", name=re.compile("Translate with")).click()
    expect(translator.locator("[data-translation-progress]")).to_be_visible()
    translator.reload()
    expect(translator.locator("[data-translation-progress]")).to_contain_text("(100%)")
    expect_no_csp_violations(translator, "the translator's editor")
    translator.get_by_role("button", name="Submit for review").click()
    expect(translator.locator(".messages")).to_contain_text("was sent for review (French review)")
    expect(translator.get_by_text("Waiting for review (French review)")).to_be_visible()

    with django_db_blocker.unblock():
        french_draft.refresh_from_db()
        assert not french_draft.live, "submitting publishes nothing"
        translated_title = french_draft.get_latest_revision_as_object().title
    assert translated_title != TITLE

    # The reviewer finds it on the dashboard and approves it.
    reviewer = new_page(width=1280, height=900)
    sign_in(reviewer, site_url, "journey-reviewer")
    panel = reviewer.locator("#awaiting-review-section")
    expect(panel).to_contain_text(translated_title)
    panel.get_by_role("button", name="Actions").click()
    panel.get_by_role("button", name="Approve", exact=True).click()
    # Wagtail posts the approval and reloads the dashboard, where the page no longer waits.
    expect(reviewer.locator("#awaiting-review-section")).to_have_count(0)

    with django_db_blocker.unblock():
        french_draft.refresh_from_db()
        assert french_draft.live and french_draft.title == translated_title

    # A French reader sees it live, in French.
    reader = new_page(locale="fr-FR", width=375, height=800)
    reader.goto(site_url + french_draft.url)
    expect(reader.locator("html")).to_have_attribute("lang", "fr")
    expect(reader.locator("h1")).to_have_text(translated_title)
