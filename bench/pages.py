"""Page benchmark: server time, SQL queries, gzip bytes per page type in-process, then requests/s under wrk.

    .venv/bin/python bench/pages.py [--pages N] [--seconds S] [--languages en,ar,zh-hans] [--output FILE]

Runs on a site of its own (``DATA_DIR=.data/bench``, prepared with ``prepare_site`` when new) with the
generated corpus, so the developer's demo database is never touched. Requests/s come from ``wrk`` (a second
process, 32 connections) against gunicorn with 2 workers on 127.0.0.1, once with ``PAGE_CACHE=off`` and once
without; the admin login page, measured in the same run, is the reference. gunicorn runs without
``max_requests`` here, so that the memory read after each load run is what the workers grew to under it.
The table goes to ``--output`` and into the README, between its ``bench:pages`` markers. Nothing is asserted.
"""

import argparse
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import sysconfig
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / ".data" / "bench"
os.environ["DATA_DIR"] = str(DATA_DIR)
# In-process: the development settings (any local host, no secret key needed) with DEBUG off, as in production
# (DEBUG keeps every query in memory and renders templates in debug mode).
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "website.settings.dev")
os.environ["DEBUG"] = "false"
sys.path.insert(0, str(ROOT))
PORT = 8799
CONNECTIONS = 32
MARKERS = ("<!-- bench:pages -->", "<!-- /bench:pages -->")


def prepare():
    marker = DATA_DIR / ".prepared"
    if not marker.exists():
        env = {**os.environ, "DATA_DIR": str(DATA_DIR)}
        subprocess.run([sys.executable, "manage.py", "prepare_site"], cwd=ROOT, env=env, check=True)
        marker.write_text("ok\n")


def interpreter() -> str:
    args = sysconfig.get_config_var("CONFIG_ARGS") or ""
    pgo = "yes" if "--enable-optimizations" in args else "no"
    lto = "yes" if "--with-lto" in args else "no"
    return f"Python {sys.version.split()[0]} (PGO {pgo}, LTO {lto})"


def wait_for(base, server):
    deadline = time.monotonic() + 180
    while True:
        try:
            urllib.request.urlopen(base + "/healthz", timeout=5).read()
            return
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                raise RuntimeError("gunicorn did not start") from None
            time.sleep(0.5)


def worker_rss(master: int) -> list[str]:
    """Each child of the gunicorn master: resident memory (VmRSS), and its proportional share (Pss: pages shared
    with the other worker counted half), in MB."""
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    sizes = []
    for pid in children:
        rss = re.search(r"VmRSS:\s+(\d+) kB", Path(f"/proc/{pid}/status").read_text())
        pss = re.search(r"Pss:\s+(\d+) kB", Path(f"/proc/{pid}/smaps_rollup").read_text())
        if rss and pss:
            sizes.append(f"{int(rss.group(1)) // 1024} MB (PSS {int(pss.group(1)) // 1024} MB)")
    return sizes


def load_run(rows, seconds, rounds, cached: bool) -> list[str]:
    """wrk on each URL; fills row.rps and row.p99; returns the workers' RSS after the load."""
    env = {
        **os.environ,
        "WEB_CONCURRENCY": "2",
        "GUNICORN_CMD_ARGS": "--access-logfile /dev/null --max-requests 0",
        # make serve's settings: not the development ones this process runs with.
        "DJANGO_SETTINGS_MODULE": "website.settings.production",
    }
    if cached:
        env.pop("PAGE_CACHE", None)
    else:
        env["PAGE_CACHE"] = "off"
    base = f"http://127.0.0.1:{PORT}"
    server = subprocess.Popen(
        [sys.executable, "-m", "website.serve_locally", "--host", "127.0.0.1", "--port", str(PORT)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
    )
    try:
        wait_for(base, server)
        mode = "cached" if cached else "uncached"
        for row in rows:
            for _ in range(4):
                urllib.request.urlopen(base + row.url, timeout=60).read()
            rates, p99s = [], []
            for _ in range(rounds):
                output = subprocess.run(
                    # A 10 s timeout, not wrk's 2 s: a request queued behind slow searches is measured, not dropped.
                    [
                        "wrk",
                        "-t1",
                        f"-c{CONNECTIONS}",
                        f"-d{seconds}s",
                        "--timeout",
                        "10s",
                        "--latency",
                        base + row.url,
                    ],
                    capture_output=True,
                    text=True,
                ).stdout
                match = re.search(r"Requests/sec:\s+([\d.]+)", output)
                if match:
                    rates.append(float(match.group(1)))
                    p99s.append(wrk_milliseconds(re.search(r"99%\s+([\d.]+\w+)", output)))
            # The median of the rounds: one round can land on a moment the shared machine is busy elsewhere.
            row.rps[mode] = statistics.median(rates) if rates else None
            row.p99[mode] = statistics.median(p for p in p99s if p is not None) if p99s else None
        return worker_rss(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=60)


def wrk_milliseconds(match) -> float | None:
    """A wrk latency ("812.00us", "12.34ms", "1.20s") in milliseconds."""
    if match is None:
        return None
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", match.group(1)).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000}[unit]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--seconds", type=int, default=3, help="length of one wrk round")
    parser.add_argument("--rounds", type=int, default=3, help="wrk rounds per URL and mode (the median is shown)")
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--languages", default="en,ar,zh-hans")
    parser.add_argument("--output", default=str(ROOT / "bench" / "results" / "pages.md"))
    parser.add_argument("--no-readme", dest="readme", action="store_false", help="leave README.md as it is")
    args = parser.parse_args()
    languages = args.languages.split(",")
    prepare()
    import django  # noqa: PLC0415

    django.setup()
    from django.db import connection  # noqa: PLC0415

    from bench import corpus, page_timing  # noqa: PLC0415
    from bench.readme import into_readme  # noqa: PLC0415
    from website import gunicorn_config  # noqa: PLC0415

    load_before = os.getloadavg()
    corpus.build(args.pages, languages, random.Random(20261202))
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # the planner's statistics, as autovacuum would leave them after the corpus
    rows = page_timing.measure_all(languages, args.runs)
    reference = rows[-1]
    rss = {}
    if shutil.which("wrk"):
        for cached in (False, True):
            rss["cached" if cached else "uncached"] = load_run(rows, args.seconds, args.rounds, cached)
    else:
        print("install wrk: apt-get install wrk")
    load_after = os.getloadavg()
    header = (
        f"{args.pages} generated explainers and reports per language, {args.runs} in-process runs, "
        f"wrk -t1 -c{CONNECTIONS} --timeout 10s, the median of {args.rounds} rounds of {args.seconds} s per URL, "
        f"gunicorn with 2 workers (gthread, {gunicorn_config.threads} threads each), "
        f"caches in {'Redis' if os.environ.get('REDIS_URL') else 'files'}.\n\n"
        f"Load average: {' '.join(f'{v:.2f}' for v in load_before)} before, "
        f"{' '.join(f'{v:.2f}' for v in load_after)} after. Interpreter: {interpreter()}.\n\n"
    )
    text = header + page_timing.table(rows, rss, reference) + "\n"
    print(text)
    Path(args.output).parent.mkdir(parents=True, exist_ok=True)
    Path(args.output).write_text(text)
    if args.readme:
        into_readme(text, MARKERS)


if __name__ == "__main__":
    main()
