"""Uploads: documents limited in size and served as attachments, images served in production settings too."""

import io
import tracemalloc

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile, TemporaryUploadedFile
from django.urls import reverse
from PIL import Image as PillowImage
from wagtail.documents import get_document_model
from wagtail.documents.forms import get_document_form
from wagtail.images import get_image_model

pytestmark = pytest.mark.django_db
Document = get_document_model()


def test_a_50_mb_document_is_refused_without_being_read(admin_user):
    """Django has streamed the upload to a temporary file; the form judges it by its size alone."""
    upload = TemporaryUploadedFile("minutes.pdf", "application/pdf", 50 * 1024 * 1024, None)
    upload.seek(50 * 1024 * 1024 - 1)
    upload.write(b"\0")  # a sparse 50 MB file
    upload.seek(0)
    form_class = get_document_form(Document)
    tracemalloc.start()
    form = form_class({"title": "Minutes"}, {"file": upload}, user=admin_user)
    valid = form.is_valid()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert not valid
    assert "This file is 50.0\xa0MB; documents can be at most 20.0\xa0MB" in form.errors["file"][0]
    assert peak < 5 * 1024 * 1024


def test_the_admin_says_why_a_document_is_refused(admin_client, settings):
    settings.DOCUMENTS_MAX_UPLOAD_SIZE = 1024
    upload = SimpleUploadedFile("agenda.txt", b"x" * 4096, content_type="text/plain")
    response = admin_client.post(reverse("wagtaildocs:add"), {"title": "Agenda", "file": upload, "collection": 1})
    assert response.status_code == 200
    assert "This file is 4.0\xa0KB; documents can be at most 1.0\xa0KB" in response.content.decode()
    assert not Document.objects.filter(title="Agenda").exists()
    small = SimpleUploadedFile("agenda.txt", b"x" * 100, content_type="text/plain")
    admin_client.post(reverse("wagtaildocs:add"), {"title": "Agenda", "file": small, "collection": 1})
    assert Document.objects.filter(title="Agenda").exists()


def test_documents_are_downloaded_as_attachments_with_nosniff(client):
    document = Document.objects.create(
        title="Agenda", file=SimpleUploadedFile("agenda.pdf", b"%PDF-1.4\n<script>alert(1)</script>")
    )
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.fixture
def image():
    buffer = io.BytesIO()
    PillowImage.new("RGB", (40, 30), "#336699").save(buffer, "PNG")
    return get_image_model().objects.create(title="Map", file=SimpleUploadedFile("map.png", buffer.getvalue()))


def test_uploaded_images_and_renditions_are_served_without_debug(client, image, settings):
    assert settings.DEBUG is False
    rendition = image.get_rendition("width-20")
    for url in (image.file.url, rendition.url):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Content-Type"] == "image/png"
        assert "immutable" in response["Cache-Control"]
        assert response["X-Content-Type-Options"] == "nosniff"


def test_only_images_are_served_from_media(client, image):
    document = Document.objects.create(title="Private notes", file=SimpleUploadedFile("notes.txt", b"not for you"))
    assert client.get(f"/media/{document.file.name}").status_code == 404  # documents go through Wagtail's view
    assert client.get("/media/images/../../secret-key").status_code == 404
    assert client.post(image.file.url).status_code == 405
