"""HTTP for slow links: validators and 304s on pages, feeds and the calendar, compression as the browser takes it,
Vary for encoding, and Cache-Control fit for a CDN."""

import gzip

import brotli
import pytest

from programme.models import MeetingReportIndexPage, ProgrammePage
from website.models import HomePage

pytestmark = pytest.mark.django_db


def english(model):
    return model.objects.live().get(locale__language_code="en")


def test_pages_answer_a_conditional_get_with_304_and_no_body(client):
    url = english(HomePage).url
    first = client.get(url)  # rendered (kept by the page cache)
    etag = first.headers["ETag"]
    for _ in range(2):  # through the stack on a miss, then from the page cache
        again = client.get(url, HTTP_IF_NONE_MATCH=etag)
        assert again.status_code == 304 and again.content == b""
    assert client.get(url, HTTP_IF_NONE_MATCH='"something else"').status_code == 200


@pytest.mark.parametrize("encoding, decompress", [("br", brotli.decompress), ("gzip", gzip.decompress)])
def test_html_is_compressed_when_the_browser_takes_it(client, encoding, decompress):
    url = english(HomePage).url
    plain = client.get(url)
    assert "Content-Encoding" not in plain.headers
    for _ in range(2):  # a miss, then the copy kept for this encoding
        response = client.get(url, HTTP_ACCEPT_ENCODING=f"{encoding}, identity")
        assert response.headers["Content-Encoding"] == encoding
        assert "Accept-Encoding" in response.headers["Vary"]
        assert "Accept-Language" not in response.headers["Vary"]  # the language is in the URL
        assert decompress(response.content) == plain.content
        assert len(response.content) < len(plain.content) / 2


def test_anonymous_pages_may_be_kept_by_a_cdn(client):
    cache_control = client.get(english(HomePage).url).headers["Cache-Control"]
    for directive in ("public", "max-age=60", "s-maxage=3600", "stale-while-revalidate=60"):
        assert directive in cache_control


def test_feeds_and_the_calendar_have_validators(client):
    index = english(MeetingReportIndexPage)
    feed = client.get(index.url + "feed/rss/")
    assert feed.status_code == 200 and feed.headers["Last-Modified"] and feed.headers["ETag"]
    for _ in range(2):  # through the stack, then from the page cache
        again = client.get(index.url + "feed/rss/", HTTP_IF_MODIFIED_SINCE=feed.headers["Last-Modified"])
        assert again.status_code == 304
    calendar_url = english(ProgrammePage).url + "calendar/"
    calendar = client.get(calendar_url)
    assert calendar.status_code == 200
    assert client.get(calendar_url, HTTP_IF_NONE_MATCH=calendar.headers["ETag"]).status_code == 304
