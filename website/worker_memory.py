"""Keeping a gunicorn worker's memory to what it uses (``website.gunicorn_config`` calls these in each worker).

A worker renders pages in several threads at once, and each render builds large strings (query results, the page,
its compressed copy) that are freed again when the response has gone. glibc keeps freed memory for reuse instead of
handing it back, spread over one arena per thread that allocates (up to eight per core), so a worker stays as large
as it was at its busiest moment. Two of glibc's own measures bring it back to what it holds:

- at most two arenas per worker, as ``MALLOC_ARENA_MAX=2`` in the environment would do (which, when set, is left to
  decide): the threads share freed memory instead of each keeping its own;
- ``malloc_trim`` once a second while requests come in, which gives the free pages inside the heap back to the
  system. It took 0.03 to 1.2 ms in a worker of this site, and costs nothing while the worker is idle.

With eight threads per worker, the two kept each worker at 164 MB after ``make bench-pages``' uncached load of every
page type in three languages (145 MB after the cached one); sixteen threads without the trim had left it at 205 to
220 MB. Where the C library is not glibc (musl, macOS) neither function exists and both are skipped.
"""

import ctypes
import functools
import os
import threading
import time
from collections.abc import Callable

# mallopt's parameter number for the arena limit (glibc's malloc.h).
M_ARENA_MAX = -8


@functools.cache
def _glibc():
    """The C library the interpreter runs on, when it is glibc (the only one with ``malloc_trim``); looked up once."""
    libc = ctypes.CDLL(None)
    return libc if hasattr(libc, "malloc_trim") and hasattr(libc, "mallopt") else None


def limit_arenas(count: int = 2) -> bool:
    """At most ``count`` malloc arenas in this process, unless ``MALLOC_ARENA_MAX`` already says how many.

    Call it before the threads start: an arena, once made, stays."""
    libc = _glibc()
    if libc is None or "MALLOC_ARENA_MAX" in os.environ:
        return False
    return bool(libc.mallopt(M_ARENA_MAX, count))


def trim() -> bool:
    """Hand the freed memory of every arena back to the system; whether any was."""
    libc = _glibc()
    return bool(libc and libc.malloc_trim(0))


def keep_trimming(served: Callable[[], int], interval: float = 1.0) -> threading.Thread | None:
    """A daemon thread that trims every ``interval`` seconds in which ``served()`` (a request count) moved on.

    ``None`` where there is nothing to trim with."""
    if _glibc() is None:
        return None

    def run():
        last = served()
        while True:
            time.sleep(interval)
            now = served()
            if now != last:
                trim()
                last = now

    thread = threading.Thread(target=run, name="malloc-trim", daemon=True)
    thread.start()
    return thread
