"""The explainers' diagrams: drawn on the server in every language that has the explainer, mirrored right to left
where direction means something, accessible, small, and with no script or raster image."""

import gzip
import re

import pytest
from django.conf import settings

from knowledge.diagrams import DRAFT_TO_RFC, DRAWINGS, PEERING_TRANSIT, render
from knowledge.models import TOPICS, ExplainerPage
from tests.html import parse, text_of

pytestmark = pytest.mark.django_db
LANGUAGES = [code for code, _name in settings.LANGUAGES]
MAX_GZIP_BYTES = 8 * 1024


def squeeze(text: str) -> str:
    """Spaces (no-break ones too) made single ordinary spaces."""
    return " ".join(text.split())


def reading_text(element) -> str:
    """The text as read, without the glossary help's definitions (marked terms keep their words)."""
    for definition in element.select(".gloss__popover"):
        definition.decompose()
    return squeeze(element.get_text(""))


def diagrams_in(page):
    return [block for block in page.body if block.block_type == "diagram"]


def english_with_diagrams():
    return [page for page in ExplainerPage.objects.live().filter(locale__language_code="en") if diagrams_in(page)]


def test_every_topic_has_a_diagram_and_every_drawing_is_used():
    pages = english_with_diagrams()
    topics = {page.get_parent().specific.topic for page in pages}
    assert topics == {value for value, _label in TOPICS}
    drawings = [block.value["drawing"] for page in pages for block in diagrams_in(page)]
    assert sorted(drawings) == sorted(DRAWINGS) and len(drawings) >= 6


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_diagrams_are_drawn_in_every_language_that_has_the_explainer(client, language):
    for english in english_with_diagrams():
        page = english.get_translation(english.locale.__class__.objects.get(language_code=language))
        assert not page.alias_of_id, f"{english.slug} has no {language} translation"
        block = diagrams_in(page.specific)[0]
        html = parse(client.get(page.url).content.decode())
        figure = html.select_one("figure.diagram")
        svg = figure.select_one("svg")
        assert svg["role"] == "img"
        title, description = svg.select_one("title"), svg.select_one("desc")
        assert svg["aria-labelledby"] == f"{title['id']} {description['id']}"
        assert (
            squeeze(text_of(title)) == squeeze(block.value["caption"]) == reading_text(figure.select_one("figcaption"))
        )
        assert squeeze(text_of(description)) == squeeze(block.value["description"])
        assert squeeze(block.value["description"]) == reading_text(figure.select_one("details p"))
        drawn = "".join("".join(text_of(text).split()) for text in svg.select("text"))
        for label in block.value["labels"]:
            # Every label is drawn, perhaps on several lines (compared without the spaces lines break at).
            assert "".join(label.split()) in drawn, (language, english.slug, label)
        if language != "en":  # translated, not the English labels
            english_labels = set(diagrams_in(english)[0].value["labels"])
            assert set(block.value["labels"]) != english_labels, (language, english.slug)
        assert not svg.select("script, img, image, foreignObject, button")  # glossary help stays out of drawings
        assert len(gzip.compress(str(svg).encode())) < MAX_GZIP_BYTES


def x_of_first_box(svg: str) -> float:
    return float(re.search(r'<rect class="dg-box[^"]*" x="([\d.]+)"', svg).group(1))


def test_a_sequence_is_mirrored_right_to_left_and_a_symmetric_drawing_is_not():
    left_to_right = render(DRAFT_TO_RFC, [], False, "t", "d", "a")
    right_to_left = render(DRAFT_TO_RFC, [], True, "t", "d", "a")
    assert x_of_first_box(left_to_right) < DRAFT_TO_RFC.width / 2 < x_of_first_box(right_to_left)
    assert 'direction="rtl"' in right_to_left
    assert x_of_first_box(render(PEERING_TRANSIT, [], True, "t", "d", "b")) == x_of_first_box(
        render(PEERING_TRANSIT, [], False, "t", "d", "b")
    )


def test_the_arabic_page_draws_the_mirrored_diagram(client, locale):
    english = ExplainerPage.objects.get(locale=locale("en"), slug="from-internet-draft-to-rfc")
    arabic = english.get_translation(locale("ar"))
    svg = parse(client.get(arabic.url).content.decode()).select_one("figure.diagram svg")
    assert svg["direction"] == "rtl"
    assert float(svg.select_one("rect.dg-box")["x"]) > DRAFT_TO_RFC.width / 2


def test_labels_are_escaped_and_missing_ones_keep_the_english():
    svg = render(DRAFT_TO_RFC, ["<script>alert(1)</script>"], False, "<b>", "&", "c")
    assert "<script>" not in svg and "&lt;script&gt;" in svg and '<title id="c-title">&lt;b&gt;</title>' in svg
    assert ">Published as</tspan>" in svg  # the fifth label, not given: the English default (on two lines)


def test_chinese_labels_are_cut_by_characters():
    svg = render(DRAFT_TO_RFC, ["任何人都可以撰写互联网草案文档内容"], False, "t", "d", "z")
    first = svg.split("<text", 1)[1].split("</text>", 1)[0]
    assert first.count("<tspan") >= 2
