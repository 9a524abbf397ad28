"""Uploading a PO file in the translation editor: bad files get a message and change nothing."""

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from tests.factories import StandardPageFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def translation(home, locale):
    page = StandardPageFactory(parent=home, slug="to-translate", title="To translate", introduction="Plain words.")
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.create(source=source, target_locale=locale("fr"))
    translation.save_target(publish=False)  # the translation editor works on an existing draft
    return translation


@pytest.fixture
def editor(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    return client


def upload(client, translation, content, name="fr.po"):
    url = reverse("wagtail_localize:upload_pofile", args=[translation.id])
    data = {"next": "/admin/"}
    if content is not None:
        data["file"] = SimpleUploadedFile(name, content.encode() if isinstance(content, str) else content)
    return client.post(url, data, follow=True)


def filled(translation, header=True, uuid=None):
    po = translation.export_po()
    if not header:
        po.metadata.pop("X-WagtailLocalize-TranslationID")
    if uuid:
        po.metadata["X-WagtailLocalize-TranslationID"] = uuid
    for entry in po:
        entry.msgstr = f"FR {entry.msgid}"
    return str(po)


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


@pytest.mark.parametrize(
    ("make_content", "expected"),
    [
        (lambda t: filled(t, header=False), "has no translation header"),
        (lambda t: filled(t, uuid="3f0c3b8e-0000-4000-8000-000000000000"), "made for a different translation"),
        (lambda t: 'msgid "unclosed\nmsgstr ""\n"""', "not a PO file that can be read"),
        (lambda t: b"\xff\xfe\x00garbage", "not a PO file that can be read"),
        (lambda t: None, "Choose a PO file"),
    ],
)
def test_bad_uploads_are_refused_with_a_message_and_change_nothing(editor, translation, make_content, expected):
    before = StringTranslation.objects.count()
    response = upload(editor, translation, make_content(translation))
    assert response.status_code == 200
    assert any(expected in message for message in messages_of(response))
    assert StringTranslation.objects.count() == before


def test_a_good_upload_is_imported(editor, translation):
    response = upload(editor, translation, filled(translation))
    assert any("Successfully imported" in message for message in messages_of(response))
    assert StringTranslation.objects.filter(locale=translation.target_locale, data="FR To translate").exists()


def test_upload_needs_an_editor(client, translation):
    response = client.post(reverse("wagtail_localize:upload_pofile", args=[translation.id]))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_upload_for_a_translation_not_started_is_404(editor, home, locale):
    page = StandardPageFactory(parent=home, slug="not-started")
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.create(source=source, target_locale=locale("es"))
    assert upload(editor, translation, filled(translation)).status_code == 404


def test_exported_po_round_trips_through_polib(translation):
    assert polib.pofile(str(translation.export_po())).metadata["X-WagtailLocalize-TranslationID"] == str(
        translation.uuid
    )
