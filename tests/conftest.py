"""Shared fixtures: the test database holds the demo content, loaded once per test session."""

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from wagtail.models import Locale, Site
from wagtail.search.backends import get_search_backend


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the demo content (every language) once; each test then runs in a transaction on top of it."""
    with django_db_blocker.unblock():
        call_command("seed_demo", verbosity=0)
        if any(alias.startswith("elasticsearch-") for alias in settings.WAGTAILSEARCH_BACKENDS):
            # A live Elasticsearch (ELASTICSEARCH_URL): index the demo content there and make it searchable.
            call_command("update_index", verbosity=0)
            for alias in settings.WAGTAILSEARCH_BACKENDS:
                get_search_backend(alias).refresh_indexes()


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
    """Each test starts with an empty cache: rolled-back database changes must not live on in it."""
    cache.clear()
    yield
    cache.clear()
