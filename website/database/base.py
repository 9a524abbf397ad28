"""Database engine ``website.database``: PostgreSQL that starts the embedded server on demand."""

import psycopg
from django.db.backends.postgresql import base as postgresql
from psycopg import sql

from . import embedded


class DatabaseWrapper(postgresql.DatabaseWrapper):
    """Django's PostgreSQL backend, connected through the embedded server's socket.

    The server is started (or an already running one reused) on the first connection. The
    site's database is created then too, so ``migrate`` works on a fresh data directory.
    """

    _created_databases: set[tuple[str, str]] = set()

    def get_connection_params(self):
        data_dir = self.settings_dict["OPTIONS"]["embedded_data_dir"]
        socket_dir = embedded.ensure_running(data_dir)
        params = super().get_connection_params()
        params.pop("embedded_data_dir", None)
        params["host"] = socket_dir
        self._ensure_database(params)
        return params

    def _ensure_database(self, params):
        name = params.get("dbname")
        if not name or name == "postgres" or (params["host"], name) in self._created_databases:
            return
        with psycopg.connect(
            host=params["host"], user=params.get("user", "postgres"), dbname="postgres", autocommit=True
        ) as conn:
            exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
            # Test databases are created by Django's test runner itself.
            if not exists and not name.startswith("test_"):
                conn.execute(
                    sql.SQL("CREATE DATABASE {} ENCODING 'UTF8' TEMPLATE template0").format(sql.Identifier(name))
                )
        self._created_databases.add((params["host"], name))
