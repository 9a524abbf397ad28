"""Load on the site as it runs in production: gunicorn (``website.gunicorn_config``) on 127.0.0.1.

    .venv/bin/python bench/load.py [--seconds 60] [--connections 32] [--port 8765]

Needs the demo content (``make setup``). Starts ``make serve``'s server (production settings,
whitenoise, threaded workers) on the given port, reads every page of the seven languages from
the sitemap, the reports feeds of each language and a search per language, then keeps
``--connections`` keep-alive connections busy for ``--seconds``, each asking for the next URL
of the shuffled mix as soon as the last answer is in. Prints the requests, errors (anything but
2xx/3xx, and connection failures), throughput, and the median, p90 and p99 latency overall and
per kind, with the load average before and after. The client runs on the same two cores as the
server, so the figures are a floor of what the server does alone. Nothing is asserted.
"""

import argparse
import http.client
import os
import random
import re
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path
from xml.etree import ElementTree

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ["en", "fr", "es", "ar", "ru", "zh-hans", "pt"]
SEARCHES = {
    "en": "routing",
    "fr": "routage",
    "es": "enrutamiento",
    "ar": "التوجيه",
    "ru": "маршрутизация",
    "zh-hans": "路由",
    "pt": "roteamento",
}
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read().decode()


def urls_to_request(base: str) -> list[tuple[str, str]]:
    """(kind, path) for every page in the sitemaps, each language's feeds and searches."""
    mix = []
    index = ElementTree.fromstring(fetch(base + "/sitemap.xml"))
    for sitemap in index.iter(f"{SITEMAP}loc"):
        for location in ElementTree.fromstring(fetch(sitemap.text)).iter(f"{SITEMAP}loc"):
            mix.append(("page", re.sub(r"^https?://[^/]+", "", location.text)))
    for language in LANGUAGES:
        home = fetch(f"{base}/{language}/")
        for feed in re.findall(r'<link rel="alternate" type="application/(?:rss|atom)\+xml"[^>]* href="([^"]+)"', home):
            mix.append(("feed", feed))
        query = urllib.request.quote(SEARCHES[language])
        mix += [("search", f"/{language}/search/?q={query}"), ("search", f"/{language}/search/?q={query}&page=2")]
    return mix


class Worker(threading.Thread):
    def __init__(self, port, mix, deadline, results):
        super().__init__(daemon=True)
        self.port, self.mix, self.deadline, self.results = port, mix, deadline, results

    def run(self):
        rng = random.Random(self.name)
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        while time.monotonic() < self.deadline:
            kind, path = rng.choice(self.mix)
            started = time.monotonic()
            try:
                connection.request("GET", path, headers={"Accept-Encoding": "gzip"})
                response = connection.getresponse()
                response.read()
                ok = response.status < 400
                if response.getheader("Connection", "").lower() == "close":
                    connection.close()
            except (OSError, http.client.HTTPException):
                ok = False
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
            self.results.append((kind, time.monotonic() - started, ok, path))
        connection.close()


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def report(label, timings):
    ms = [seconds * 1000 for seconds in timings]
    print(
        f"{label:<8} {len(ms):>7}  {statistics.median(ms):>8.0f}  {percentile(ms, 0.9):>7.0f}  "
        f"{percentile(ms, 0.99):>7.0f}  {max(ms):>7.0f}"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args()

    base = f"http://127.0.0.1:{args.port}"
    server = subprocess.Popen(
        [sys.executable, "-m", "website.serve_locally", "--port", str(args.port)],
        cwd=ROOT,
        env={**os.environ, "GUNICORN_CMD_ARGS": "--access-logfile /dev/null"},
        stdout=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 180
        while True:
            try:
                fetch(base + "/healthz")
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    sys.exit("The server did not start (make setup first?)")
                time.sleep(0.5)
        mix = urls_to_request(base)
        kinds = {kind: sum(1 for k, _ in mix if k == kind) for kind in ("page", "feed", "search")}
        # Warm every worker's caches of templates and URL modules, as a running site has them.
        for _, path in mix:
            urllib.request.urlopen(base + path, timeout=60).read()
        load_before = os.getloadavg()[0]
        results = []
        end = time.monotonic() + args.seconds
        workers = [Worker(args.port, mix, end, results) for _ in range(args.connections)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
        load_after = os.getloadavg()[0]
    finally:
        server.terminate()
        server.wait(timeout=60)

    errors = [(kind, path) for kind, _, ok, path in results if not ok]
    print(
        f"{args.connections} connections for {args.seconds} s; mix of {len(mix)} URLs "
        f"({kinds['page']} pages in {len(LANGUAGES)} languages, {kinds['feed']} feeds, {kinds['search']} searches)"
    )
    print(f"load average (1 min): {load_before:.2f} before, {load_after:.2f} after")
    print(f"requests: {len(results)}, errors: {len(errors)}, throughput: {len(results) / args.seconds:.1f}/s")
    print("kind     requests  p50 ms  p90 ms  p99 ms  max ms")
    report("all", [seconds for _, seconds, _, _ in results])
    for kind in ("page", "feed", "search"):
        timings = [seconds for k, seconds, _, _ in results if k == kind]
        if timings:
            report(kind, timings)
    for kind, path in errors[:10]:
        print("error:", kind, path)


if __name__ == "__main__":
    main()
