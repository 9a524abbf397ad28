"""What the site sends to Elasticsearch, validated against Elastic's own request specification.

The Elasticsearch client runs for real, down to the HTTP request; only the node it would send to is replaced by
one that records each request and answers as an empty cluster does (there is no server here). Every body is then
validated against the schema of its operation in ``tests/search/spec/elasticsearch-requests.json``, extracted
from Elastic's OpenAPI document by ``tests/search/spec/extract.py``. The document is the serverless variant: the
settings only a self-managed cluster accepts are not in it, and none of the bodies here uses one.
"""

import json
import re
from contextlib import contextmanager
from functools import cache
from pathlib import Path

import jsonschema
import pytest
from django.test import override_settings
from elastic_transport import ApiResponseMeta, BaseNode, HttpHeaders
from elastic_transport._node import NodeApiResponse
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4
from wagtail.models import Page

from knowledge.models import ExplainerPage, GlossaryTerm
from website.search import backends
from website.search.backends import search_backends_setting
from website.search.service import results_in_order

SPEC = Path(__file__).with_name("spec") / "elasticsearch-requests.json"
LANGUAGES = ["en", "fr", "es", "ar", "zh-hans", "ru", "pt"]
SENT: list[tuple[str, str, object]] = []
ROUTES = [  # (method, path pattern, operation in the specification)
    ("PUT", r"^/[^/_][^/]*$", "PUT /{index}"),
    ("PUT", r"^/[^/]+/_mapping$", "PUT /{index}/_mapping"),
    ("POST", r"^/_bulk$", "POST /_bulk"),
    ("PUT", r"^/[^/]+/_bulk$", "PUT /{index}/_bulk"),
    ("POST", r"^/[^/]+/_search$", "POST /{index}/_search"),
    ("POST", r"^/[^/]+/_count$", "POST /{index}/_count"),
]


class RecordingNode(BaseNode):
    """An Elasticsearch node that records each request and answers as an empty cluster would."""

    def perform_request(self, method, target, body=None, headers=None, request_timeout=None):
        path = target.split("?")[0]
        if body is not None:
            text = body.decode("utf-8")
            parsed = (
                [json.loads(line) for line in text.splitlines() if line] if path.endswith("_bulk") else json.loads(text)
            )
            SENT.append((method, path, parsed))
        if method == "HEAD":
            status, answer = 404, b""  # no index exists yet: the backend creates it
        elif path.endswith("_bulk"):
            status, answer = 200, b'{"took": 1, "errors": false, "items": []}'
        elif path.endswith("_search"):
            hits = b'{"total": {"value": 0, "relation": "eq"}, "max_score": null, "hits": []}'
            status, answer = 200, b'{"took": 1, "timed_out": false, "hits": ' + hits + b"}"
        elif path.endswith("_count"):
            status, answer = 200, b'{"count": 0}'
        else:
            status, answer = 200, b'{"acknowledged": true}'
        meta = ApiResponseMeta(
            status=status,
            http_version="1.1",
            headers=HttpHeaders({"x-elastic-product": "Elasticsearch", "content-type": "application/json"}),
            duration=0.0,
            node=self.config,
        )
        return NodeApiResponse(meta, answer)


@cache
def specification() -> dict:
    """The vendored document, its references made absolute (``urn:es#/components/...``) so that they resolve in a
    registry that holds it under that name."""
    text = SPEC.read_text(encoding="utf-8").replace('"#/components/', '"urn:es#/components/')
    return json.loads(text)


# OpenAPI 3.0 schemas are JSON Schema draft 4, near enough. The specification writes each union of its TypeScript
# source as ``oneOf``, whose branches may overlap: a field value is a ``long`` or a ``double`` (both "number"), so 2
# would match two branches and fail "exactly one". A union asks for any one of its types: ``oneOf`` is read as
# ``anyOf``.
UnionValidator = jsonschema.validators.extend(
    jsonschema.Draft4Validator, {"oneOf": jsonschema.Draft4Validator.VALIDATORS["anyOf"]}
)


@cache
def registry() -> Registry:
    return Registry().with_resource("urn:es", Resource.from_contents(specification(), default_specification=DRAFT4))


@cache
def validator_for(operation: str):
    """A validator for the operation's request body."""
    body = specification()["operations"][operation]
    if "$ref" in body:
        body = specification()["components"]["requestBodies"][body["$ref"].rsplit("/", 1)[1]]
    return UnionValidator(body["content"]["application/json"]["schema"], registry=registry())


def operation_of(method: str, path: str) -> str:
    for wanted, pattern, operation in ROUTES:
        if method == wanted and re.match(pattern, path):
            return operation
    raise AssertionError(f"no operation of the specification for {method} {path}")


# Queries whose field may take the value alone, short for its main property: the specification's TypeScript
# source marks that property with ``@shortcut_property``, and Elasticsearch documents both forms, but the OpenAPI
# output keeps only the long one (``{"term": {"live_filter": {"value": true}}}``). modelsearch writes the short one.
SHORTCUTS = {
    "term": "value",
    "prefix": "value",
    "wildcard": "value",
    "fuzzy": "value",
    "match": "query",
    "match_phrase": "query",
    "match_phrase_prefix": "query",
    "match_bool_prefix": "query",
}


def long_form(query):
    """``query`` with every short form written out (``{"term": {"f": v}}`` as ``{"term": {"f": {"value": v}}}``)."""
    if isinstance(query, list):
        return [long_form(item) for item in query]
    if not isinstance(query, dict):
        return query
    written = {}
    for key, value in query.items():
        if key in SHORTCUTS and isinstance(value, dict) and len(value) == 1:
            ((field, argument),) = value.items()
            written[key] = {field: argument if isinstance(argument, dict) else {SHORTCUTS[key]: argument}}
        else:
            written[key] = long_form(value)
    return written


def errors(operation: str, body) -> list[str]:
    if operation.endswith("/_bulk"):
        return bulk_errors(body)
    if operation.endswith(("/_search", "/_count")):
        body = long_form(body)
    return _errors(validator_for(operation), body)


def _errors(validator, body) -> list[str]:
    return [
        f"{'/'.join(str(part) for part in error.absolute_path)}: {error.message[:200]}"
        for error in validator.iter_errors(body)
    ]


@cache
def schema_validator(name: str):
    return UnionValidator({"$ref": f"urn:es#/components/schemas/{name}"}, registry=registry())


def bulk_errors(lines) -> list[str]:
    """A bulk body is newline-delimited: an action line, then (except for a delete) the document or the update.

    The specification's schema is an array of ``oneOf`` an operation, an update or any object, which every action
    line matches twice; so each action line is validated as ``_global.bulk.OperationContainer`` and each update as
    ``_global.bulk.UpdateAction``, as the specification's types say, and each document as an object.
    """
    if not isinstance(lines, list):
        return [f"a bulk body is a list of lines, not {type(lines).__name__}"]
    problems, index = [], 0
    while index < len(lines):
        action = lines[index]
        problems += _errors(schema_validator("_global.bulk.OperationContainer"), action)
        kind = next(iter(action), "") if isinstance(action, dict) else ""
        if kind == "delete":
            index += 1
            continue
        if index + 1 >= len(lines):
            problems.append(f"line {index}: {kind!r} without its document")
            break
        follower = lines[index + 1]
        if kind == "update":
            problems += _errors(schema_validator("_global.bulk.UpdateAction"), follower)
        elif not isinstance(follower, dict):
            problems.append(f"line {index + 1}: a document is an object")
        index += 2
    return problems


@contextmanager
def recording(version="8"):
    """Elasticsearch backends for every language, for server major ``version``, whose requests are recorded."""
    setting = search_backends_setting("http://elasticsearch.invalid:9200", "spec_", LANGUAGES, version)
    for alias, params in setting.items():
        if alias != "default":
            params["OPTIONS"] = {"node_class": RecordingNode}
    SENT.clear()
    with override_settings(WAGTAILSEARCH_BACKENDS=setting):
        backends.forget_backends()
        yield SENT
    backends.forget_backends()
    SENT.clear()


@pytest.fixture
def recorded():
    with recording() as sent:
        yield sent


def assert_valid(sent):
    assert sent, "nothing was sent"
    problems = []
    for method, path, body in sent:
        operation = operation_of(method, path)
        problems += [f"{method} {path}: {problem}" for problem in errors(operation, body)]
    assert problems == []


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_index_creation_with_each_languages_analysis_and_mappings_follows_the_specification(recorded, language):
    backend = backends.get_backend(f"elasticsearch-{language}")
    for model in (Page, GlossaryTerm):
        index = backend.get_index_for_model(model)
        index.reset()
        index.add_model(ExplainerPage if model is Page else model)
    kinds = {operation_of(method, path) for method, path, _body in recorded}
    assert {"PUT /{index}", "PUT /{index}/_mapping"} <= kinds
    created = next(body for method, path, body in recorded if operation_of(method, path) == "PUT /{index}")
    assert created["settings"]["analysis"]["analyzer"]["default"]["type"] in {
        "english",
        "french",
        "spanish",
        "arabic",
        "cjk",
        "russian",
        "portuguese",
    }
    assert_valid(recorded)


@pytest.mark.django_db
def test_bulk_indexing_of_each_page_type_and_glossary_terms_follows_the_specification(recorded, locale):
    for language in ("en", "fr", "ar", "zh-hans"):
        backend = backends.get_backend(f"elasticsearch-{language}")
        pages = Page.objects.live().filter(locale=locale(language), alias_of__isnull=True).specific()
        by_model: dict = {}
        for page in pages:
            by_model.setdefault(type(page), []).append(page)
        for model, items in by_model.items():
            backend.get_index_for_model(model).add_items(model, items)
        terms = list(GlossaryTerm.objects.filter(locale=locale(language)))
        backend.get_index_for_model(GlossaryTerm).add_items(GlossaryTerm, terms)
    bulks = [body for method, path, body in recorded if path.endswith("/_bulk")]
    assert len(bulks) >= 8
    page_types = {line["_django_content_type"][0] for body in bulks for line in body if "_django_content_type" in line}
    assert len(page_types) >= 8  # every page type the demo has, each with its own fields
    assert_valid(recorded)


@pytest.mark.django_db
def test_searches_with_filters_ordering_and_autocomplete_follow_the_specification(recorded, locale):
    french = backends.get_backend("elasticsearch-fr")
    pages = Page.objects.live().filter(locale=locale("fr"))
    list(french.search("réseaux", pages, operator="and"))
    list(french.search("routage IP", pages.filter(depth__gte=3), operator="or").annotate_score("_score"))
    list(french.search("DNS", ExplainerPage.objects.live().filter(locale=locale("fr")), order_by_relevance=False))
    list(french.autocomplete("rou", pages))
    list(french.search("résolveur", GlossaryTerm.objects.filter(locale=locale("fr"), live=True)))
    chinese = backends.get_backend("elasticsearch-zh-hans")
    list(chinese.search("域名系统", Page.objects.live().filter(locale=locale("zh-hans"))))
    french.search("réseaux", pages).count()
    searches = [body for method, path, body in recorded if path.endswith(("_search", "_count"))]
    assert len(searches) >= 7
    assert any("filter" in json.dumps(body) for body in searches)
    assert_valid(recorded)


@pytest.mark.django_db
@pytest.mark.parametrize("version", ["8", "9"])
def test_the_sites_own_searches_follow_the_specification(version):
    """What a reader's search sends: every word, the phrase, any word, synonyms from the term base and a fuzzy
    match, with boosts, for pages and glossary terms; for the backends of Elasticsearch 8 and of 9."""
    with recording(version) as sent:
        for language, query in (("fr", "DNS"), ("fr", "chiffremnt TLS"), ("es", "¿quién administra la raíz?")):
            results_in_order(query, language)
        results_in_order("谁管理根服务器", "zh-hans")
        searches = [json.dumps(body, ensure_ascii=False) for method, path, body in sent if path.endswith("_search")]
        assert any("Système des noms de domaine" in body for body in searches)  # the synonym
        assert any('"fuzziness": "AUTO"' in body for body in searches)
        assert any('"type": "phrase"' in body or "match_phrase" in body for body in searches)
        assert any('"boost": 3.0' in body for body in searches)
        assert_valid(sent)


@pytest.mark.parametrize(
    ("operation", "body"),
    [
        ("PUT /{index}", {"settings": {"analysis": {"analyzer": {"default": {"type": "klingon"}}}}}),
        ("PUT /{index}", {"mappings": {"properties": {"title": {"type": "text", "boost": "high"}}}}),
        ("POST /{index}/_search", {"query": {"match": {"title": {"query": "dns", "operator": "maybe"}}}}),
        ("POST /{index}/_search", {"query": {"bool": {"filter": "locale"}}, "size": "ten"}),
        ("POST /{index}/_search", {"query": {"term": {"live_filter": {"valeur": True}}}}),  # no such property
        ("POST /{index}/_search", {"query": {"term": {"live_filter": [True]}}}),  # a list is no term
        ("POST /_bulk", {"index": {"_index": "pages"}}),  # a bulk body is a list of lines
    ],
)
def test_the_validator_refuses_a_body_the_specification_does_not_allow(operation, body):
    assert errors(operation, body) != []


def test_the_validator_accepts_the_specifications_own_kind_of_body():
    assert errors("PUT /{index}", {"settings": {"analysis": {"analyzer": {"default": {"type": "french"}}}}}) == []
    assert errors("POST /{index}/_search", {"query": {"match": {"title": {"query": "dns"}}}, "size": 10}) == []
    assert errors("POST /{index}/_search", {"query": {"term": {"live_filter": True}}}) == []  # the short form
    assert errors("POST /_bulk", [{"index": {"_index": "pages", "_id": "1"}}, {"title": "DNS"}]) == []
