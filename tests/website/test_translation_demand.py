"""Translate next, from demand (``website.translation_demand``): untranslated pages ranked by the searches in a
language that found nothing there and were answered in English, from the search statistics alone."""

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale, Page

from tests.factories import ExplainerPageFactory, UserFactory, alias_in, publish, translate
from website.search.models import SearchQueryStat
from website.translation_demand import demand

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_statistics():
    """Each test writes the statistics it ranks by (browser journeys elsewhere may leave committed searches)."""
    SearchQueryStat.objects.all().delete()


def explainer(slug: str, title: str):
    parent = Page.objects.get(slug="how-the-ietf-makes-standards", locale__language_code="en").get_parent()
    return publish(ExplainerPageFactory(parent=parent, slug=slug, title=title))


def searched(language: str, query: str, searches: int, unanswered: int):
    SearchQueryStat.objects.create(
        language_code=language,
        query=query,
        searches=searches,
        zero_result_searches=unanswered,
        last_searched=timezone.now(),
    )


@pytest.fixture
def wanted():
    """Two English explainers shown in English to Spanish readers, one translated into Spanish."""
    anycast = explainer("anycast-for-root-servers", "Anycast for root servers")
    alias_in(anycast, "es")
    multicast = explainer("multicast-in-practice", "Multicast in practice")
    alias_in(multicast, "es")
    translated = explainer("broadcast-domains", "Broadcast domains")
    translate(translated, "es")
    return anycast, multicast, translated


def test_pages_are_ranked_by_the_searches_answered_in_english(wanted):
    anycast, multicast, _translated = wanted
    searched("es", "multicast", searches=3, unanswered=3)
    searched("es", "anycast", searches=9, unanswered=7)
    searched("es", "anycast root servers", searches=2, unanswered=2)
    result = demand(Locale.objects.get(language_code="es"))
    order = [item.page_id for item in result.pages]
    found = {item.page_id: item for item in result.pages}
    assert order.index(anycast.pk) < order.index(multicast.pk)
    assert (found[anycast.pk].status, found[anycast.pk].searches) == ("alias", 9)
    assert (found[multicast.pk].status, found[multicast.pk].searches) == ("alias", 3)
    assert found[anycast.pk].queries == ["anycast", "anycast root servers"]
    assert all(item.status in ("missing", "alias", "partial", "outdated") for item in result.pages)


def test_searches_answered_in_the_language_and_translated_pages_do_not_count(wanted):
    _anycast, multicast, translated = wanted
    searched("es", "multicast", searches=40, unanswered=0)  # found in Spanish: no demand for a translation
    searched("es", "broadcast domains", searches=5, unanswered=5)  # the Spanish page exists: search's concern
    searched("fr", "multicast", searches=5, unanswered=5)  # another language's readers
    result = demand(Locale.objects.get(language_code="es"))
    ids = {item.page_id for item in result.pages}
    assert multicast.pk not in ids and translated.pk not in ids


def test_a_query_found_in_no_language_is_listed_apart():
    searched("es", "zzkwyx", searches=4, unanswered=4)
    result = demand(Locale.objects.get(language_code="es"))
    assert result.not_found == [("zzkwyx", 4)]


def test_new_statistics_are_seen_at_once(wanted):
    anycast, _multicast, _translated = wanted
    spanish = Locale.objects.get(language_code="es")
    assert anycast.pk not in {item.page_id for item in demand(spanish).pages}
    searched("es", "anycast", searches=1, unanswered=1)
    assert anycast.pk in {item.page_id for item in demand(spanish).pages}


def test_the_coverage_report_shows_what_to_translate_next_with_a_link_to_start(client, wanted):
    anycast, _multicast, _translated = wanted
    searched("es", "anycast", searches=9, unanswered=7)
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    html = client.get(reverse("translation_coverage"), {"language": "es"}).content.decode()
    assert "Anycast for root servers" in html
    spanish_alias = anycast.get_translation(Locale.objects.get(language_code="es"))
    assert reverse("wagtailadmin_pages:edit", args=[spanish_alias.pk]) in html
    every = client.get(reverse("translation_coverage")).content.decode()
    assert "Anycast for root servers" not in every.split("<table")[0]  # one language at a time
