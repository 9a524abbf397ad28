"""Heading anchors are unique within a page, and the contents link to the ids the headings render."""

import pytest
from wagtail.models import Page

from knowledge.models import TopicPage
from tests.factories import ExplainerPageFactory, StandardPageFactory
from tests.html import parse

pytestmark = pytest.mark.django_db


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def paragraph(text):
    return {"type": "paragraph", "value": f"<p>{text}</p>"}


def ids_of(html):
    return [node["id"] for node in parse(html).select("[id]")]


def test_two_headings_with_the_same_text_get_distinct_ids(client, home):
    page = StandardPageFactory(
        parent=home,
        slug="twice",
        body=[heading("Background"), paragraph("One."), heading("Background"), paragraph("Two.")],
    )
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    ids = ids_of(html)
    assert "background" in ids and "background-2" in ids
    assert len(ids) == len(set(ids))


def test_a_heading_called_like_an_explainer_section_keeps_its_own_id(client):
    topic = TopicPage.objects.filter(locale__language_code="en").first()
    explainer = ExplainerPageFactory(
        parent=topic,
        slug="references-twice",
        body=[heading("References"), paragraph("Our own."), heading("Overview"), heading("Overview")],
    )
    explainer.save_revision().publish()
    explainer = Page.objects.get(pk=explainer.pk).specific
    html = client.get(explainer.url).content.decode()
    ids = ids_of(html)
    assert len(ids) == len(set(ids)), sorted(ids)
    assert {"references-2", "overview", "overview-2"} <= set(ids)
    contents = parse(html).select("nav.toc a")
    assert [link["href"] for link in contents][-3:] == ["#references-2", "#overview", "#overview-2"]
