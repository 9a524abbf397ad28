"""Script and attribute payloads come out inert in every output, each output tested on its own.

One payload set goes in where editors and readers can put text: a page's title and search description,
rich text (through the editor's own converter, as the admin saves it), a glossary term and its
definition, a report's title and summary, a meeting's city, a search query, a URL path and API
parameters. Each output is then parsed as its reader parses it (HTML with an HTML parser, feeds with
feedparser without its sanitiser, so what is checked is what the site sent, iCalendar with icalendar,
JSON with json) and must hold no element, event attribute or ``javascript:`` link that was not meant.
The world is built once for the module and rolled back at the end.
"""

import json
import urllib.parse
from dataclasses import dataclass

import feedparser
import pytest
from django.db import transaction
from django.urls import reverse
from icalendar import Calendar
from wagtail import hooks
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

from knowledge.models import TopicPage
from programme.models import MeetingReportIndexPage, ProgrammePage
from tests.factories import (
    ExplainerPageFactory,
    GlossaryTermFactory,
    MeetingPageFactory,
    MeetingReportPageFactory,
    UserFactory,
    publish,
)
from tests.html import parse
from website.blocks import RICH_TEXT_FEATURES

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(1)</script>"
IMAGE = '"><img src=x onerror=alert(1)>'
SINGLE_QUOTED = "' onmouseover='alert(1)"
DOUBLE_QUOTED = '" onfocus="alert(1)'
JAVASCRIPT_URL = "javascript:alert(1)"
PAYLOAD = f"zqxpay {SCRIPT} {IMAGE} {SINGLE_QUOTED} {DOUBLE_QUOTED} {JAVASCRIPT_URL}"
TERM = f"Zqxterm {IMAGE}"  # a glossary term a page's text uses, so it is marked there
CITY = f"{IMAGE} {SCRIPT}\r\nX-INJECTED:1"  # a city (100 characters at most), with a line break for iCalendar
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href", "data")


def injected(html: str | bytes) -> list[str]:
    """Elements and attributes in ``html`` that only a payload would have made."""
    found = []
    for element in parse(html).find_all(True):
        if element.name == "script" and "alert(1)" in element.get_text():
            found.append(str(element))
        if element.name == "img" and element.get("src") == "x":
            found.append(str(element))
        for name, value in element.attrs.items():
            value = " ".join(value) if isinstance(value, list) else value
            if name.startswith("on") and "alert" in value:
                found.append(f"{element.name}[{name}]")
            if name in URL_ATTRIBUTES and value.strip().lower().startswith("javascript:"):
                found.append(f"{element.name}[{name}={value}]")
    return found


@pytest.mark.parametrize(
    "html",
    [
        f"<p>{SCRIPT}</p>",
        f'<input value="{IMAGE}">',
        f"<a title='{SINGLE_QUOTED}'>x</a>",
        f'<a title="{DOUBLE_QUOTED}">x</a>',
        f'<a href="{JAVASCRIPT_URL}">x</a>',
        '<a href=" JavaScript:alert(1)">x</a>',
    ],
)
def test_the_check_finds_what_each_payload_makes_when_not_escaped(html):
    assert injected(html)


def editor_rich_text(text: str) -> str:
    """Rich text as the admin's editor stores it: ``text`` typed in, its first word linked to a
    ``javascript:`` URL (Draftail sends the editor's content as contentstate)."""
    contentstate = {
        "blocks": [
            {
                "key": "a1b2c",
                "type": "unstyled",
                "depth": 0,
                "text": text,
                "inlineStyleRanges": [],
                "entityRanges": [{"offset": 0, "length": 6, "key": 0}],
                "data": {},
            }
        ],
        "entityMap": {"0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": JAVASCRIPT_URL}}},
    }
    return ContentstateConverter(features=RICH_TEXT_FEATURES).to_database_format(json.dumps(contentstate))


@dataclass
class World:
    explainer: object
    report: object
    meeting: object
    term: object
    admin: object


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        topic = TopicPage.objects.filter(locale__language_code="en").first()
        term = GlossaryTermFactory(term=TERM, definition=PAYLOAD)
        rich = editor_rich_text(f"{PAYLOAD} and {TERM} in a sentence.")
        explainer = publish(
            ExplainerPageFactory(
                parent=topic,
                title=PAYLOAD,
                slug="zqxpay-explainer",
                search_description=PAYLOAD,
                summary=PAYLOAD,
                why_it_matters=rich,
                body=[{"type": "paragraph", "value": rich}],
            )
        )
        report = publish(
            MeetingReportPageFactory(
                parent=MeetingReportIndexPage.objects.get(locale__language_code="en"),
                title=PAYLOAD,
                slug="zqxpay-report",
                summary=PAYLOAD,
            )
        )
        meeting = publish(
            MeetingPageFactory(
                parent=ProgrammePage.objects.get(locale__language_code="en"),
                city=CITY,
                title=PAYLOAD,
                slug="zqxpay-meeting",
            )
        )
        admin = UserFactory(is_superuser=True, is_staff=True)
        yield World(explainer, report, meeting, term, admin)
        transaction.set_rollback(True)


def test_the_editor_stores_the_payload_as_text_and_drops_the_javascript_link(world):
    stored = world.explainer.why_it_matters
    assert injected(stored) == [] and "&lt;script&gt;" in stored and "<a>zqxpay</a>" in stored


# --- HTML pages -------------------------------------------------------------------------------------------

QUOTED = urllib.parse.quote(PAYLOAD)
HTML_PAGES = {
    "explainer (title, description, rich text, glossary term)": lambda world: world.explainer.url,
    "report page": lambda world: world.report.url,
    "meeting page": lambda world: world.meeting.url,
    "reports listing with filters": lambda world: f"{world.report.get_parent().url}?year={QUOTED}&topic={QUOTED}",
    "programme page": lambda world: world.meeting.get_parent().url,
    "glossary page": lambda world: "/en/knowledge/glossary/",
    "search results and snippets": lambda world: f"/en/search/?q={urllib.parse.quote('zqxpay alert')}",
    "search for the payload itself": lambda world: f"/en/search/?q={QUOTED}&kind={QUOTED}&topic={QUOTED}",
    "search answer (the glossary term)": lambda world: f"/en/search/?q={urllib.parse.quote(TERM)}",
    "search in French (English fallback)": lambda world: f"/fr/search/?q={QUOTED}&sort={QUOTED}&page={QUOTED}",
    "a URL path that is no page": lambda world: f"/en/{QUOTED}/",
    "a URL path below a page": lambda world: f"{world.explainer.url}{QUOTED}/",
    "the API in a browser": lambda world: f"/api/v2/pages/?search={QUOTED}&type={QUOTED}",
}


@pytest.mark.parametrize("name", HTML_PAGES)
def test_html_pages_show_the_payload_as_text(client, world, name):
    response = client.get(HTML_PAGES[name](world), HTTP_ACCEPT="text/html")
    assert response.status_code in (200, 400, 404), response.status_code
    assert response["Content-Type"].startswith("text/html")
    assert injected(response.content) == [], name


def test_the_explainer_shows_each_payload_where_it_was_put(client, world):
    html = parse(client.get(world.explainer.url).content)
    assert html.select_one("title").get_text().startswith(PAYLOAD)
    assert html.select_one('meta[name="description"]')["content"] == PAYLOAD
    assert PAYLOAD in html.select_one("h1").get_text()
    term = html.select_one(".gloss__term")  # the glossary term, marked in the text, with its definition
    assert term is not None and term.get_text() == TERM
    assert PAYLOAD in html.select_one(".gloss__popover").get_text()


def test_search_snippets_mark_the_words_and_nothing_else(client, world):
    html = parse(client.get("/en/search/", {"q": "zqxpay"}).content)
    result = next(each for each in html.select("article.result") if PAYLOAD in each.get_text())
    snippet = result.select_one(".result-snippet")
    assert {element.name for element in snippet.find_all(True)} == {"mark"}
    # PostgreSQL's ts_headline drops what looks like a tag ("<script>"); the rest arrives as text.
    assert IMAGE in snippet.get_text() and SINGLE_QUOTED in snippet.get_text()


# --- JSON: autocomplete and API ---------------------------------------------------------------------------


def test_autocomplete_answers_json_with_the_payload_as_a_string(client, world):
    response = client.get("/en/search/autocomplete/", {"q": "zqxpa"})
    assert response["Content-Type"] == "application/json"
    assert response["X-Content-Type-Options"] == "nosniff"  # never sniffed and rendered as HTML
    titles = [result["title"] for result in response.json()["results"]]
    assert PAYLOAD in titles
    echoed = client.get("/en/search/autocomplete/", {"q": PAYLOAD}).json()
    assert echoed["query"] == PAYLOAD


def test_the_autocomplete_script_writes_text_not_html():
    """The suggestions are shown by static/js/site.js, which builds elements and sets textContent."""
    from django.contrib.staticfiles import finders  # noqa: PLC0415

    with open(finders.find("js/site.js"), encoding="utf-8") as source:
        script = source.read()
    assert "link.textContent = result.title" in script
    assert not any(sink in script for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write"))


API_URLS = {
    "detail": lambda world: f"/api/v2/pages/{world.explainer.pk}/",
    "search": lambda world: "/api/v2/pages/?search=zqxpay&fields=search_description",
    # find/ routes html_path from the site's root page, without the language prefix.
    "find by path": lambda world: f"/api/v2/pages/find/?html_path={world.explainer.url.removeprefix('/en')}",
    "a payload as the type": lambda world: f"/api/v2/pages/?type={QUOTED}",
    "a payload as the fields": lambda world: f"/api/v2/pages/?fields={QUOTED}",
    "a payload as the order": lambda world: f"/api/v2/pages/?order={QUOTED}",
    "a payload as the path": lambda world: f"/api/v2/pages/find/?html_path={QUOTED}",
}


@pytest.mark.parametrize("name", API_URLS)
def test_the_api_answers_json_whatever_the_parameters(client, world, name):
    response = client.get(API_URLS[name](world))
    if response.status_code == 302:
        # find/ redirects to the page's detail; a 404 outside the language prefixes is redirected into one by
        # the locale middleware (to the site's page-not-found, parsed above). The address is encoded.
        assert not set('<>"\r\n') & set(response["Location"]), response["Location"]
        response = client.get(response["Location"])
        if response.status_code == 404 and response["Content-Type"].startswith("text/html"):
            assert injected(response.content) == []
            return
    assert response["Content-Type"] == "application/json", response.status_code
    body = response.json()  # valid JSON
    if response.status_code == 200:
        titles = [item["title"] for item in body["items"]] if "items" in body else [body["title"]]
        assert PAYLOAD in titles  # the title, as a JSON string
        assert body.get("items", [body])[0]["meta"]["search_description"] == PAYLOAD
    else:
        assert response.status_code == 400 and body["message"]


# --- Feeds and the calendar -------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_feeds_carry_the_payload_as_text(client, world, kind):
    response = client.get(f"{world.report.get_parent().url}feed/{kind}/")
    feed = feedparser.parse(response.content, sanitize_html=False)
    assert not feed.bozo, feed.bozo_exception
    entry = next(entry for entry in feed.entries if "zqxpay" in entry.title)
    for detail in (entry.title_detail, entry.summary_detail):
        if detail.type == "text/html":  # Atom type="html", and an RSS description: HTML a reader renders
            rendered = parse(detail.value)
            assert rendered.find(True) is None, detail.value  # no element at all: the summary is text
            assert rendered.get_text() == PAYLOAD
        else:
            assert detail.value == PAYLOAD


def test_the_calendar_carries_the_payload_as_text(client, world):
    calendar = Calendar.from_ical(client.get(f"{world.meeting.get_parent().url}calendar/").content)
    event = next(event for event in calendar.walk("VEVENT") if "X-INJECTED" in str(event["summary"]))
    # One value each, its line break escaped ("\n" in the file) and read back as a line break.
    assert str(event["summary"]).endswith(CITY.replace("\r\n", "\n"))
    assert str(event["location"]).startswith(CITY.replace("\r\n", "\n"))
    assert not any("X-INJECTED" in component for component in calendar.walk())


# --- Admin reports ----------------------------------------------------------------------------------------


def test_admin_reports_show_the_payload_as_text(client, world):
    client.get("/en/search/", {"q": PAYLOAD})  # recorded for the search-terms report
    client.force_login(world.admin)
    urls = [hook().url for hook in hooks.get_hooks("register_reports_menu_item")]
    urls += [f"{reverse('search_terms')}?q=zqxpay", f"{reverse('translation_coverage')}?q=zqxpay"]
    shown = []
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        assert injected(response.content) == [], url
        shown.append("zqxpay" in response.content.decode())
    assert any(shown), "no report showed the payload at all"
