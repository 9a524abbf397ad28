"""Demo content: loaded once, unchanged by a second run, translated through wagtail-localize's PO import."""

import polib
import pytest
import wagtail_factories
import yaml
from django.core.management import CommandError, call_command
from wagtail.models import Page, Revision
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from programme.models import MeetingPage
from tests.factories import StandardPageFactory
from tests.small_corpus import small_corpus
from website.content.markdown import MarkdownStream, with_stable_ids
from website.content.po import translate_from_po

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus(tmp_path):
    return small_corpus(tmp_path)


def test_seed_demo_twice_changes_nothing(corpus):
    before = (Page.objects.count(), Revision.objects.count(), Translation.objects.count())
    call_command("seed_demo", content=corpus, verbosity=0)
    assert (Page.objects.count(), Revision.objects.count(), Translation.objects.count()) == before


def test_seed_demo_keeps_edits_made_in_the_admin(home, corpus):
    about = home.get_children().get(slug="about").specific
    about.title = "About us (edited)"
    about.save_revision().publish()
    call_command("seed_demo", content=corpus, verbosity=0)
    about.refresh_from_db()
    assert about.title == "About us (edited)"


@pytest.mark.slow
def test_seed_demo_force_restores_the_content_files(home, corpus, locale, django_capture_on_commit_callbacks):
    about = home.get_children().get(slug="about").specific
    french = about.get_translation(locale("fr")).specific
    about.title, french.title = "About us (edited)", "À propos (modifié)"
    about.save_revision().publish()
    french.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes on commit
        call_command("seed_demo", "--force", content=corpus, verbosity=0)
    about.refresh_from_db()
    french.refresh_from_db()
    assert about.title == "About the programme"
    assert french.title != "À propos (modifié)"


def test_seed_demo_refuses_a_folder_that_is_not_content(tmp_path):
    with pytest.raises(CommandError):
        call_command("seed_demo", content=tmp_path, verbosity=0)


def test_block_ids_are_stable_and_follow_content():
    stream = MarkdownStream()
    first = stream.convert("## One\n\nText.\n\n## Two\n\nMore.", key="page")
    again = stream.convert("## One\n\nText.\n\n## Two\n\nMore.", key="page")
    moved = stream.convert("## Two\n\nMore.\n\n## One\n\nText.", key="page")
    assert [block["id"] for block in first] == [block["id"] for block in again]
    assert {block["id"] for block in first} == {block["id"] for block in moved}
    duplicates = with_stable_ids([{"type": "paragraph", "value": "<p>Same</p>"} for _ in range(2)], "page")
    assert duplicates[0]["id"] != duplicates[1]["id"]


def test_markdown_becomes_blocks():
    blocks = MarkdownStream().convert(
        "Intro line one\nwraps here.\n\n## A heading\n\n::: callout Mind this\nBe **brief**.\n:::\n\n- one\n- two",
        key="doc",
    )
    assert [block["type"] for block in blocks] == ["paragraph", "heading", "callout", "paragraph"]
    assert blocks[0]["value"] == "<p>Intro line one wraps here.</p>"
    assert blocks[1]["value"] == {"text": "A heading", "level": "h2"}
    assert blocks[2]["value"]["text"] == "<p>Be <b>brief</b>.</p>"
    assert blocks[3]["value"] == "<ul><li>one</li><li>two</li></ul>"


def test_table_cells_are_translated_through_wagtail_localize(home, locale, django_capture_on_commit_callbacks):
    page = StandardPageFactory(
        parent=home,
        slug="table-page",
        body=[
            {
                "type": "table",
                "value": {
                    "first_row_is_table_header": True,
                    "first_col_is_header": False,
                    "table_caption": "Levels",
                    "data": [["Level", "Meaning"], ["Internet Standard", None]],
                },
            }
        ],
    )
    source, _created = TranslationSource.get_or_create_from_instance(page)
    strings = {
        segment.string.data
        for segment in StringSegment.objects.filter(source=source).select_related("string")
        if segment.context.path.startswith("body.")
    }
    assert strings == {"Levels", "Level", "Meaning", "Internet Standard"}

    translation = Translation.objects.create(source=source, target_locale=locale("fr"))
    po = translation.export_po()
    french = {
        "Levels": "Niveaux",
        "Level": "Niveau",
        "Meaning": "Sens",
        "Internet Standard": "Norme Internet",
    }
    for entry in po:
        entry.msgstr = french.get(entry.msgid, entry.msgid)
    translation.import_po(polib.pofile(str(po)))
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)

    translated = page.get_translation(locale("fr")).specific
    table = translated.body[0].value
    assert table["table_caption"] == "Niveaux"
    assert table["data"] == [["Niveau", "Sens"], ["Norme Internet", None]]


def test_a_translation_in_progress_is_not_published(home, locale, tmp_path):
    """A PO file with untranslated entries leaves the page untranslated (readers get the labelled English page)."""
    page = StandardPageFactory(parent=home, slug="half-done", title="Half done", introduction="Two sentences.")
    (tmp_path / "fr").mkdir()
    source, _created = TranslationSource.get_or_create_from_instance(page)
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=utf-8"}
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        translated = {"title": "À moitié fait"}.get(segment.context.path, "")
        po.append(polib.POEntry(msgctxt=segment.context.path, msgid=segment.string.data, msgstr=translated))
    po.save(str(tmp_path / "fr" / "half.po"))
    assert translate_from_po(page, "fr", "half", tmp_path) is None
    assert page.get_translation_or_none(locale("fr")) is None or page.get_translation(locale("fr")).alias_of_id

    for entry in po:
        entry.msgstr = entry.msgstr or f"FR {entry.msgid}"
    po.save(str(tmp_path / "fr" / "half.po"))
    with_translation = translate_from_po(page, "fr", "half", tmp_path)
    assert with_translation is not None and with_translation.title == "À moitié fait"


def test_image_alt_text_is_offered_for_translation(home):
    image = wagtail_factories.ImageFactory()
    page = StandardPageFactory(
        parent=home,
        slug="with-image",
        body=[
            {
                "type": "image",
                "value": {"image": image.pk, "alt_text": "Engineers at a working-group session", "decorative": False},
            }
        ],
    )
    source, _created = TranslationSource.get_or_create_from_instance(page)
    strings = {
        segment.context.path.rsplit(".", 1)[-1]: segment.string.data
        for segment in StringSegment.objects.filter(source=source).select_related("string", "context")
    }
    assert strings["alt_text"] == "Engineers at a working-group session"


def test_an_unchanged_second_seed_does_nothing_in_a_query_or_two(django_assert_max_num_queries):
    call_command("seed_demo", verbosity=0)  # the test database was seeded from these same files
    with django_assert_max_num_queries(2):
        call_command("seed_demo", verbosity=0)


def test_a_changed_content_file_is_loaded_again(home, corpus):
    about = home.get_children().get(slug="about").specific
    call_command("seed_demo", content=corpus, verbosity=0)  # records what the small corpus holds
    page = corpus / "pages" / "about.md"
    text = page.read_text(encoding="utf-8").replace("About the programme", "About the programme (new)", 1)
    page.unlink()  # a link to the real file: replaced by a changed copy
    page.write_text(text, encoding="utf-8")
    call_command("seed_demo", content=corpus, verbosity=0)
    about.refresh_from_db()
    assert about.title == "About the programme (new)"
    privacy = home.get_children().get(slug="privacy").specific
    assert privacy.get_latest_revision().created_at < about.get_latest_revision().created_at


def replace_link(path, text):
    """The small corpus links to the real content files: a changed copy takes the link's place."""
    path.unlink()
    path.write_text(text, encoding="utf-8")


def test_a_changed_participation_record_reaches_the_meeting_page(home, corpus):
    call_command("seed_demo", content=corpus, verbosity=0)
    meeting = MeetingPage.objects.get(locale=home.locale, number=100)
    revisions = meeting.revisions.count()
    records = corpus / "programme" / "participation.yaml"
    facts = yaml.safe_load(records.read_text(encoding="utf-8"))
    facts[100] = {**facts.get(100, {}), "participants": 17}
    replace_link(records, yaml.safe_dump(facts, allow_unicode=True))
    call_command("seed_demo", content=corpus, verbosity=0)
    meeting.refresh_from_db()
    assert meeting.participants == 17
    assert meeting.revisions.count() == revisions + 1
    assert meeting.live_revision == meeting.get_latest_revision()


def test_a_new_meeting_line_leaves_the_other_meetings_alone(home, corpus):
    call_command("seed_demo", content=corpus, verbosity=0)
    meeting = MeetingPage.objects.get(locale=home.locale, number=100)
    revisions = meeting.revisions.count()
    meetings = corpus / "programme" / "meetings.csv"
    replace_link(meetings, meetings.read_text(encoding="utf-8") + "130,Testville,Nowhere,NO,2031-03-01,2031-03-07\n")
    call_command("seed_demo", content=corpus, verbosity=0)
    assert MeetingPage.objects.filter(locale=home.locale, number=130, live=True).exists()
    assert meeting.revisions.count() == revisions
