"""Which search backend serves a language, and the ``WAGTAILSEARCH_BACKENDS`` setting that defines them.

The database backend (``default``) always indexes everything: the admin searches it, and readers
are served from it when Elasticsearch is not configured or cannot be reached. With
``ELASTICSEARCH_URL`` set, each language also has its own Elasticsearch backend.
"""

import logging

from django.conf import settings
from wagtail.search.backends import get_search_backend

from website.search.languages import search_backend_alias

logger = logging.getLogger(__name__)

DATABASE_BACKEND = {"BACKEND": "website.search.postgres"}


def search_backends_setting(elasticsearch_url: str | None, index_prefix: str, languages) -> dict:
    backends = {"default": dict(DATABASE_BACKEND)}
    if elasticsearch_url:
        for code in languages:
            backends[search_backend_alias(code)] = {
                "BACKEND": "website.search.elasticsearch",
                "LANGUAGE": code,
                "URLS": [elasticsearch_url],
                "INDEX_PREFIX": index_prefix,
                "TIMEOUT": 5,
            }
    return backends


_instances: dict[str, object] = {}


def get_backend(alias: str):
    """One backend instance per alias and process (an Elasticsearch client keeps its connections)."""
    if alias not in _instances:
        _instances[alias] = get_search_backend(alias)
    return _instances[alias]


def forget_backends() -> None:
    _instances.clear()


def uses_elasticsearch(language_code: str) -> bool:
    return search_backend_alias(language_code) in settings.WAGTAILSEARCH_BACKENDS


def backend_for(language_code: str):
    alias = search_backend_alias(language_code)
    return get_backend(alias if alias in settings.WAGTAILSEARCH_BACKENDS else "default")


def unavailable_errors() -> tuple[type[BaseException], ...]:
    """Exceptions meaning "Elasticsearch cannot answer now": the reader is then served from the database."""
    try:
        import elastic_transport  # noqa: PLC0415 - the client is loaded only when Elasticsearch is used
        import elasticsearch  # noqa: PLC0415 - the client is loaded only when Elasticsearch is used
    except ImportError:  # pragma: no cover - the client is a dependency
        return ()
    return (elastic_transport.TransportError, elasticsearch.ApiError)


def run_with_fallback(language_code: str, search):
    """Call ``search(backend)`` on the language's backend; on an Elasticsearch outage, on the database."""
    backend = backend_for(language_code)
    if not uses_elasticsearch(language_code):
        return search(backend)
    try:
        return search(backend)
    except unavailable_errors() as error:
        logger.warning("Elasticsearch unavailable for %s, searching the database instead: %s", language_code, error)
        return search(get_backend("default"))
