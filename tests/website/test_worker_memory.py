"""What a gunicorn worker does to give freed memory back (``website.worker_memory``), each in a fresh interpreter.

Each case runs in a process of its own: arenas and the heap are per process, and an arena limit set in the test
process would change every later test's threads.
"""

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from website import worker_memory

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(worker_memory._glibc() is None, reason="glibc only: elsewhere both are skipped")


def run(code: str, **env) -> str:
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env={"PATH": "/usr/bin:/bin", **env},
    )
    assert result.returncode == 0, result.stderr
    return result.stdout + result.stderr


# Eight threads that each allocate at the same time, then glibc's own count of arenas (malloc_stats, on stderr).
ARENAS = """
    import ctypes, threading
    from website import worker_memory
    print("limited", worker_memory.limit_arenas())
    barrier = threading.Barrier(8)
    def allocate():
        barrier.wait()
        kept = [bytearray(50_000) for _ in range(200)]
        barrier.wait()
    threads = [threading.Thread(target=allocate) for _ in range(8)]
    [thread.start() for thread in threads]
    [thread.join() for thread in threads]
    ctypes.CDLL(None).malloc_stats()
"""


def arenas(output: str) -> int:
    return sum(1 for line in output.splitlines() if line.startswith("Arena "))


def test_a_worker_has_at_most_two_arenas():
    unlimited = run(ARENAS.replace("worker_memory.limit_arenas()", "False"))
    limited = run(ARENAS)
    assert "limited True" in limited
    assert arenas(unlimited) > 2, unlimited
    assert arenas(limited) <= 2, limited


def test_an_arena_limit_in_the_environment_is_left_to_decide():
    output = run(ARENAS, MALLOC_ARENA_MAX="4")
    assert "limited False" in output
    assert arenas(output) <= 4


# Freed blocks between kept ones: the heap cannot shrink from its top, so only a trim gives their pages back.
FRAGMENTED = """
    import re, time
    from website import worker_memory
    def rss():
        return int(re.search(r"VmRSS:\\s+(\\d+)", open("/proc/self/status").read()).group(1)) // 1024
    blocks = [bytearray(60_000) for _ in range(3000)]
    kept = blocks[::20]
    del blocks
    before = rss()
    {action}
    print("before", before, "after", rss())
"""


def freed(output: str) -> int:
    before, after = map(int, output.split()[1::2])
    return before - after


def test_trim_gives_freed_memory_back():
    assert freed(run(FRAGMENTED.format(action="worker_memory.trim()"))) > 100
    assert freed(run(FRAGMENTED.format(action="pass"))) < 20


def test_the_trimming_thread_trims_only_after_requests():
    waits_idle = FRAGMENTED.format(action="worker_memory.keep_trimming(lambda: 0, interval=0.1); time.sleep(0.5)")
    assert freed(run(waits_idle)) < 20
    served = "iter(range(1_000_000)).__next__"
    trims = FRAGMENTED.format(action=f"worker_memory.keep_trimming({served}, interval=0.1); time.sleep(0.5)")
    assert freed(run(trims)) > 100
