"""The translation coverage report in the admin."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Page

from tests.factories import StandardPageFactory, UserFactory, untranslate_segment
from website.coverage import coverage

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    return client


def test_report_counts_every_page_in_every_language():
    tables, _sections = coverage()
    pages = tables[0]
    english_pages = Page.objects.filter(locale__language_code="en", depth__gte=2).count()
    assert len(pages.rows) == english_pages
    for code, counts in pages.counts.items():
        assert sum(counts.values()) == english_pages
        real = Page.objects.filter(locale__language_code=code, depth__gte=2, alias_of__isnull=True).count()
        assert counts["translated"] + counts["outdated"] == real
        aliases = Page.objects.filter(locale__language_code=code, alias_of__isnull=False).count()
        assert counts["alias"] == aliases


def test_report_lists_snippets_too():
    titles = [str(table.title) for table in coverage()[0]]
    assert "Glossary terms" in titles and "Navigation menus" in titles


def test_a_page_published_after_its_translation_shows_as_outdated(home):
    about = home.get_children().get(slug="about").specific
    about.save_revision().publish()
    pages = coverage()[0][0]
    row = next(row for row in pages.rows if row.label.endswith("About the programme"))
    assert "outdated" in [cell.status for cell in row.cells]


def test_filters_by_section_and_language(admin_client, home):
    knowledge = home.get_children().get(slug="knowledge")
    tables, _sections = coverage(section_id=knowledge.pk, language="fr")
    assert [locale.language_code for locale in tables[0].languages] == ["fr"]
    assert all("Programme" not in row.label for row in tables[0].rows)
    response = admin_client.get(reverse("translation_coverage"), {"section": knowledge.pk, "language": "fr"})
    assert response.status_code == 200
    assert admin_client.get(reverse("translation_coverage"), {"section": "x", "language": "xx"}).status_code == 200


def test_queries_do_not_grow_with_pages(admin_client, home):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert admin_client.get(reverse("translation_coverage")).status_code == 200
        return len(captured)

    parent = StandardPageFactory(parent=home, slug="many")
    for number in range(10):
        StandardPageFactory(parent=parent, slug=f"many-{number}")
    admin_client.get(reverse("translation_coverage"))
    with_ten = queries()
    for number in range(10, 60):
        StandardPageFactory(parent=parent, slug=f"many-{number}")
    assert queries() == with_ten


def test_a_translation_with_untranslated_segments_shows_as_partial_with_its_share(admin_client, home):
    from website.review import progress_of  # noqa: PLC0415

    about = home.get_children().get(slug="about")
    french = about.get_translation(about.locale.__class__.objects.get(language_code="fr"))
    translation = untranslate_segment(french, "title")
    percent = progress_of(translation).percent
    assert 0 < percent < 100
    row = next(row for row in coverage(language="fr")[0][0].rows if row.label.endswith("About the programme"))
    assert (row.cells[0].status, row.cells[0].percent) == ("partial", percent)
    page = admin_client.get(reverse("translation_coverage"), {"language": "fr"}).content.decode()
    assert f"Partly translated ({percent}%)" in page
