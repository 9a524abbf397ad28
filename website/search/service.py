"""A reader's search: read the request, search their language, count, filter, sort, highlight.

The backend ranks the matches (database or Elasticsearch, see ``backends``); everything after
that works on ``SearchFacts`` rows, so filters, counts and sorting behave the same whichever
backend found the matches. When the reader's language has no match, English results are shown,
labelled as English.
"""

import datetime
from dataclasses import dataclass, field
from datetime import date

from django.core.paginator import Paginator
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import DraftStateMixin, Locale, Page
from wagtail.search.utils import normalise_query_string

from website.locales import active_locale, locale_for
from website.queries import restricted_page_ids
from website.search import facts as search_facts
from website.search import ranking, suggest
from website.search.backends import run_with_fallback
from website.search.highlight import headlines
from website.search.kinds import kind_label, kind_named, registered_kinds
from website.search.languages import FALLBACK_LANGUAGE
from website.search.models import SearchFacts
from website.search.query_text import clean_query
from website.text import whole_number

RESULTS_PER_PAGE = 10
# Matches considered for filters and counts: ample for a site of this size, and what keeps a
# search on a large corpus within its time budget. Counts say "more than" when it is reached.
MAX_MATCHES = 500
MAX_EXTRA_MATCHES = 50
SORTS = ("relevance", "date")


@dataclass
class SearchRequest:
    query: str = ""
    kind: str = ""
    topic: str = ""
    year: int | None = None
    sort: str = "relevance"
    page: str = "1"
    exact: bool = False  # search for the query as typed, without correcting typos
    messages: list[str] = field(default_factory=list)

    @property
    def filters(self) -> dict:
        return {"kind": self.kind, "topic": self.topic, "year": self.year}


def topic_choices() -> list[tuple[str, str]]:
    choices = []
    for hook in hooks.get_hooks("register_search_topics"):
        choices.extend(hook())
    return choices


def places_to_look(language: str) -> list[tuple[str, str]]:
    """``(title, url)`` of the pages apps offer when a search finds nothing (the glossary, the topics), in the
    reader's language: the ``register_search_suggestions`` hook."""
    places = []
    for hook in hooks.get_hooks("register_search_suggestions"):
        places.extend(hook(language))
    return places


def extra_models() -> list:
    return [hook() for hook in hooks.get_hooks("register_site_search_model")]


def parse_request(params) -> SearchRequest:
    """Reads ``q``, ``kind``, ``topic``, ``year``, ``sort``, ``page`` and ``exact``; bad values are dropped with a
    message."""
    request = SearchRequest()
    request.query, notes = clean_query(params.get("q", ""))
    request.messages.extend(notes)

    kind = params.get("kind", "")
    if kind and kind_named(kind) is None:
        request.messages.append(_("There is no such type of content; showing every type."))
    else:
        request.kind = kind

    topic = params.get("topic", "")
    if topic and topic not in dict(topic_choices()):
        request.messages.append(_("There is no such topic; showing every topic."))
    else:
        request.topic = topic

    year = params.get("year", "")
    if year:
        number = whole_number(year, max_digits=4)
        if number is not None and 1986 <= number <= date.today().year + 1:
            request.year = number
        else:
            request.messages.append(_("That is not a year we have reports for; showing every year."))

    sort = params.get("sort", "relevance")
    if sort not in SORTS:
        request.messages.append(_("Results can be sorted by relevance or by date; sorting by relevance."))
        sort = "relevance"
    request.sort = sort
    request.page = params.get("page", "1")
    request.exact = params.get("exact", "") == "1"
    return request


@dataclass
class Hit:
    model: str
    object_id: int
    score: float
    kind: str = search_facts.KIND_PAGE
    topics: list = field(default_factory=list)
    date: datetime.date | None = None
    prior: float | None = None
    introductory: bool = False
    object: object = None
    url: str | None = None
    headline: str = ""

    @property
    def kind_label(self) -> str:
        return kind_label(self.kind)

    @property
    def result_template(self) -> str:
        return getattr(self.object, "search_result_template", "website/includes/search_result.html")


@dataclass
class SearchOutcome:
    request: SearchRequest
    language: str
    results_language: str
    page: object = None  # a Django Page of hits
    total: int = 0
    capped: bool = False
    facets: dict = field(default_factory=dict)
    answers: list = field(default_factory=list)
    promotions: list = field(default_factory=list)
    matched_in_language: int = 0
    corrected_query: str = ""  # the query searched for instead of the reader's, its typos corrected
    places_to_look: list = field(default_factory=list)  # when nothing is found: (title, url) of pages to try

    @property
    def fallback(self) -> bool:
        return self.results_language != self.language


def ranked(backend, queryset, query, limit: int) -> list[tuple[int, float]]:
    """``(id, text score)`` of the best matches; ``query`` is a string (every word) or a query object."""
    operator = "and" if isinstance(query, str) else None
    results = backend.search(query, queryset, operator=operator).annotate_score("_search_score")[:limit]
    return [(obj.pk, float(getattr(obj, "_search_score", 0) or 0)) for obj in results]


def searched_querysets(language: str) -> list[tuple[str, object, int]]:
    """What a reader's search looks in: live pages of the language (not private ones), then the extra models."""
    locale = locale_for(language)
    hidden = restricted_page_ids()
    pages = Page.objects.live().filter(locale=locale).only("id")
    pages = pages.exclude(id__in=hidden) if hidden else pages
    searched = [(search_facts.model_label(Page), pages, MAX_MATCHES)]
    for model in extra_models():
        queryset = model.objects.filter(locale=locale).only("id")
        if issubclass(model, DraftStateMixin):  # a snippet in review reaches readers once published
            queryset = queryset.filter(live=True)
        searched.append((search_facts.model_label(model), queryset, MAX_EXTRA_MATCHES))
    return searched


def find_matches(query: str, language: str) -> list[Hit]:
    """Every match in one language, best first (``website.search.ranking``): pages and extra models together."""

    def search(backend):
        wanted = ranking.backend_query(query, language, fuzzy=getattr(backend, "matches_typos", False))
        hits = []
        for label, queryset, limit in searched_querysets(language):
            hits.extend(Hit(label, pk, score) for pk, score in ranked(backend, queryset, wanted, limit))
        return hits

    hits = run_with_fallback(language, search)
    attach_facts(hits)
    ranking.rescore(hits, query)
    hits.sort(key=lambda hit: hit.score, reverse=True)
    return hits


def finds_something(word: str, language: str) -> bool:
    """Whether one word alone matches anything a reader of the language can find."""

    def search(backend):
        return any(ranked(backend, queryset, word, 1) for _label, queryset, _limit in searched_querysets(language))

    return run_with_fallback(language, search)


def did_you_mean(query: str, language: str) -> str | None:
    """The query with its typos corrected from the language's titles and terms (``website.search.suggest``)."""
    if not any(suggest.may_be_typo(word) for word in query.split()):
        return None
    candidates = suggest.candidate_words(locale_for(language), extra_models())
    return suggest.corrected_query(query, candidates, lambda word: finds_something(word, language))


def attach_facts(hits: list[Hit]) -> None:
    if not hits:
        return
    ids_by_model: dict[str, list[int]] = {}
    for hit in hits:
        ids_by_model.setdefault(hit.model, []).append(hit.object_id)
    rows = {}
    for label, ids in ids_by_model.items():
        for row in SearchFacts.objects.filter(model=label, object_id__in=ids).values(
            "object_id", "kind", "topics", "date", "prior", "introductory"
        ):
            rows[(label, row["object_id"])] = row
    for hit in hits:
        row = rows.get((hit.model, hit.object_id))
        if row:
            hit.kind, hit.topics, hit.date = row["kind"], row["topics"], row["date"]
            hit.prior, hit.introductory = row["prior"], row["introductory"]


def _by_year(kind_name: str) -> bool:
    kind = kind_named(kind_name)
    return kind is not None and kind.by_year


def _keep(hit: Hit, kind: str, topic: str, year: int | None) -> bool:
    if kind and hit.kind != kind:
        return False
    if topic and topic not in hit.topics:
        return False
    return not year or (_by_year(hit.kind) and hit.date is not None and hit.date.year == year)


def count_facets(hits: list[Hit], request: SearchRequest) -> dict:
    """Counts per value of each filter, with the other filters applied (the usual faceted search)."""
    kind, topic, year = request.kind, request.topic, request.year
    kinds: dict[str, int] = {}
    for hit in hits:
        if _keep(hit, "", topic, year):
            kinds[hit.kind] = kinds.get(hit.kind, 0) + 1
    topics: dict[str, int] = {}
    for hit in hits:
        if _keep(hit, kind, "", year):
            for value in hit.topics:
                topics[value] = topics.get(value, 0) + 1
    years: dict[int, int] = {}
    for hit in hits:
        if _by_year(hit.kind) and hit.date and _keep(hit, kind, topic, None):
            years[hit.date.year] = years.get(hit.date.year, 0) + 1
    topic_names = dict(topic_choices())
    return {
        "kind": [(each.name, str(each.plural), kinds[each.name]) for each in registered_kinds() if each.name in kinds],
        "topic": [(value, topic_names[value], topics[value]) for value in topic_names if value in topics],
        "year": sorted(((value, str(value), count) for value, count in years.items()), reverse=True),
    }


def sort_hits(hits: list[Hit], sort: str) -> list[Hit]:
    if sort == "date":
        return sorted(hits, key=lambda hit: (hit.date is not None, hit.date or date.min, hit.score), reverse=True)
    return sorted(hits, key=lambda hit: hit.score, reverse=True)


def load_objects(hits: list[Hit]) -> None:
    """Hits' objects in their specific types, in one query per model."""
    hits = [hit for hit in hits if hit.object is None]
    page_label = search_facts.model_label(Page)
    page_ids = [hit.object_id for hit in hits if hit.model == page_label]
    pages = {page.pk: page for page in Page.objects.filter(pk__in=page_ids).specific()}
    others = {}
    for model in extra_models():
        label = search_facts.model_label(model)
        ids = [hit.object_id for hit in hits if hit.model == label]
        if ids:
            others.update({(label, obj.pk): obj for obj in model.objects.filter(pk__in=ids)})
    for hit in hits:
        hit.object = pages.get(hit.object_id) if hit.model == page_label else others.get((hit.model, hit.object_id))


def show(hits: list[Hit], request) -> None:
    """Objects and URLs of the hits a reader will see (URLs only for those: a term's URL costs a query)."""
    load_objects(hits)
    for hit in hits:
        if hit.object is not None and hit.url is None:
            hit.url = hit.object.get_url(request)


def promotions_for(query: str, locale: Locale) -> list:
    """Editors' promoted pages for this query, in the reader's language (Wagtail's search promotions)."""
    try:
        promoted = Query.objects.get(query_string=normalise_query_string(query))
    except Query.DoesNotExist:
        return []
    picks = (
        promoted.editors_picks.filter(page__locale=locale, page__live=True)
        .select_related("page")
        .order_by("sort_order")
    )
    return [pick for pick in picks if pick.page.get_view_restrictions().count() == 0]


@dataclass
class Matches:
    hits: list[Hit]
    language: str  # the language the hits are in: the reader's, or English when theirs has none
    query: str  # what was searched for: the reader's query, or it with its typos corrected
    matched_in_language: int = 0


def matches_for_reader(query: str, language: str, exact: bool = False) -> Matches:
    """Every match a reader is shown, best first: typos corrected unless ``exact``, English when none."""
    searched = query
    hits = []
    corrected = None if exact else did_you_mean(query, language)
    if corrected:
        hits = find_matches(corrected, language)
        searched = corrected if hits else query
    if not hits:
        hits = find_matches(query, language)
    matches = Matches(hits, language, searched, matched_in_language=len(hits))
    if not hits and language != FALLBACK_LANGUAGE:
        english = find_matches(query, FALLBACK_LANGUAGE)
        if english:
            matches.hits, matches.language = english, FALLBACK_LANGUAGE
    return matches


def split_answers(hits: list[Hit], query: str) -> tuple[list[Hit], list[Hit]]:
    """Objects of an answering kind (a glossary term) that match the query exactly, and the other hits."""
    answering = {kind.name for kind in registered_kinds() if kind.answers}
    candidates = [hit for hit in hits if hit.kind in answering]
    load_objects(candidates)
    answers = [
        hit
        for hit in candidates
        if hit.object is not None and getattr(hit.object, "matches_exactly", lambda q: False)(query)
    ]
    keys = {(hit.model, hit.object_id) for hit in answers}
    return answers, [hit for hit in hits if (hit.model, hit.object_id) not in keys]


def results_in_order(query: str, language: str) -> list[Hit]:
    """What the first results page shows, in its order (answers first): what ``bench/relevance`` scores."""
    cleaned, _notes = clean_query(query)
    matches = matches_for_reader(cleaned, language)
    answers, others = split_answers(matches.hits, matches.query)  # find_matches puts them best first
    return answers + others


def run_search(request_params, http_request) -> SearchOutcome:
    search = parse_request(request_params)
    language = active_locale().language_code
    outcome = SearchOutcome(request=search, language=language, results_language=language)
    if not search.query:
        return outcome

    matches = matches_for_reader(search.query, language, exact=search.exact)
    hits = matches.hits
    outcome.matched_in_language = matches.matched_in_language
    outcome.results_language = matches.language
    if matches.query != search.query:
        outcome.corrected_query = matches.query

    outcome.capped = len(hits) >= MAX_MATCHES
    outcome.facets = count_facets(hits, search)
    kept = [hit for hit in hits if _keep(hit, search.kind, search.topic, search.year)]
    outcome.total = len(kept)

    ordered = sort_hits(kept, search.sort)
    if search.page in ("", "1"):
        outcome.answers, ordered = split_answers(ordered, matches.query)
        outcome.promotions = promotions_for(search.query, locale_for(language))
    if not outcome.total and not outcome.answers:
        outcome.places_to_look = places_to_look(language)
    outcome.page = Paginator(ordered, RESULTS_PER_PAGE).get_page(search.page)
    shown = list(outcome.page.object_list)
    show(shown + outcome.answers, http_request)
    headlines(shown + outcome.answers, matches.query, outcome.results_language)
    return outcome


def autocomplete(query: str, language: str, request, limit: int = 8) -> list[dict]:
    """Titles starting with what the reader has typed so far, in their language."""
    query, _notes = clean_query(query)
    if not query:
        return []
    locale = locale_for(language)

    hidden = restricted_page_ids()

    def suggest(backend):
        pages = Page.objects.live().filter(locale=locale)
        pages = pages.exclude(id__in=hidden) if hidden else pages
        return list(backend.autocomplete(query, pages, operator="and")[:limit])

    pages = run_with_fallback(language, suggest)
    return [{"title": page.title, "url": page.get_url(request)} for page in pages]
