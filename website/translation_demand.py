"""Translate next, from demand: the pages readers of a language looked for and got only in English, or not at all.

The search statistics the site keeps (``SearchQueryStat``: per language and query, how often it was searched and
how often nothing was found in that language) are all it uses; no reader is tracked. A query that found nothing
in the reader's language was answered with the English results, or with nothing. The pages those searches led to
are the English results they were shown: each query is searched again in English, and each English page on its
first page of results gets the query's unanswered searches. A page whose translation into the language is
missing, shown in English (an alias), partly done or outdated is then ranked by that count. Queries that found
nothing in English either are listed apart: they ask for something the site does not have in any language.
"""

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field

from django.core.cache import cache
from django.urls import reverse
from wagtail.models import Page

from website.coverage import STATUSES, status_of, synced_at_subquery
from website.search import facts as search_facts
from website.search.languages import FALLBACK_LANGUAGE
from website.search.models import SearchQueryStat
from website.search.service import RESULTS_PER_PAGE, find_matches, sort_hits
from website.translation_progress import progress_by_key

# The most-wanted unanswered queries searched again per language: enough for a site of this size, and what
# keeps the report within a second or two; the result is cached until the statistics change.
MAX_QUERIES = 40
CACHE_SECONDS = 600
WANTED = ("missing", "alias", "partial", "outdated")


@dataclass
class Wanted:
    """An English page readers of a language were sent to in English, and what its translation needs."""

    page_id: int
    title: str
    status: str
    searches: int = 0
    queries: list[str] = field(default_factory=list)
    url: str | None = None

    @property
    def status_label(self):
        return STATUSES[self.status]


@dataclass
class Demand:
    language: str
    pages: list[Wanted] = field(default_factory=list)
    not_found: list[tuple[str, int]] = field(default_factory=list)  # (query, unanswered searches)


def _unanswered(language: str) -> list[tuple[str, int]]:
    return list(
        SearchQueryStat.objects.filter(language_code=language, zero_result_searches__gt=0)
        .order_by("-zero_result_searches", "query")
        .values_list("query", "zero_result_searches")[:MAX_QUERIES]
    )


def _english_pages_for(query: str) -> list[int]:
    """The English pages on the first page of results a reader got for ``query`` when their language had none."""
    page_label = search_facts.model_label(Page)
    hits = [hit for hit in sort_hits(find_matches(query, FALLBACK_LANGUAGE), "relevance") if hit.model == page_label]
    return [hit.object_id for hit in hits[:RESULTS_PER_PAGE]]


def demand(locale, may_start: bool = True) -> Demand:
    """What to translate next into ``locale``, most wanted first (cached until the statistics change)."""
    queries = _unanswered(locale.language_code)
    fingerprint = hashlib.sha256(repr((queries, may_start)).encode()).hexdigest()[:16]
    key = f"translation-demand:{locale.language_code}:{fingerprint}"
    found = cache.get(key)
    if found is None:
        found = _demand(locale, queries, may_start)
        cache.set(key, found, CACHE_SECONDS)
    return found


def _demand(locale, queries: list[tuple[str, int]], may_start: bool) -> Demand:
    result = Demand(locale.language_code)
    searches: dict[int, int] = defaultdict(int)
    led_to: dict[int, list[str]] = defaultdict(list)
    for query, unanswered in queries:
        page_ids = _english_pages_for(query)
        if not page_ids:
            result.not_found.append((query, unanswered))
        for page_id in page_ids:
            searches[page_id] += unanswered
            led_to[page_id].append(query)
    if not searches:
        return result
    sources = {
        page.pk: page
        for page in Page.objects.filter(pk__in=searches)
        .annotate(synced_at=synced_at_subquery())
        .only("title", "translation_key", "locale_id", "last_published_at")
    }
    translations = {
        page.translation_key: page
        for page in Page.objects.filter(
            translation_key__in=[page.translation_key for page in sources.values()], locale=locale
        ).only("translation_key", "alias_of_id")
    }
    progress = progress_by_key([locale.pk])
    for page_id, count in searches.items():
        source = sources.get(page_id)
        if source is None:
            continue
        translation = translations.get(source.translation_key)
        status = status_of(source, translation, progress.get((source.translation_key, locale.pk)))
        if status not in WANTED:
            continue  # translated: the reader's words did not match it, which is search's concern
        result.pages.append(
            Wanted(
                page_id, source.title, status, count, led_to[page_id], _work_url(source, translation, locale, may_start)
            )
        )
    result.pages.sort(key=lambda item: (-item.searches, item.title))
    return result


def _work_url(source, translation, locale, may_start: bool) -> str | None:
    """Where the translation is done: its editor (an alias's offers to start the translation), or "Translate this
    page" for someone who may start one."""
    if translation is not None:
        return reverse("wagtailadmin_pages:edit", args=[translation.pk])
    if may_start:
        return (
            reverse("wagtail_localize:submit_page_translation", args=[source.pk])
            + f"?select_locale={locale.language_code}"
        )
    return None
