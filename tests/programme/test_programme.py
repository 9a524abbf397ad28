"""Programme pages, meetings, reports, figures, feeds and calendar."""

import csv
import datetime
import re
from pathlib import Path

import feedparser
import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.formats import date_format
from django.utils.html import strip_tags
from icalendar import Calendar
from wagtail.actions.convert_alias import ConvertAliasPageAction

from knowledge.models import WorkingGroup
from programme.models import MeetingPage, MeetingReportIndexPage, MeetingReportPage, ProgrammePage
from programme.participation import participation_figures
from tests.factories import MeetingPageFactory, MeetingReportPageFactory, UserFactory
from tests.html import listing_rows
from website.models import HomePage

pytestmark = pytest.mark.django_db
MEETINGS_CSV = Path(settings.BASE_DIR) / "content" / "programme" / "meetings.csv"


@pytest.fixture
def programme(home):
    return ProgrammePage.objects.child_of(home).get()


@pytest.fixture
def report_index(home):
    return MeetingReportIndexPage.objects.child_of(home).get()


def test_page_type_rules(home, programme, report_index):
    assert MeetingPage.can_create_at(programme) and not MeetingPage.can_create_at(home)
    assert MeetingReportPage.can_create_at(report_index) and not MeetingReportPage.can_create_at(programme)
    assert not ProgrammePage.can_create_at(home) and not MeetingReportIndexPage.can_create_at(home)
    assert ProgrammePage.allowed_parent_page_models() == [HomePage]


def test_a_meeting_page_for_every_meeting_in_the_data(programme):
    with open(MEETINGS_CSV, encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    pages = {page.number: page for page in MeetingPage.objects.child_of(programme)}
    assert set(pages) == {int(row["number"]) for row in rows}
    for row in rows:
        page = pages[int(row["number"])]
        assert page.start_date.isoformat() == row["start_date"]
        assert page.online == (row["city"] == "Online")


@pytest.mark.parametrize("model", [ProgrammePage, MeetingPage, MeetingReportIndexPage, MeetingReportPage])
def test_every_page_type_renders(client, report_index, model):
    make_reports(report_index, 1, year=2035)
    pages = model.objects.filter(locale__language_code="en").live()[:3]
    assert pages
    for page in pages:
        assert client.get(page.url).status_code == 200


def test_meeting_page_shows_facts_and_online_meetings_say_so(client, programme):
    content = client.get(MeetingPage.objects.child_of(programme).get(number=84).url).content.decode()
    assert "Papua New Guinea" in content and "Trinidad" in content
    online = client.get(MeetingPage.objects.child_of(programme).get(number=110).url).content.decode()
    assert "<dt>Where</dt><dd>Online</dd>" in online


def test_meeting_numbers_are_unique_per_language(programme):
    duplicate = MeetingPage(
        title="Again",
        slug="again",
        number=84,
        city="X",
        start_date=datetime.date(2012, 1, 1),
        end_date=datetime.date(2012, 1, 2),
        locale=programme.locale,
    )
    with pytest.raises(ValidationError):
        programme.add_child(instance=duplicate)


def test_agenda_renders_sessions(client, programme):
    meeting = MeetingPageFactory(
        parent=programme,
        slug="with-agenda",
        agenda=[
            {
                "type": "session",
                "value": {
                    "day": "2030-03-17",
                    "time": "09:30",
                    "title": "Routing briefing",
                    "kind": "briefing",
                    "explainer": None,
                    "working_group": None,
                },
            }
        ],
    )
    content = client.get(meeting.url).content.decode()
    assert "Routing briefing" in content and "Briefing" in content and 'datetime="2030-03-17T09:30"' in content


def milestones_of(programme):
    return [block.value for block in programme.milestones]


def test_growth_is_charted_from_the_sourced_milestones(programme):
    figures = participation_figures(list(MeetingPage.objects.child_of(programme)), milestones_of(programme))
    charts = {chart.slug: chart for chart in figures["charts"]}
    officials, countries = charts["growth-participants"], charts["growth-countries"]
    assert [row.value for row in officials.rows] == [69, 189, 300]
    assert [row.value for row in countries.rows] == [53, 93, 110]
    assert [row.text for row in officials.rows][-1] == "more than 300"
    assert [source.name for source in officials.sources] == [
        "IETF Journal, 1 July 2014",
        "IETF Journal, 5 July 2017",
        "Internet Society, the programme's page",
    ]


def test_per_meeting_figures_only_where_a_meeting_has_them(client, programme):
    meetings = list(MeetingPage.objects.child_of(programme))
    per_meeting = participation_figures(meetings, [])["per_meeting"]
    assert [meeting.number for meeting in per_meeting.meetings] == [84, 94]
    assert (per_meeting.recorded, per_meeting.total) == (2, len(meetings)) == (2, 35)
    content = client.get(programme.url).content.decode()
    assert "Figures recorded for 2 of 35 meetings" in content
    MeetingPageFactory(parent=programme, slug="ietf-500", participants=12, countries_represented=["KE", "BR", "NP"])
    after = participation_figures(list(MeetingPage.objects.child_of(programme)), [])["per_meeting"]
    assert (after.recorded, after.total) == (3, 36)


def test_charts_are_svg_with_title_description_source_and_the_same_numbers_as_a_table(client, programme):
    content = client.get(programme.url).content.decode()
    figures = participation_figures(list(MeetingPage.objects.child_of(programme)), milestones_of(programme))
    for chart in figures["charts"]:
        assert f'aria-labelledby="chart-{chart.slug}-svg-title chart-{chart.slug}-svg-desc"' in content
        assert f'<title id="chart-{chart.slug}-svg-title">{chart.title}</title>' in content
        for row in chart.rows:
            assert f'<tr><th scope="row">{row.label}</th><td>{row.text}</td></tr>' in content
    assert "Source: IETF Journal, 1 July 2014; IETF Journal, 5 July 2017; Internet Society, the programme" in content


# Numbers the programme's prose may give besides counts: IETF meeting numbers, years, and the about 30 officials of
# the IETF 119 roundtable (on record in that meeting's page).
NOT_COUNTS = {83, 84, 89, 94, 119, 30}


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
def test_the_prose_gives_the_counts_the_charts_show(client, locale, language):
    programme = ProgrammePage.objects.get(locale=locale(language))
    latest = max(milestones_of(programme), key=lambda milestone: milestone["date"])
    page = client.get(programme.url).content.decode()
    prose = strip_tags(page.split('<article class="prose">', 1)[1].split("</article>", 1)[0])
    numbers = {int(number) for number in re.findall(r"(?<![\d.])\d{2,4}(?![\d.])", prose)}
    counts = {number for number in numbers if number not in NOT_COUNTS and not 2000 <= number <= 2100}
    # The prose names the latest counts, and no other count the data does not give.
    assert {latest["participants"], latest["countries"]} <= numbers, language
    allowed = {
        value for milestone in milestones_of(programme) for value in (milestone["participants"], milestone["countries"])
    }
    assert counts <= allowed, (language, counts - allowed)


def test_a_meeting_page_says_what_is_on_record(client, programme):
    ietf_84 = MeetingPage.objects.child_of(programme).get(number=84)
    content = client.get(ietf_84.url).content.decode()
    assert "Policy guests attended the meeting" in content
    assert "Five policy guests from Papua New Guinea" in content
    assert "Source: Internet Society blog, July 2012" in content
    assert 'href="https://datatracker.ietf.org/meeting/84/"' in content
    assert "Read the report of this meeting" in content  # IETF 84 has a report
    ietf_119 = client.get(MeetingPage.objects.child_of(programme).get(number=119).url).content.decode()
    assert "A policy roundtable was held at the meeting" in ietf_119
    unrecorded = client.get(MeetingPage.objects.child_of(programme).get(number=110).url).content.decode()
    assert "Not on record: no source we know of says what the programme did at this meeting." in unrecorded
    assert "Read the report of this meeting" not in unrecorded


def test_a_meeting_page_in_french_is_translated_with_its_record(client, locale):
    ietf_84 = MeetingPage.objects.get(locale=locale("fr"), number=84)
    content = client.get(ietf_84.url).content.decode()
    assert "Cinq invités" in content and "Blog de l’Internet Society, juillet 2012" in content


def test_a_meeting_has_a_calendar_file_of_its_own(client, programme):
    ietf_119 = MeetingPage.objects.child_of(programme).get(number=119)
    response = client.get(ietf_119.url + "calendar/")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="ietf-119.ics"'
    calendar = Calendar.from_ical(response.content)
    assert [str(event["uid"]) for event in calendar.walk("VEVENT")] == ["ietf-119@policymakers-programme"]
    assert str(calendar["x-wr-calname"]) == "IETF meetings · Policymakers Programme to the IETF"
    assert f'href="{ietf_119.url}calendar/"' in client.get(ietf_119.url).content.decode()


def test_the_next_meeting_comes_first_when_one_is_on_record(client, programme):
    assert "Next meeting:" not in client.get(programme.url).content.decode()  # none in the demo data
    today = datetime.date.today()
    for number, days, city in ((601, 150, "Lima"), (600, 30, "Nairobi")):  # the later one made first
        start = today + datetime.timedelta(days=days)
        MeetingPageFactory(
            parent=programme,
            slug=f"ietf-{number}",
            number=number,
            city=city,
            start_date=start,
            end_date=start + datetime.timedelta(days=6),
        )
    content = client.get(programme.url).content.decode()
    callout = content.split('class="callout next-meeting"', 1)[1].split("</p>", 1)[0]
    assert "IETF 600 Nairobi" in callout and "Lima" not in callout
    assert content.index("Next meeting:") < content.index('id="figures-heading"')


def test_calendar_lists_every_meeting(client, programme):
    response = client.get(programme.url + "calendar/")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    events = Calendar.from_ical(response.content).walk("VEVENT")
    assert len(events) == MeetingPage.objects.child_of(programme).live().count()
    ietf_119 = next(e for e in events if str(e["uid"]) == "ietf-119@policymakers-programme")
    assert ietf_119.decoded("dtstart") == datetime.date(2024, 3, 16)
    assert ietf_119.decoded("dtend") == datetime.date(2024, 3, 23)
    assert str(ietf_119["url"]).startswith("http://testserver/en/programme/")


def make_reports(report_index, count, year=2030, topic="dns"):
    return [
        MeetingReportPageFactory(
            parent=report_index,
            slug=f"test-report-{year}-{topic}-{n}",
            date_published=datetime.date(year, 1, 1) + datetime.timedelta(days=n),
            highlights=[{"type": "highlight", "value": {"topic": topic, "text": "<p>x</p>"}}],
        )
        for n in range(count)
    ]


def test_report_index_newest_first_with_filters_and_pagination(client, report_index):
    make_reports(report_index, 12, year=2031, topic="qos")
    make_reports(report_index, 2, year=2032, topic="dns")
    content = client.get(report_index.url, {"year": 2031}).content.decode()
    assert "12 reports" in content
    assert 'rel="next"' in content and "page=2" in content
    content = client.get(report_index.url, {"year": 2032, "topic": "dns"}).content.decode()
    assert "2 reports" in content
    page_two = client.get(report_index.url, {"year": 2031, "page": 2}).content.decode()
    assert "Page 2 of 2" in page_two
    newest = client.get(report_index.url).content.decode()
    assert (
        newest.index("test-report-2032-dns-1")
        < newest.index("test-report-2032-dns-0")
        < newest.index("test-report-2031-qos-11")
    )


@pytest.mark.parametrize(
    "query",
    [
        {"year": "abc"},
        {"topic": "nope"},
        {"page": "-1"},
        {"page": "99999"},
        {"page": "x"},
        {"year": "99999999999999"},
        {"year": "１２"},
        {"topic": "<script>"},
    ],
)
def test_bad_filter_values_are_ignored(client, report_index, query):
    response = client.get(report_index.url, query)
    assert response.status_code == 200


def test_report_urls_are_stable(client, report_index):
    report = MeetingReportPageFactory(parent=report_index, slug="ietf-999-somewhere")
    assert report.url == f"/en/reports/{report.slug}/"
    assert client.get(report.url).status_code == 200


def test_report_index_queries_do_not_grow_with_reports(client, report_index, settings):
    settings.PAGE_CACHE = False  # the page as rendered, not a copy kept by the page cache
    make_reports(report_index, 2, year=2040)
    client.get(report_index.url)
    with CaptureQueriesContext(connection) as few:
        client.get(report_index.url)
    make_reports(report_index, 9, year=2041)
    with CaptureQueriesContext(connection) as many:
        client.get(report_index.url)
    assert len(many) == len(few)


def translated(page, locale):
    """A real translation of ``page`` (an alias made by the tree synchronisation is converted)."""
    existing = page.get_translation_or_none(locale)
    if existing is None:
        existing = page.copy_for_translation(locale, copy_parents=True)
        existing.save_revision().publish()
    elif existing.alias_of_id:
        ConvertAliasPageAction(existing).execute(skip_permission_checks=True)
    return existing.specific_class.objects.get(pk=existing.pk)


def index_in(code, locale, report_index):
    """The report index in a language, with its reports translated (made here where needed)."""
    if code == "en":
        return report_index
    index = translated(report_index, locale(code))
    for report in report_index.get_children().live().specific():
        translated(report, locale(code))
    return index


@pytest.mark.parametrize("kind", ["rss", "atom"])
@pytest.mark.parametrize("code", ["en", "fr", "ar"])
def test_feeds_parse_with_titles_absolute_links_dates_and_language(client, locale, report_index, kind, code):
    make_reports(report_index, 2, year=2033)
    index = index_in(code, locale, report_index)
    response = client.get(f"{index.url}feed/{kind}/")
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.feed.title.startswith(index.title)
    assert feed.feed.language == code
    reports = list(index.reports())
    assert reports
    assert [entry.title for entry in feed.entries] == [report.title for report in reports][:20]
    for entry, report in zip(feed.entries, reports, strict=False):
        assert entry.link == f"http://testserver{report.url}"
        assert report.url.startswith(f"/{code}/")
        assert entry.published_parsed[:3] == report.date_published.timetuple()[:3]


def test_every_page_has_feed_autodiscovery(client, home):
    content = client.get("/en/").content.decode()
    assert (
        '<link rel="alternate" type="application/rss+xml" title="Meeting reports (RSS)" href="/en/reports/feed/rss/">'
        in content
    )
    assert 'type="application/atom+xml"' in content


def test_report_shows_meeting_highlights_sessions_policy(client, programme, report_index):
    meeting = MeetingPage.objects.child_of(programme).get(number=119)
    report = MeetingReportPageFactory(
        parent=report_index,
        slug="report-with-everything",
        meeting=meeting,
        sessions=[
            {
                "type": "session",
                "value": {
                    "working_group": WorkingGroup.objects.get(acronym="sidrops").pk,
                    "note": "Route origin validation.",
                },
            }
        ],
    )
    content = client.get(report.url).content.decode()
    for heading in ('id="highlights"', 'id="policy"', 'id="summary"', 'id="sessions"'):
        assert heading in content
    assert f'<a href="{meeting.url}">{meeting.title}</a>' in content
    assert "<h3>Domain Name System</h3>" in content
    assert '<a href="https://datatracker.ietf.org/wg/sidrops/about/">SIDROPS</a>' in content
    meeting_content = client.get(meeting.url).content.decode()
    assert f'<a href="{report.url}">' in meeting_content


def test_demo_reports_are_complete():
    reports = MeetingReportPage.objects.filter(locale__language_code="en")
    assert reports.count() >= 8
    for report in reports:
        text = " ".join(
            [report.summary, strip_tags(report.introduction), strip_tags(report.policy)]
            + [strip_tags(block.value["text"].source) for block in report.highlights]
            + [block.value["note"] for block in report.sessions]
        )
        assert 500 <= len(text.split()) <= 1200, (report.slug, len(text.split()))
        assert (
            report.meeting is not None
            and report.slug == f"ietf-{report.meeting.number}-" + report.slug.split("-", 2)[2]
        )
        assert report.topics and report.related_links.exists()


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    return client


def test_meeting_listing_is_in_english_newest_first_by_ietf_number(admin_client):
    english = MeetingPage.objects.filter(locale__language_code="en")
    english.order_by("number").first().save_revision().publish()  # the last one edited, still listed last
    rows = listing_rows(admin_client.get("/admin/meetings/"))
    assert [row["id"] for row in rows] == list(english.order_by("-number").values_list("pk", flat=True))
    assert {row["Language"] for row in rows} == {"English"}
    numbers = [int(row["IETF"]) for row in rows]
    assert numbers == sorted(numbers, reverse=True) and len(set(numbers)) == len(numbers) > 1
    first = english.get(pk=rows[0]["id"])
    assert rows[0]["First day"] == date_format(first.start_date, "DATE_FORMAT")


def test_meeting_listing_is_still_sorted_by_other_columns(admin_client):
    rows = listing_rows(admin_client.get("/admin/meetings/", {"ordering": "start_date"}))
    english = MeetingPage.objects.filter(locale__language_code="en")
    assert [row["id"] for row in rows] == list(english.order_by("start_date").values_list("pk", flat=True))


def test_meetings_shown_in_english_in_a_language_are_listed_as_not_translated(admin_client):
    russian = set(MeetingPage.objects.filter(locale__language_code="ru").values_list("pk", flat=True))
    assert russian and not MeetingPage.objects.filter(pk__in=russian, alias_of__isnull=True).exists()
    rows = listing_rows(admin_client.get("/admin/meetings/", {"locale": "ru", "translation": "alias"}))
    assert {row["id"] for row in rows} == russian and {row["Language"] for row in rows} == {"Russian"}
    assert listing_rows(admin_client.get("/admin/meetings/", {"locale": "ru", "translation": "translated"})) == []


def test_report_listing_filters_by_language_and_topic(admin_client):
    french = MeetingReportPage.objects.filter(locale__language_code="fr")
    rows = listing_rows(admin_client.get("/admin/reports/", {"locale": "fr"}))
    assert {row["id"] for row in rows} == set(french.values_list("pk", flat=True))
    dns = {report.pk for report in french if "dns" in report.topics}
    assert dns and dns != {row["id"] for row in rows}
    rows = listing_rows(admin_client.get("/admin/reports/", {"locale": "fr", "topic": "dns"}))
    assert {row["id"] for row in rows} == dns
    report = french.get(pk=rows[0]["id"])
    assert rows[0]["Published"] == date_format(report.date_published, "DATE_FORMAT")


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_a_feed_summary_is_text_for_a_reader_that_reads_it_as_html(client, report_index, kind):
    """RSS descriptions and Atom ``type="html"`` summaries are HTML: a summary's own "<img …>" must stay text."""
    (report,) = make_reports(report_index, 1, year=2034)
    report.summary = 'Routing & naming: <img src=x onerror="alert(1)"> is what an attacker would type.'
    report.save_revision().publish()
    feed = feedparser.parse(client.get(f"{report_index.url}feed/{kind}/").content)
    entry = next(entry for entry in feed.entries if entry.title == report.title)
    # feedparser hands over the HTML a reader would render: the markup must arrive escaped, as text.
    html = entry.summary_detail.value if kind == "atom" else entry.description
    assert "<img" not in html and "&lt;img" in html and "&amp; naming" in html


@pytest.mark.parametrize("code", ["zh-hans", "ru", "pt"])
def test_reports_and_meetings_stay_in_english_where_they_are_not_translated(client, code):
    """Chinese, Russian and Portuguese have every explainer but no meeting page or report: those are shown in
    English, labelled, so the fallback stays real and visible."""
    for model in (MeetingReportPage, MeetingPage):
        pages = model.objects.filter(locale__language_code=code)
        assert pages.exists() and not pages.filter(alias_of__isnull=True).exists()
    report = MeetingReportPage.objects.filter(locale__language_code=code).first()
    content = client.get(report.url).content.decode()
    with translation.override(code):
        notice = translation.gettext(
            "This page is not yet available in %(language)s. Here it is in the original %(original)s."
        ) % {"language": dict(settings.LANGUAGES)[code], "original": "English"}
    assert f'<html lang="{code}"' in content
    assert f'<p class="notice" role="note">{notice}</p>' in content
    assert '<div lang="en" dir="ltr">' in content


def test_a_report_links_to_the_previous_and_next_reports_in_its_language(client, locale):
    reports = MeetingReportPage.objects.live().filter(locale=locale("fr")).order_by("date_published")
    first, second, third = reports[0], reports[1], reports[2]
    page = client.get(second.url).content.decode()
    nav = page.split('class="report-neighbours"', 1)[1].split("</nav>", 1)[0]
    assert f'rel="prev" href="{first.url}"' in nav and f'rel="next" href="{third.url}"' in nav
    assert "Rapport précédent" in nav and "Rapport suivant" in nav
    oldest = client.get(first.url).content.decode().split('class="report-neighbours"', 1)[1].split("</nav>", 1)[0]
    assert 'rel="prev"' not in oldest
    # Publishing a report renews its neighbours' cached pages (their links change).
    assert {first.pk, third.pk} <= set(second.page_cache_shown_on(None))


def test_an_empty_report_filter_offers_to_show_every_report(client, report_index):
    page = client.get(report_index.url, {"year": "2013", "topic": "qos"}).content.decode()
    assert "No report matches these filters." in page
    assert f'<a href="{report_index.url}">Show all reports</a>' in page
    assert "No report matches" not in client.get(report_index.url).content.decode()
