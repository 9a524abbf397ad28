"""Which search backend serves a language, and the ``WAGTAILSEARCH_BACKENDS`` setting that defines them.

The database backend (``default``) always indexes everything: the admin searches it, and readers
are served from it when Elasticsearch is not configured or cannot be reached. With
``ELASTICSEARCH_URL`` set, each language also has its own Elasticsearch backend.
"""

import logging
from importlib import metadata

from django.conf import settings
from django.core.checks import Error
from django.core.exceptions import ImproperlyConfigured
from wagtail.search.backends import get_search_backend

from website.search.languages import search_backend_alias

logger = logging.getLogger(__name__)

DATABASE_BACKEND = {"BACKEND": "website.search.postgres"}
SUPPORTED_ELASTICSEARCH = (8, 9)
# The class of each language's Elasticsearch backend, followed by the server major it is built for.
ELASTICSEARCH_BACKEND_PATH = "website.search.elasticsearch.LanguageSearchBackend"


def client_major() -> int | None:
    """The major version of the installed ``elasticsearch`` client (read from its metadata: the settings call
    this, before Django can import the backends)."""
    try:
        return int(metadata.version("elasticsearch").split(".")[0])
    except metadata.PackageNotFoundError:
        return None


def elasticsearch_major(configured: str | None) -> int:
    """The server major the backends are built for: ``ELASTICSEARCH_VERSION`` if set, else the client's."""
    configured = (configured or "").strip()
    if not configured:
        version = client_major()
    elif configured.isdigit():
        version = int(configured)
    else:
        version = None
    if version not in SUPPORTED_ELASTICSEARCH:
        raise ImproperlyConfigured(
            f"ELASTICSEARCH_VERSION is {configured or version}; Elasticsearch {SUPPORTED_ELASTICSEARCH} are supported"
        )
    return version


def search_backends_setting(
    elasticsearch_url: str | None, index_prefix: str, languages, elasticsearch_version: str | None = None
) -> dict:
    """The database backend, and with a URL one Elasticsearch backend per language, for the server major
    ``elasticsearch_version`` names (8 or 9; by default the installed client's major)."""
    backends = {"default": dict(DATABASE_BACKEND)}
    if elasticsearch_url:
        version = elasticsearch_major(elasticsearch_version)
        for code in languages:
            backends[search_backend_alias(code)] = {
                "BACKEND": f"{ELASTICSEARCH_BACKEND_PATH}{version}",
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


def check_elasticsearch_client(app_configs=None, **kwargs):
    """System check: the installed client speaks the server major the backends are built for.

    A 9 client sends headers an 8 server refuses, and an 8 client misses what 9 changed; ``make setup
    ELASTICSEARCH_VERSION=9`` installs the 9 client (``requirements-elasticsearch9.lock``)."""
    installed = client_major()
    for alias, backend in settings.WAGTAILSEARCH_BACKENDS.items():
        path = backend.get("BACKEND", "")
        if not path.startswith(ELASTICSEARCH_BACKEND_PATH):
            continue
        wanted = int(path.removeprefix(ELASTICSEARCH_BACKEND_PATH))
        if installed != wanted:
            return [
                Error(
                    f"Search backend {alias} is built for Elasticsearch {wanted}, but the installed elasticsearch "
                    f"client is {installed}.x.",
                    hint=f"Run make setup ELASTICSEARCH_VERSION={wanted}, or set ELASTICSEARCH_VERSION to the "
                    "server's major version.",
                    id="website.E101",
                )
            ]
    return []
