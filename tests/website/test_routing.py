"""``DirectRoutingMixin`` (the home page finds a URL's page in one query) routes exactly as Wagtail's tree walk does.

Each case is asked of both: the mixin's ``route`` and Wagtail's own ``Page.route`` on the same home page.
"""

import pytest
from django.db import connection
from django.http import Http404
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from programme.models import ProgrammePage
from tests.factories import StandardPageFactory
from website.models import HomePage

pytestmark = pytest.mark.django_db


def wagtail_route(home, request, components):
    return Page.route(home, request, components)


def both(home, path):
    """(page, args, kwargs) found by the mixin and by Wagtail's walk, or the exception each raised."""
    request = RequestFactory().get(f"/en/{path}")
    components = [part for part in path.split("/") if part]
    outcomes = []
    for route in (HomePage.route, wagtail_route):
        try:
            result = route(home, request, components)
            # A routable page's result holds its view bound to the page object: compare the view's name.
            view_args = tuple(getattr(arg, "__name__", arg) for arg in result.args or ())
            outcomes.append((result.page.specific_class, result.page.pk, view_args, result.kwargs))
        except Http404:
            outcomes.append(Http404)
    return outcomes


def queries(home, path, route):
    request = RequestFactory().get(f"/en/{path}")
    with CaptureQueriesContext(connection) as captured:
        route(home, request, [part for part in path.split("/") if part])
    return len(captured)


def test_a_deep_page_is_found_in_fewer_queries_than_by_the_walk(home):
    path = "knowledge/domain-name-system/how-dns-works/"
    assert both(home, path)[0] == both(home, path)[1] != Http404
    direct, walked = queries(home, path, HomePage.route), queries(home, path, wagtail_route)
    assert direct <= 2 < walked


def test_sub_routes_of_a_routable_page_below_the_home_page(home):
    for path in ("reports/", "reports/feed/rss/", "reports/feed/atom/", "programme/calendar/"):
        direct, walked = both(home, path)
        assert direct == walked != Http404, path
    assert both(home, "reports/feed/nothing-here/") == [Http404, Http404]


def test_a_page_below_a_page_with_its_own_route(home):
    """The programme page routes calendar/ itself; its meeting pages are still its children."""
    programme = ProgrammePage.objects.get(locale=home.locale)
    meeting = programme.get_children().first()
    direct, walked = both(home, f"programme/{meeting.slug}/")
    assert direct == walked and direct[1] == meeting.pk


def test_a_draft_and_a_page_below_a_draft(home):
    draft_parent = StandardPageFactory(parent=home, slug="draft-parent", live=False)
    StandardPageFactory(parent=draft_parent, slug="child", live=True)
    draft_parent.refresh_from_db()
    assert both(home, "draft-parent/") == [Http404, Http404]
    direct, walked = both(home, "draft-parent/child/")
    assert direct == walked


def test_a_restricted_section_still_asks_for_its_password(client, home):
    knowledge = home.get_children().get(slug="knowledge")
    PageViewRestriction.objects.create(page=knowledge, restriction_type="password", password="s3cret")
    response = client.get("/en/knowledge/domain-name-system/")
    assert response.status_code == 200
    assert b'name="password"' in response.content
    direct, walked = both(home, "knowledge/domain-name-system/")
    assert direct == walked
