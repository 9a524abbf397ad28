"""gunicorn settings for the site (``make serve``, and production: ``gunicorn -c python:website.gunicorn_config``).

Threaded workers (``gthread``): a worker reads each request in one of its threads, so a client
that sends its headers slowly ties up one thread, not a whole worker as with the sync worker
(three such clients stalled the two sync workers for 24 s). Behind a buffering reverse proxy
(nginx, a load balancer) slow clients never reach gunicorn at all; that is still the production
set-up the README describes. Every value can be overridden with gunicorn's own command-line options
or ``GUNICORN_CMD_ARGS``.

Workers are restarted after ``max_requests`` (plus jitter, so they do not all restart at once) to
bound the memory a long-running Django process collects. Not after 1,000: pages served from the page
cache come at a few thousand a second, and a worker that restarted every second spent a good part of
it loading Django again (requests waited up to 1.4 s); a worker grows by a few MB under load
(``make bench`` reads its memory after the load runs). The master holds the embedded PostgreSQL
(when no ``DATABASE_URL`` is set) so that worker restarts and graceful reloads (``kill -HUP``)
never stop it (``website.database.embedded``).
"""

import os

wsgi_app = "website.wsgi:application"
worker_class = "gthread"
# Two cores here and on a small production machine: a worker per core, threads for waiting on I/O. Eight: with
# one interpreter lock per worker more threads render no more pages a second, and each page rendered at the same
# time as others costs memory the worker keeps (sixteen threads left a worker 40 to 50 MB larger after an uncached
# load, over the 200 MB budget); twelve slow clients over the two workers still leave threads to serve others.
# Each thread may keep a database connection open (CONN_MAX_AGE), 16 in all.
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
threads = int(os.environ.get("GUNICORN_THREADS", "8"))
# A worker holds at most as many connections as it has threads. gthread's default (1,000) let one worker take
# most of the keep-alive connections that arrive together while the other sat idle: cached pages then came at
# 830 to 990 a second instead of 2,000 to 2,900 (32 connections, make bench-pages). A connection beyond it waits
# in the listening socket's queue, where the first worker with a free thread takes it.
worker_connections = threads
# No keep-alive: gthread keeps a connection open only while it holds fewer than worker_connections - threads,
# none here, so each response closes its connection (stated, rather than a keepalive that gunicorn warns it
# cannot honour). A buffering reverse proxy opens a connection per request anyway (nginx by default); a
# browser's idle connection never holds a thread.
keepalive = 0
# A request that runs longer than this is a fault; the worker is replaced.
timeout = 30
graceful_timeout = 30
max_requests = 50000
max_requests_jitter = 5000
# Limits on request lines and headers (gunicorn's defaults, stated): anything bigger gets 400.
limit_request_line = 4094
limit_request_fields = 100
limit_request_field_size = 8190
accesslog = "-"


def on_starting(server):
    """Count the master as a user of the embedded PostgreSQL, before any worker is forked."""
    if not os.environ.get("DATABASE_URL"):
        from website.database.embedded import ensure_running, pgdata_from_environment  # noqa: PLC0415

        ensure_running(pgdata_from_environment())


def post_fork(server, worker):
    """At most two malloc arenas in the worker, before its threads start (``website.worker_memory``)."""
    from website.worker_memory import limit_arenas  # noqa: PLC0415

    limit_arenas()


def post_worker_init(worker):
    """Load every URL module before the first request (the admin's, the API's): a new worker's first reader
    does not wait for them. Then give freed memory back once a second while requests come in."""
    from django.urls import get_resolver  # noqa: PLC0415

    from website.worker_memory import keep_trimming  # noqa: PLC0415

    get_resolver().url_patterns  # noqa: B018 - evaluated for its side effect, the imports
    keep_trimming(lambda: worker.nr)
