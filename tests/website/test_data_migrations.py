"""The data-migration step that turned plain introductions into rich text (pages and their revisions)."""

import pytest
from django.apps import apps

from tests.factories import StandardPageFactory
from website.data_migrations import as_html, plain_field_to_rich_text
from website.models import StandardPage

pytestmark = pytest.mark.django_db


def test_plain_text_becomes_escaped_paragraphs_and_html_is_left_alone():
    assert as_html("One & two.\n\nThree <four>.") == "<p>One &amp; two.</p><p>Three &lt;four&gt;.</p>"
    assert as_html("<p>Already rich.</p>") == "<p>Already rich.</p>"
    assert as_html("") == ""


def test_pages_and_their_revisions_are_converted(home):
    page = StandardPageFactory(parent=home, slug="plain-intro")
    page.save_revision()
    StandardPage.objects.filter(pk=page.pk).update(introduction="Written before rich text.")
    revision = page.get_latest_revision()
    revision.content["introduction"] = "Written before rich text."
    revision.save()
    plain_field_to_rich_text("website", ["standardpage"], "introduction")(apps, None)
    page.refresh_from_db()
    revision.refresh_from_db()
    assert page.introduction == "<p>Written before rich text.</p>"
    assert revision.content["introduction"] == "<p>Written before rich text.</p>"
