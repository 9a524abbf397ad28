"""Generated requests for the bad-input property: paths, query strings, methods and headers.

Shared by ``tests/website/test_generated_requests.py`` (2,000 examples, fixed seed, in every test run)
and ``bench/fuzz.py`` (a longer run with a random seed). The paths come from the URLconf itself (each
public pattern's regular expression, so a new view is covered without editing this file), a page of
each type and language of the seeded demo content with its feeds and API record, and mutations of
both (unicode, NUL, %-escapes, ``..``, very long segments). Query parameters are the real names the
views read, with generated values.

What a request may answer is one rule, ``problems()``: never a 5xx nor Django's debug page; an unknown
Host is refused with 400; a demo page, feed or search asked for with GET or HEAD and a known host
ignores bad filters instead of failing (below 400).
"""

import re
from dataclasses import dataclass, field
from functools import cache
from urllib.parse import quote, urlencode

from django.conf import settings
from django.test import Client
from django.urls import URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern
from hypothesis import strategies as st

METHODS = ["GET", "HEAD", "POST", "OPTIONS", "PUT", "DELETE"]
LANGUAGES = [code for code, _name in settings.LANGUAGES]
NOT_PUBLIC = ("admin/",)  # the admin is behind a login; its own tests walk it (test_admin_endpoints.py)

# The parameters each view reads: the search page (website.search.service), the report index's filters
# (programme.models), autocomplete, Wagtail's API (its known and find parameters, field filters) and logins.
PAGE_PARAMETERS = ["q", "page", "year", "topic", "kind", "sort", "section", "language", "next", "p"]
API_PARAMETERS = [
    *["offset", "limit", "type", "fields", "order", "search", "search_operator", "locale", "site"],
    *["child_of", "ancestor_of", "descendant_of", "translation_of", "html_path", "id", "format", "_"],
    *["slug", "title", "show_in_menus", "rich_text_format"],
]
PARAMETERS = PAGE_PARAMETERS + API_PARAMETERS
EXAMPLE_VALUES = {
    "q": ["dns", "IETF", "réseaux", "互联网", "*:&|!", '"', "a" * 300],
    "page": ["1", "2", "0", "-1", "last", "99999"],
    "year": ["2024", "²", "٢٠٢٤", "1"],
    "sort": ["relevance", "date", "-date"],
    "kind": ["explainer", "report", "glossary", "page"],
    "type": ["programme.MeetingReportPage", "knowledge.ExplainerPage", "wagtailcore.Page", "auth.User", "x.Y"],
    "fields": ["*", "-title", "title,body", "_,id", "body(x)", "parent(*)", "(", "-"],
    "order": ["random", "-title", "id", "first_published_at", "nope"],
    "search_operator": ["and", "or", "xor"],
    "locale": LANGUAGES + ["xx", "fr-FR"],
    "site": ["testserver", "localhost:80", "127.0.0.1:8000"],
    "html_path": ["/", "/en/", "/fr/knowledge/", "/en/../", "//"],
    "format": ["json", "api", "xml"],
    "next": ["/en/", "https://attacker.example/", "//attacker.example"],
}
NUMBERS = ["0", "-1", "1.5", "1e3", "99999999999999999999", "²", "٣", "0x10", " 1"]
SPECIAL = ["", "\x00", "%", "%00", "..", "../../etc/passwd", "*", "null", "[]", "{}", "<script>", "\u202e", "\ufeff"]

# Header values as a WSGI server hands them over: latin-1 text (tab, printable ASCII, and 0x80 to 0xFF).
HEADER_TEXT = st.text(st.characters(codec="latin-1", exclude_categories=["Cc"]) | st.just("\t"), max_size=80)
VALID_HOSTS = ["testserver", "localhost", "127.0.0.1", "testserver:80", "127.0.0.1:8000", "LOCALHOST"]
BAD_HOSTS = ["attacker.example", "testserver.", "a..b", "-", "testserver:notaport", "[::1", "exa mple", "é.example"]
ACCEPT_LANGUAGES = ["fr", "fr-CH, fr;q=0.9, en;q=0.8", "zh-Hans-CN", "ar;q=1.5", "*", "xx-YY", ";;;", "en;q=abc"]
COOKIES = ["sessionid=x", "csrftoken=short", "django_language=zz", "sessionid=" + "a" * 500, "=;=;", "a=b; c"]
RANGES = ["bytes=0-10", "bytes=-5", "bytes=10-0", "bytes=0-0,1-1,2-2", "lines=1-2", "bytes=99999999999999999999-"]
ETAGS = ['"abc"', "*", 'W/"x"', '"', ",,,"]
DATES = ["Sat, 01 Jan 2000 00:00:00 GMT", "Mon, 32 Foo 99999 99:99:99 GMT", "yesterday", "0"]

# Django's debug pages (technical_404 and technical_500, HTML and text); "Traceback" alone is in the browsable
# API's stylesheet.
DEBUG_PAGE_MARKERS = (b"DEBUG = True", b"Traceback (most recent call last)")

# What a URL can carry once %-decoded: any character UTF-8 can encode (no lone surrogates).
URL_CHARACTERS = st.characters(codec="utf-8")
Segment = st.text(st.characters(codec="utf-8", exclude_characters="/?#"), min_size=1, max_size=12)


def _regex_strategy(regex) -> st.SearchStrategy:
    """Strings one URL pattern matches, from its own regular expression (a route's converters included)."""
    return st.from_regex(regex.pattern.replace(r"\Z", "$"), fullmatch=True, alphabet=URL_CHARACTERS)


def _pattern_strategies(patterns, prefix: st.SearchStrategy) -> list[st.SearchStrategy]:
    """One strategy per public endpoint of the URLconf: its levels' strings joined, under each language prefix."""
    found = []
    for pattern in patterns:
        if isinstance(pattern.pattern, LocalePrefixPattern):
            level = st.sampled_from([f"{code}/" for code in LANGUAGES])
        else:
            if str(pattern.pattern).startswith(NOT_PUBLIC):
                continue
            level = _regex_strategy(pattern.pattern.regex)
        path = st.tuples(prefix, level).map("".join)
        if isinstance(pattern, URLResolver):
            found += _pattern_strategies(pattern.url_patterns, path)
        else:
            found.append(path)
    return found


@cache
def url_pattern_paths() -> st.SearchStrategy:
    """Paths from every public URL pattern, e.g. ``/sitemap-ü.xml``, ``/api/v2/pages/٣/``, ``/fr/search/``."""
    return st.one_of(_pattern_strategies(get_resolver().url_patterns, st.just(""))).map(lambda path: "/" + path)


@dataclass(frozen=True)
class DemoAddresses:
    pages: list[str]  # pages, feeds and search: they must ignore bad parameters
    others: list[str]  # API records, sitemaps, documents: a bad parameter may be refused (400, 404)


def demo_addresses() -> DemoAddresses:
    """The real addresses of the seeded content: live pages, their routable sub-pages (feeds, calendar),
    their API records, the sitemaps and the documents. Needs the database."""
    from wagtail.contrib.routable_page.models import RoutablePageMixin  # noqa: PLC0415 - needs the app registry
    from wagtail.documents import get_document_model  # noqa: PLC0415

    pages = ["/", "/robots.txt", "/healthz"]
    pages += [f"/{code}/search/" for code in LANGUAGES] + [f"/{code}/search/autocomplete/" for code in LANGUAGES]
    others = ["/sitemap.xml", "/api/v2/pages/", "/api/v2/pages/find/"] + [f"/sitemap-{code}.xml" for code in LANGUAGES]
    for page in _one_page_of_each_kind():
        url = page.get_url()
        if not url:
            continue
        pages.append(url)
        others.append(f"/api/v2/pages/{page.pk}/")
        if isinstance(page, RoutablePageMixin):
            pages += [url + sub for sub in _routes_of(page)]
    others += [document.url for document in get_document_model().objects.order_by("pk")[:5]]
    return DemoAddresses(sorted(set(pages)), sorted(set(others)))


def _one_page_of_each_kind() -> list:
    """The first live public page of each type in each language, translated or an alias: every template and
    view once per language. Rendering a page costs far more than generating its request, and 500 meeting
    pages and explainers would not test more than one of each."""
    from wagtail.models import Page  # noqa: PLC0415 - needs the app registry

    chosen = {}
    for page in Page.objects.live().public().order_by("path").iterator():
        chosen.setdefault((page.content_type_id, page.locale_id, page.alias_of_id is None), page.pk)
    return list(Page.objects.filter(pk__in=chosen.values()).order_by("path").specific())


def _routes_of(page) -> list[str]:
    """The fixed sub-routes of a routable page (``feed/rss/``, ``calendar/``), from its URL patterns."""
    routes = []
    for pattern in page.get_subpage_urls():
        route = str(pattern.pattern)
        if route and not re.search(r"[<(\\^$]", route):
            routes.append(route)
    return routes


# Strategies are built once: hypothesis validates each new strategy object, which cost more than a request.


def weighted(*choices: tuple[int, st.SearchStrategy]) -> st.SearchStrategy:
    """Draw from one of the strategies, ``weight`` times as often as a strategy of weight 1 (``one_of``
    draws evenly, whatever the repeats)."""
    pick = st.sampled_from([strategy for weight, strategy in choices for _ in range(weight)])

    @st.composite
    def draw_one(draw):
        return draw(draw(pick))

    return draw_one()


MUTATIONS = st.sampled_from(["unicode", "nul", "escape", "dots", "long", "slashes", "case", "truncate"])
NULS = st.sampled_from(["\x00", "%00", "%2500"])
ESCAPES = st.sampled_from(["%", "%zz", "%C3", "%C3%28", "%2F", "%252F", "%E2%80%AE", "%FF%FE"])
DOTS = st.sampled_from(["..", ".", "%2e%2e", "..%2f", "...."])
LONG = st.builds(lambda char, length: char * length, st.sampled_from("a€x"), st.sampled_from([256, 1000, 5000]))
INDEX = st.integers(0, 10_000)


def _mutate(path: str, draw) -> str:
    """One way a scanner or a broken client bends a path."""
    how = draw(MUTATIONS)
    segments = path.split("/")
    at = draw(INDEX) % len(segments)
    if how == "unicode":
        segments.insert(at, draw(Segment))
    elif how == "nul":
        segments[at] += draw(NULS)
    elif how == "escape":
        segments[at] += draw(ESCAPES)
    elif how == "dots":
        segments.insert(at, draw(DOTS))
    elif how == "long":
        segments.insert(at, draw(LONG))
    elif how == "slashes":
        segments.insert(at, "")
    elif how == "case":
        segments[at] = segments[at].upper()
    else:
        segments = [path[: draw(INDEX) % (len(path) + 1)]]
    mutated = "/".join(segments)
    return mutated if mutated.startswith("/") else "/" + mutated  # a request line's path starts with "/"


GENERIC_VALUES = st.one_of(
    st.sampled_from(NUMBERS + SPECIAL), st.integers(-(10**20), 10**20).map(str), st.text(URL_CHARACTERS, max_size=40)
)
VALUES = {name: st.sampled_from(EXAMPLE_VALUES.get(name, ["1"])) | GENERIC_VALUES for name in PARAMETERS}
NAMES = st.sampled_from(PARAMETERS) | st.text(URL_CHARACTERS, max_size=8)
RAW_QUERIES = st.sampled_from(["%", "&&&", "=", "a=%zz", "q=%00", "q[]=1&q[]=2", "%E2%82=1", ";;"])


@st.composite
def _encoded_query(draw) -> str:
    names = draw(st.lists(NAMES, min_size=1, max_size=4))
    return urlencode([(name, draw(VALUES.get(name, GENERIC_VALUES))) for name in names], quote_via=quote)


QUERY_STRINGS = weighted((8, _encoded_query()), (1, RAW_QUERIES), (1, st.just("")))
"""``name=value&...`` with the views' own parameter names (and some unknown ones), or raw junk."""

HOSTS = weighted((8, st.sampled_from(VALID_HOSTS)), (1, st.sampled_from(BAD_HOSTS)), (1, HEADER_TEXT))
OPTIONAL_HEADERS = {
    "HTTP_ACCEPT_LANGUAGE": st.sampled_from(ACCEPT_LANGUAGES) | HEADER_TEXT,
    "HTTP_COOKIE": st.sampled_from(COOKIES) | HEADER_TEXT,
    "HTTP_RANGE": st.sampled_from(RANGES) | HEADER_TEXT,
    "HTTP_IF_NONE_MATCH": st.sampled_from(ETAGS) | HEADER_TEXT,
    "HTTP_IF_MODIFIED_SINCE": st.sampled_from(DATES) | HEADER_TEXT,
}
HEADERS = st.fixed_dictionaries({"HTTP_HOST": HOSTS}, optional=OPTIONAL_HEADERS)
"""A request's headers, as ``Client`` keyword arguments; ``HTTP_HOST`` always set, mostly to a known host."""


def host_is_valid(host: str) -> bool:
    from django.http.request import split_domain_port, validate_host  # noqa: PLC0415

    domain, _port = split_domain_port(host)
    return bool(domain) and validate_host(domain, settings.ALLOWED_HOSTS)


@dataclass(frozen=True)
class GeneratedRequest:
    method: str
    path: str
    query: str
    headers: dict = field(hash=False)
    known: bool  # an unmutated page, feed or search of the demo content

    def send(self, client: Client):
        client.cookies.clear()  # only the generated Cookie header, not what an earlier response set
        url = self.path + (f"?{self.query}" if self.query else "")
        return client.generic(self.method, url, **self.headers)

    def __str__(self):
        lines = [f"{self.method} {self.path}{'?' + self.query if self.query else ''}"]
        lines += [f"{name[5:].replace('_', '-').title()}: {value!r}" for name, value in self.headers.items()]
        return "\n  ".join(lines)

    def problems(self, response) -> list[str]:
        """What is wrong with ``response`` to this request (empty when all is well)."""
        found = []
        if response.status_code >= 500:
            found.append(f"status {response.status_code}")
        body = b"" if getattr(response, "streaming", False) else response.content
        if any(marker in body for marker in DEBUG_PAGE_MARKERS):
            found.append("Django's debug page")
        valid_host = host_is_valid(self.headers["HTTP_HOST"])
        if not valid_host and response.status_code != 400:
            found.append(f"status {response.status_code} for an unknown host, not 400")
        if valid_host and self.known and self.method in ("GET", "HEAD") and response.status_code >= 400:
            found.append(f"status {response.status_code} for a demo address: bad parameters must be ignored")
        return found


SOURCES = st.sampled_from(["page", "page", "page", "other", "pattern"])
METHOD = st.sampled_from(METHODS)
MUTATE = st.integers(0, 3).map(lambda n: n == 0)  # one path in four


def requests(demo: DemoAddresses) -> st.SearchStrategy:
    """Whole requests: a demo address or a URL pattern's string, perhaps mutated, with a query and headers."""
    pages, others = st.sampled_from(demo.pages), st.sampled_from(demo.others)

    @st.composite
    def one_request(draw) -> GeneratedRequest:
        source = draw(SOURCES)
        path = draw({"page": pages, "other": others, "pattern": url_pattern_paths()}[source])
        known = source == "page"
        if draw(MUTATE):
            mutated = _mutate(path, draw)
            known = known and mutated == path
            path = mutated
        return GeneratedRequest(
            method=draw(METHOD),
            path=path,
            query=draw(QUERY_STRINGS),
            headers=draw(HEADERS),
            known=known,
        )

    return one_request()


def client() -> Client:
    """Django's test client as a real server behaves: CSRF checked, exceptions turned into responses."""
    return Client(enforce_csrf_checks=True, raise_request_exception=False)
