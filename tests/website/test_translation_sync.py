"""Translations over time: stale notices when the English changes, and nothing lost on re-sync."""

import polib
import pytest
from django.urls import reverse
from django.utils import formats, timezone, translation
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

from tests.factories import StandardPageFactory, UserFactory
from website.content.po import translate_from_po

pytestmark = pytest.mark.django_db

PARAGRAPHS = ["<p>Standards are written in the open.</p>", "<p>Anyone can take part.</p>"]


def french(text):
    return {
        "A page to translate": "Une page à traduire",
        "Standards are written in the open.": "Les normes sont écrites au grand jour.",
        "Anyone can take part.": "Tout le monde peut participer.",
        "An introduction.": "Une introduction.",
    }.get(text)


@pytest.fixture
def translated(home, locale, tmp_path, django_capture_on_commit_callbacks):
    """An English page and its French translation, made through a content PO file as seed_demo does."""
    page = StandardPageFactory(
        parent=home,
        slug="sync-me",
        title="A page to translate",
        introduction="An introduction.",
        body=[{"type": "paragraph", "value": text} for text in PARAGRAPHS],
    )
    page.save_revision().publish()
    source, _created = TranslationSource.get_or_create_from_instance(page)
    po = polib.POFile()
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        po.append(
            polib.POEntry(
                msgctxt=segment.context.path, msgid=segment.string.data, msgstr=french(segment.string.data) or ""
            )
        )
    (tmp_path / "fr").mkdir()
    po.save(str(tmp_path / "fr" / "sync-me.po"))
    with django_capture_on_commit_callbacks(execute=True):
        assert translate_from_po(page, "fr", "sync-me", tmp_path) is not None
    french_page = page.get_translation(locale("fr")).specific
    assert french_page.live and french_page.title == "Une page à traduire"
    return page, french_page


def change_english(page):
    page.refresh_from_db()
    page.body = [
        {"type": "paragraph", "value": PARAGRAPHS[0]},
        {"type": "paragraph", "value": "<p>Anyone can take part, from anywhere.</p>"},
    ]
    page.save_revision().publish()


def test_readers_and_editors_are_told_when_the_original_changed(client, translated):
    page, french_page = translated
    assert 'class="notice"' not in client.get(french_page.url).content.decode()

    change_english(page)
    content = client.get(french_page.url).content.decode()
    published = type(page).objects.get(pk=page.pk).last_published_at
    with translation.override("fr"):
        notice = translation.gettext(
            "The original of this page was updated on %(date)s, after this translation was made. "
            "Some parts may not be up to date yet."
        ) % {"date": formats.date_format(timezone.localtime(published), "DATE_FORMAT")}
    assert notice.startswith("L’original")
    assert f'<p class="notice" role="note">{notice}</p>' in content

    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    response = client.get(reverse("wagtailadmin_pages:edit", args=[french_page.pk]))
    warnings = [str(message) for message in response.context["messages"]]
    assert any("after this translation was last synced" in message for message in warnings)


def test_resync_keeps_human_translations_of_unchanged_text(translated, locale):
    page, french_page = translated
    change_english(page)
    source = TranslationSource.objects.get_for_instance(page)
    source.update_from_db()

    segments = {
        segment.string.data: segment for segment in StringSegment.objects.filter(source=source).select_related("string")
    }
    translated_strings = set(
        StringTranslation.objects.filter(
            locale=locale("fr"), translation_of__in=[s.string for s in segments.values()]
        ).values_list("translation_of__data", flat=True)
    )
    assert "Standards are written in the open." in translated_strings
    assert "A page to translate" in translated_strings
    assert "Anyone can take part, from anywhere." not in translated_strings, "only the changed text needs translating"
    # The slug was left untranslated on purpose (it keeps the English one).
    assert set(segments) - translated_strings - {"sync-me"} == {"Anyone can take part, from anywhere."}
