"""Shared fixtures: each test process works on a copy of the demo database (see tests/demo_database.py)."""

import uuid

import pytest
from django.conf import settings
from django.core.cache import caches
from django.core.management import call_command
from wagtail.models import Locale, Site
from wagtail.search.backends import get_search_backend

from tests import demo_database


def pytest_addoption(parser):
    parser.addoption("--reseed", action="store_true", help="Seed the demo database again even if nothing changed.")


@pytest.fixture(scope="session")
def django_db_setup(request, django_test_environment, django_db_blocker):
    """A copy of the seeded demo database (every language) for this process; each test runs in a transaction."""
    with django_db_blocker.unblock():
        worker = getattr(request.config, "workerinput", {})  # pytest-xdist's, when the run is distributed
        run_id = worker.get("testrunuid") or uuid.uuid4().hex
        name = demo_database.worker_database(
            worker.get("workerid", "main"), run_id, reseed=request.config.getoption("reseed")
        )
        if any(alias.startswith("elasticsearch-") for alias in settings.WAGTAILSEARCH_BACKENDS):
            # A live Elasticsearch (ELASTICSEARCH_URL): index the demo content there and make it searchable.
            call_command("update_index", verbosity=0)
            for alias in settings.WAGTAILSEARCH_BACKENDS:
                get_search_backend(alias).refresh_indexes()
    yield
    with django_db_blocker.unblock():
        demo_database.drop_worker_database(name)


@pytest.fixture(scope="session", autouse=True)
def media_root(tmp_path_factory):
    """Uploaded images and their renditions go to a temporary folder, not the project's media/."""
    settings.MEDIA_ROOT = str(tmp_path_factory.mktemp("media"))


@pytest.fixture
def site(db):
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def home(site):
    return site.root_page.specific


@pytest.fixture
def locale(db):
    """Look up a Locale by language code: ``locale("fr")``."""
    return lambda code: Locale.objects.get(language_code=code)


@pytest.fixture(autouse=True)
def fresh_cache():
    """Each test starts with empty caches (pages included): rolled-back database changes must not live on in them."""
    for cache in caches.all():
        cache.clear()
    yield
    for cache in caches.all():
        cache.clear()
