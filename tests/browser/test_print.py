"""An explainer and a report print to A4 cleanly: Chromium's own PDF output, read back."""

import io

import pytest
from pypdf import PdfReader

from knowledge.models import ExplainerPage
from programme.models import MeetingReportPage

pytestmark = pytest.mark.django_db

A4_POINTS = (595.28, 841.89)


def printed(page, url):
    page.goto(url)
    page.emulate_media(media="print")
    # Nothing is wider than the printable width (A4 less Chromium's default margins, at 96 px per inch).
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    pdf = page.pdf(format="A4", print_background=False)
    return PdfReader(io.BytesIO(pdf)), overflow


@pytest.mark.parametrize("kind", ["explainer", "report"])
def test_prints_to_a4_with_content_and_without_site_chrome(new_page, site_url, kind):
    model = ExplainerPage if kind == "explainer" else MeetingReportPage
    target = model.objects.live().filter(locale__language_code="en").first()
    page = new_page(width=794, height=1123)  # A4 at 96 dpi
    reader, overflow = printed(page, site_url + target.url)
    assert overflow <= 0
    assert 1 <= len(reader.pages) <= 12
    for pdf_page in reader.pages:
        width, height = float(pdf_page.mediabox.width), float(pdf_page.mediabox.height)
        assert abs(width - A4_POINTS[0]) < 1 and abs(height - A4_POINTS[1]) < 1
    text = " ".join(pdf_page.extract_text() for pdf_page in reader.pages)
    flat = " ".join(text.split())
    assert " ".join(target.title.split()[:4]) in flat
    for chrome in ("Skip to main content", "Search the site", "Language:"):
        assert chrome not in flat, f"{chrome!r} is site chrome and should not print"
