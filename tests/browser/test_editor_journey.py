"""c. An editor writes an explainer, publishes it, has it translated into French, publishes that, and finds it.

Runs against the live server with committed data (the server sees only committed rows), so the
test cleans up what it made. At each step the Content-Security-Policy must have blocked nothing: the
dashboard, the page editor and its preview panel, the translation editor, and the public page with
Wagtail's userbar, which a signed-in editor gets.
"""

import re

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect
from wagtail.models import Locale, Page

from knowledge.models import ExplainerPage, TopicPage
from tests.browser.conftest import expect_no_csp_violations

PASSWORD = "a long editor password 2026"
TITLE = "Zebrafinch registries and the routing table"


def remove_journey_data():
    keys = list(Page.objects.filter(title__contains="Zebrafinch").values_list("translation_key", flat=True))
    # Treebeard's queryset delete removes the source, its translations and the aliases made for them.
    Page.objects.filter(translation_key__in=keys).delete()
    get_user_model().objects.filter(username="journey-editor").delete()


@pytest.fixture
def editor(django_db_blocker):
    with django_db_blocker.unblock():
        remove_journey_data()  # in case an interrupted run left some behind
        user = get_user_model().objects.create_superuser("journey-editor", "editor@example.org", PASSWORD)
    yield user
    with django_db_blocker.unblock():
        remove_journey_data()


@pytest.mark.slow
def test_c_editor_creates_publishes_translates_and_finds_an_explainer(
    new_page, site_url, editor, django_db_blocker, settings
):
    # Wagtail's autosave creates the new page as a draft once its form is valid (a default review date made
    # it valid early); a Publish clicked while that request is under way posts to the "add" view again and
    # the slug is taken. The journey is about writing, publishing and translating, so it runs without autosave.
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    with django_db_blocker.unblock():
        topic = TopicPage.objects.get(locale__language_code="en", topic="routing")
        french = Locale.objects.get(language_code="fr")

    page = new_page(width=1400, height=1000)
    page.goto(site_url + "/admin/login/")
    page.fill("#id_username", "journey-editor")
    page.fill("#id_password", PASSWORD)
    page.locator("form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    expect(page.locator("#main")).to_be_visible()
    expect_no_csp_violations(page, "the dashboard")

    # Write the explainer.
    page.goto(f"{site_url}/admin/pages/add/knowledge/explainerpage/{topic.pk}/")
    page.fill("#id_title", TITLE)
    page.fill("#id_summary", "Zebrafinch is an invented word that lets this test find the page it wrote.")
    page.locator('[data-contentpath="why_it_matters"] [contenteditable="true"]').click()
    page.keyboard.type("Registries decide who may announce which addresses.")
    page.locator('[data-contentpath="body"] button[title="Insert a block"]').first.click()
    page.get_by_role("option", name="Text", exact=True).click()
    page.locator('[data-contentpath="body"] [contenteditable="true"]').first.click()
    page.keyboard.type("Each regional registry keeps a database of who holds which address block.")
    # The slug is normally filled from the title as the editor types; set it outright so a busy machine
    # (the browser slower than the typing) cannot leave it empty.
    page.get_by_role("tab", name="Promote").click()
    page.fill("#id_slug", "zebrafinch-registries-and-the-routing-table")
    page.get_by_role("tab", name="Settings").click()
    page.fill("#id_last_reviewed", "2026-11-01")
    page.get_by_role("tab", name="Content").click()
    expect_no_csp_violations(page, "the page editor")

    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()
    expect(page.locator(".messages")).to_contain_text("published")

    with django_db_blocker.unblock():
        explainer = ExplainerPage.objects.get(title=TITLE, locale__language_code="en")
    assert explainer.live

    # The preview panel shows the page as readers will see it, in a frame of the editor.
    page.goto(f"{site_url}/admin/pages/{explainer.pk}/edit/")
    page.get_by_role("button", name="Toggle preview").click()
    expect(page.frame_locator("iframe#w-preview-iframe").locator("h1")).to_have_text(TITLE)
    expect_no_csp_violations(page, "the preview panel")

    # Translate it into French with the translation editor (the test machine translator is the dummy one).
    page.goto(f"{site_url}/admin/localize/submit/page/{explainer.pk}/")
    page.check(f'input[name="locales"][value="{french.pk}"]')
    page.locator('form button[type="submit"], form input[type="submit"]').last.click()
    page.get_by_role("button", name=re.compile("Translate with")).click()
    expect_no_csp_violations(page, "the translation editor")
    page.get_by_role("button", name=re.compile("Publish in")).click()

    with django_db_blocker.unblock():
        translated = ExplainerPage.objects.get(translation_key=explainer.translation_key, locale=french)
    assert translated.live and translated.alias_of_id is None
    assert "Zebrafinch" in translated.title

    # A French reader finds it with the French search.
    page.goto(f"{site_url}/fr/search/?q=Zebrafinch")
    result = page.locator(".result-title a").first
    expect(result).to_have_attribute("href", re.compile(r"^/fr/"))
    result.click()
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    # Signed in, the editor gets Wagtail's userbar on the public page, with its content checks.
    page.locator("wagtail-userbar #wagtail-userbar-trigger").click()
    page.locator("wagtail-userbar #checker-trigger").click()
    expect(page.locator("wagtail-userbar #checker-results")).to_be_visible()
    expect_no_csp_violations(page, "a public page with the userbar")
