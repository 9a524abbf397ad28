"""Read replicas: readers' page views read from a replica, everything else from the primary.

Switched on by ``DATABASE_REPLICA_URLS`` (website.settings.base): each URL becomes a database alias
(``replica_1``, ...), this module's router is installed, and so is its middleware.

Which reads may go to a replica is decided per request, by ``ReplicaReadsMiddleware``: a GET or HEAD from
a reader without a session (no editor, no preview, no form that wrote something), outside the admin, and
not within ``REPLICA_MAX_LAG`` seconds of the last write anywhere on the site. A replica applies the
primary's changes a little later; right after a publish a replica may still hold the old page, and the
page cache would keep that old copy as current. So every write (any model saved or deleted, on commit)
notes its time in the shared cache, and for ``REPLICA_MAX_LAG`` seconds after it every request reads from
the primary. Management commands, signal handlers of write requests and the admin always use the primary.

Writes always go to the primary, migrations run there only, and objects read from either may be related.
"""

import random
import time
from contextvars import ContextVar

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save

from website.generations import now_and_on_commit

LAST_WRITE_KEY = "database:last-write"
_reads_from_replica: ContextVar[bool] = ContextVar("reads_from_replica", default=False)


def replica_aliases() -> list[str]:
    return list(getattr(settings, "REPLICA_DATABASES", []))


def note_write(**kwargs) -> None:
    """Remember when the site last wrote: now, and again when the transaction commits."""

    now_and_on_commit(lambda: cache.set(LAST_WRITE_KEY, time.time(), timeout=None))


def recently_written() -> bool:
    last = cache.get(LAST_WRITE_KEY)
    return last is not None and time.time() - last < settings.REPLICA_MAX_LAG


class ReplicaRouter:
    """Reads from a replica inside a request the middleware marked, else from the primary ("default")."""

    def db_for_read(self, model, **hints):
        aliases = replica_aliases()
        if aliases and _reads_from_replica.get():
            return random.choice(aliases)  # spreading load, not security
        return "default"

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, first, second, **hints):
        return True  # the same data: a replica is a copy of the primary

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"


def may_read_from_replica(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
        and not request.path.startswith("/admin/")
        and not recently_written()
    )


class ReplicaReadsMiddleware:
    """Marks the requests whose reads may go to a replica (see the module's docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not replica_aliases() or not may_read_from_replica(request):
            return self.get_response(request)
        token = _reads_from_replica.set(True)
        try:
            return self.get_response(request)  # template responses are rendered within it
        finally:
            _reads_from_replica.reset(token)


def connect() -> None:
    """Note writes, when the site has replicas (without them, nothing is noted)."""
    if not replica_aliases():
        return
    post_save.connect(note_write, dispatch_uid="website.database.replicas.saved")
    post_delete.connect(note_write, dispatch_uid="website.database.replicas.deleted")
    m2m_changed.connect(note_write, dispatch_uid="website.database.replicas.m2m")
