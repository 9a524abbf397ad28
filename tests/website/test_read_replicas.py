"""Read replicas (website.database.replicas): which requests read from a replica, and that they really do.

The replica here is a second connection to the test database (a replica is a copy of the primary): it sees
what is committed, the demo content, not what a test writes inside its transaction. That is enough to
show which connection a request's queries went to.
"""

import pytest
from django.db import connections
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.db.utils import load_backend
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from website.database import replicas

REPLICA = "replica_1"
signal_names = {post_save: "saved", post_delete: "deleted", m2m_changed: "m2m"}


@pytest.fixture
def replica(settings, db):
    """A replica alias, the router and the middleware, as ``DATABASE_REPLICA_URLS`` sets them up.

    The connection is made here, not declared in ``DATABASES``: Django's test case refuses queries to a
    declared alias the test did not ask for, and the test database's name is only known now."""
    settings_dict = {**connections["default"].settings_dict}
    connection = load_backend(settings_dict["ENGINE"]).DatabaseWrapper(settings_dict, REPLICA)
    connections[REPLICA] = connection
    settings.REPLICA_DATABASES = [REPLICA]
    settings.DATABASE_ROUTERS = ["website.database.replicas.ReplicaRouter"]
    settings.MIDDLEWARE = [
        settings.MIDDLEWARE[0],
        "website.database.replicas.ReplicaReadsMiddleware",
        *settings.MIDDLEWARE[1:],
    ]
    settings.PAGE_CACHE = False  # each request renders its page from the database
    replicas.connect()
    yield connection
    for signal in (post_save, post_delete, m2m_changed):
        signal.disconnect(dispatch_uid=f"website.database.replicas.{signal_names[signal]}")
    connection.close()
    del connections[REPLICA]


def database_read_in(request) -> str:
    """The alias the router gives a read while ``request`` goes through the middleware."""
    seen = []

    def view(request):
        seen.append(replicas.ReplicaRouter().db_for_read(Page))
        return None

    replicas.ReplicaReadsMiddleware(view)(request)
    return seen[0]


def test_an_anonymous_page_view_reads_from_the_replica_and_everything_else_from_the_primary(replica, settings):
    factory = RequestFactory()
    assert database_read_in(factory.get("/en/")) == REPLICA
    assert database_read_in(factory.head("/en/")) == REPLICA
    assert database_read_in(factory.post("/en/search/")) == "default"
    assert database_read_in(factory.get("/admin/pages/")) == "default"
    with_session = factory.get("/en/")
    with_session.COOKIES[settings.SESSION_COOKIE_NAME] = "abc"
    assert database_read_in(with_session) == "default", "an editor reads what they just saved"
    assert database_read_in(factory.get("/en/", HTTP_AUTHORIZATION="Basic eDp5")) == "default"
    # Outside a request (commands, signal handlers): the primary.
    assert replicas.ReplicaRouter().db_for_read(Page) == "default"
    router = replicas.ReplicaRouter()
    assert router.db_for_write(Page) == "default"
    assert router.allow_migrate(REPLICA, "wagtailcore") is False
    assert router.allow_migrate("default", "wagtailcore") is True


def test_right_after_a_write_readers_read_the_primary_until_the_replica_can_have_caught_up(replica, settings):
    factory = RequestFactory()
    assert database_read_in(factory.get("/en/")) == REPLICA
    page = Page.objects.get(depth=2, locale__language_code="en")
    page.save()  # any write notes its time
    assert database_read_in(factory.get("/en/")) == "default"
    settings.REPLICA_MAX_LAG = 0  # the lag allowed has passed
    assert database_read_in(factory.get("/en/")) == REPLICA


def test_a_page_view_queries_the_replica_connection_and_an_admin_view_the_primary(
    replica, client, admin_client, settings
):
    settings.REPLICA_MAX_LAG = 0  # making the admin user was a write (the lag rule has a test of its own)
    primary = connections["default"]
    # Once first: the site's settings are read with get_or_create, which Django sends to the primary (the menu
    # and footer are then kept by website.chrome).
    client.get("/fr/")
    with CaptureQueriesContext(replica) as on_replica, CaptureQueriesContext(primary) as on_primary:
        response = client.get("/fr/")
    assert response.status_code == 200 and 'lang="fr"' in response.content.decode()
    assert len(on_replica) > 5 and len(on_primary) == 0, on_primary.captured_queries

    with CaptureQueriesContext(replica) as on_replica, CaptureQueriesContext(primary) as on_primary:
        assert admin_client.get("/admin/pages/").status_code == 200
    assert len(on_replica) == 0 and len(on_primary) > 0
