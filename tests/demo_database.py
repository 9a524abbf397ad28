"""The test databases: the demo content is seeded once, and each test process gets a copy of it.

Seeding every language takes a minute or two; doing it once per pytest-xdist worker doubled that
and made both workers fight for the same two cores. Instead the first worker to get here builds a
*template* database (migrations, then ``seed_demo``) and every worker clones it with PostgreSQL's
``CREATE DATABASE … TEMPLATE``, which copies the files in a second or so.

The template's name carries a fingerprint of everything that decides what the seed writes (the
content files, the apps' code and migrations, the locked dependencies). A later run with the same
fingerprint reuses it; any change to those files builds a new one and drops the old. ``pytest
--reseed`` rebuilds it regardless.

``make test`` starts the build (``python -m tests.demo_database``) before its checks and linters,
so the seed runs on one core while they run on the other; the test processes then find the
template ready, or wait for it under the same lock.
"""

import fcntl
import hashlib
import tempfile
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.db import connection, connections

ROOT = Path(__file__).resolve().parents[1]
# What the seeded database depends on. Templates, static files and tests do not change it.
FINGERPRINTED = ["content", "website", "knowledge", "programme", "requirements.lock", "tests/demo_database.py"]


def fingerprint() -> str:
    digest = hashlib.sha256()
    for name in FINGERPRINTED:
        path = ROOT / name
        files = sorted(path.rglob("*")) if path.is_dir() else [path]
        for file in files:
            if file.is_file() and "__pycache__" not in file.parts:
                digest.update(str(file.relative_to(ROOT)).encode())
                digest.update(file.read_bytes())
    return digest.hexdigest()[:12]


def template_name(base: str) -> str:
    return f"test_{base}_demo_{fingerprint()}"


@contextmanager
def _server_lock():
    """One process at a time builds or copies the template (the workers start together).

    Yields the file's handle: it remembers which test run built the template last (``--reseed``
    rebuilds once per run, not once per worker).
    """
    checkout = hashlib.sha256(str(ROOT).encode()).hexdigest()[:8]
    with open(Path(tempfile.gettempdir()) / f"policymakers-test-{checkout}.lock", "a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield handle
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _execute(sql, params=None) -> list:
    """Run ``sql`` on the server's maintenance database (creating and dropping databases happens there)."""
    with connection.creation._nodb_cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall() if cursor.description else []


def _name(name: str) -> str:
    return connection.ops.quote_name(name)


def _databases_starting_with(prefix: str) -> list[str]:
    rows = _execute("SELECT datname FROM pg_database WHERE starts_with(datname, %s)", [prefix])
    return [name for (name,) in rows]


def _unused_copies(base: str) -> list[str]:
    rows = _execute(
        """
        SELECT datname FROM pg_database AS d
        WHERE starts_with(datname, %s) AND NOT starts_with(datname, %s)
          AND NOT EXISTS (SELECT 1 FROM pg_stat_activity AS a WHERE a.datname = d.datname)
        """,
        [f"test_{base}_", f"test_{base}_demo_"],
    )
    return [name for (name,) in rows]


def _drop(name: str) -> None:
    connections.close_all()
    _execute(f"DROP DATABASE IF EXISTS {_name(name)} WITH (FORCE)")


def _use(name: str) -> None:
    """Point the ``default`` connection (and Django's settings, as the test runner does) at ``name``."""
    connections.close_all()
    settings.DATABASES["default"]["NAME"] = name
    connection.settings_dict["NAME"] = name


def _build(template: str) -> None:
    """Migrate and seed under a temporary name, renamed when complete (a crash leaves no half-made template)."""
    building = f"{template}_building"
    _drop(building)
    _execute(f"CREATE DATABASE {_name(building)} ENCODING 'UTF8' TEMPLATE template0")
    _use(building)
    call_command("migrate", run_syncdb=True, verbosity=0, interactive=False)
    call_command("seed_demo", verbosity=0)
    connections.close_all()
    _execute(f"ALTER DATABASE {_name(building)} RENAME TO {_name(template)}")


def _drop_stale(base: str, template: str) -> None:
    for name in _databases_starting_with(f"test_{base}_demo_"):
        if name != template:  # an older fingerprint, or a build that was interrupted
            _drop(name)


def ensure_template() -> str:
    """Build the seeded template if this fingerprint has none yet; returns its name."""
    base = settings.DATABASES["default"]["NAME"]
    template = template_name(base)
    with _server_lock():
        _drop_stale(base, template)
        if template not in _databases_starting_with(template):
            _build(template)
    return template


def worker_database(worker: str, run_id: str, reseed: bool = False) -> str:
    """A fresh copy of the seeded template for this test process; returns its name.

    ``run_id`` is the same in every worker of one test run (``reseed`` then rebuilds once).
    """
    base = settings.DATABASES["default"]["NAME"]
    template = template_name(base)
    # Named after the run too: two test runs at once (two terminals, a helper script) each have their own.
    copy = f"test_{base}_{worker}_{run_id[:8]}"
    with _server_lock() as lock:
        lock.seek(0)
        built_by_this_run = lock.read() == run_id
        _drop_stale(base, template)
        for name in _unused_copies(base):  # left by a run that was killed before its teardown
            _drop(name)
        if (reseed and not built_by_this_run) or template not in _databases_starting_with(template):
            _drop(template)
            _build(template)
            lock.truncate(0)
            lock.write(run_id)
            lock.flush()
        _drop(copy)
        _execute(f"CREATE DATABASE {_name(copy)} TEMPLATE {_name(template)}")
        _use(copy)
        connection.ensure_connection()  # in use from now on: no other run takes it for a leftover
    return copy


def drop_worker_database(name: str) -> None:
    _drop(name)


if __name__ == "__main__":
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "website.settings.test")
    django.setup()
    print(f"Seeded test template ready: {ensure_template()}")
