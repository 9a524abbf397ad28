"""Malformed query strings are the client's mistake: the API answers 400, pages ignore the filter, never 500."""

import pytest

pytestmark = pytest.mark.django_db

API_BAD_REQUESTS = [
    "/api/v2/pages/find/?id=bgp",
    "/api/v2/pages/find/?id=1.5",
    "/api/v2/pages/?site=%00",
    "/api/v2/pages/?locale=fr%00",
    "/api/v2/pages/find/?html_path=/en/%00/",
    "/api/v2/pages/?offset=99999999999999999999",
    "/api/v2/pages/?limit=99999999999999999999",
]


@pytest.mark.parametrize("url", API_BAD_REQUESTS)
def test_the_api_answers_malformed_parameters_with_400(client, url):
    response = client.get(url)
    assert response.status_code == 400, (url, response.status_code)
    assert response.json()["message"]


def reports_url():
    from programme.models import MeetingReportIndexPage  # noqa: PLC0415 - the registry is ready once tests run

    return MeetingReportIndexPage.objects.get(locale__language_code="en").url


@pytest.mark.parametrize("year", ["²", "①", "2024%00", "99999999999999999999"])
@pytest.mark.parametrize("page", ["search", "reports"])
def test_pages_ignore_a_malformed_year(client, page, year):
    path = "/en/search/?q=dns&year=" if page == "search" else f"{reports_url()}?year="
    response = client.get(path + year)
    assert response.status_code == 200, (path, year, response.status_code)


def test_a_year_in_arabic_indic_digits_still_filters(client):
    from programme.models import MeetingReportPage  # noqa: PLC0415

    year = MeetingReportPage.objects.filter(locale__language_code="en").latest("date_published").date_published.year
    arabic_indic = str(year).translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    filtered = client.get(f"{reports_url()}?year={arabic_indic}").content.decode()
    assert client.get(f"{reports_url()}?year={year}").content.decode().count("<article") == filtered.count("<article")


def test_a_bad_host_header_is_logged_in_one_line(client):
    import io  # noqa: PLC0415
    import logging  # noqa: PLC0415

    handler = logging.getLogger("django.security.DisallowedHost").handlers[0]
    stream = io.StringIO()
    previous = handler.setStream(stream)
    try:
        assert client.get("/en/", HTTP_HOST="attacker.example").status_code == 400
    finally:
        handler.setStream(previous)
    lines = stream.getvalue().strip().splitlines()
    assert len(lines) == 1 and "attacker.example" in lines[0] and "Traceback" not in stream.getvalue()


@pytest.mark.parametrize("path", ["/en/search/?q=dns", "/fr/search/autocomplete/?q=dn", "/healthz", "/robots.txt"])
def test_views_that_are_not_pages_answer_head(client, path):
    """HEAD is GET without the body (monitors and link checkers send it): these answered 405."""
    assert client.head(path).status_code == 200
    assert client.options(path).status_code == 405
