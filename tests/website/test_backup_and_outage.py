"""A backup of the demo site restored into an empty data folder, then served by gunicorn through a database outage.

One set-up for both (they take the longest of the suite's server tests): ``make backup``'s command
writes the test database and media into an archive; ``make restore``'s command brings it back
into a new ``DATA_DIR`` with its own embedded PostgreSQL, in another process. The round trip is
judged by what the two sites hold (``tests.site_state``: the page tree, revisions, every
translation, searches in every language). Then gunicorn serves the restored site while the
embedded server is stopped and started the documented way, and the failed requests are counted.
"""

import io
import json
import os
import signal
import socket
import subprocess
import sys
import tarfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.core.management import call_command

from tests import site_state
from website.database import embedded

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]


def site_environment(data_dir: Path) -> dict:
    """The restored site's processes: its own DATA_DIR and embedded server, whatever the suite runs on."""
    environment = {**os.environ, "DATA_DIR": str(data_dir), "DJANGO_SETTINGS_MODULE": "website.settings.test"}
    environment.pop("DATABASE_URL", None)
    environment.pop("MEDIA_ROOT", None)
    return environment


def run_on(data_dir, *arguments, check=False):
    """``python <arguments>`` in a process of the restored site."""
    return subprocess.run(
        [sys.executable, *arguments],
        cwd=ROOT,
        env=site_environment(data_dir),
        capture_output=True,
        text=True,
        check=check,
        timeout=300,
    )


def manage(data_dir, *arguments, check=True):
    return run_on(data_dir, "manage.py", *arguments, check=check)


def embedded_command(data_dir, action):
    return run_on(data_dir, "-m", "website.database.embedded", action)


@pytest.fixture(scope="module")
def backup(tmp_path_factory, django_db_setup, django_db_blocker, settings_media_with_a_file):
    folder = tmp_path_factory.mktemp("backups")
    with django_db_blocker.unblock():
        call_command("backup_site", folder=folder, stdout=io.StringIO())
        expected = site_state.summary()
    (archive,) = folder.glob("policymakers-*.tar")
    return archive, expected


@pytest.fixture(scope="module")
def settings_media_with_a_file():
    """An uploaded file in the media folder, to be found again after the restore."""
    from django.conf import settings  # noqa: PLC0415

    media = Path(settings.MEDIA_ROOT)
    (media / "documents").mkdir(parents=True, exist_ok=True)
    (media / "documents" / "agenda.txt").write_text("IETF 125 agenda\n")
    return media


@pytest.fixture(scope="module")
def restored(backup, tmp_path_factory):
    archive, expected = backup
    data_dir = tmp_path_factory.mktemp("restored") / "data"
    result = manage(data_dir, "restore_site", str(archive))
    assert "Restored the backup" in result.stdout, result.stderr
    yield data_dir, expected
    embedded_command(data_dir, "stop")


def test_a_backup_holds_the_database_the_media_and_no_secrets(backup):
    archive, _ = backup
    with tarfile.open(archive) as tar:
        names = tar.getnames()
        manifest = json.load(tar.extractfile("backup.json"))
    assert {"backup.json", "database.dump", "media/documents/agenda.txt"} <= set(names)
    assert not any(name.endswith(("secret-key", "admin-password")) for name in names)
    assert manifest["media"] == "media" and manifest["server_version"]


def test_the_restored_site_holds_what_the_backed_up_one_did(restored):
    data_dir, expected = restored
    found = json.loads(run_on(data_dir, "-m", "tests.site_state", check=True).stdout)
    assert len(expected["pages"]) > 50 and len(expected["string_translations"]) == 6
    assert all(expected["searches"][language] for language in site_state.SEARCHES), expected["searches"]
    for key in expected:
        assert found[key] == expected[key], key
    assert (data_dir / "media" / "documents" / "agenda.txt").read_text() == "IETF 125 agenda\n"


def test_a_restore_over_a_site_is_refused(restored, backup):
    data_dir, _ = restored
    result = manage(data_dir, "restore_site", str(backup[0]), check=False)
    assert result.returncode != 0 and "is not empty" in result.stderr


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(url, timeout=10):
    """(status, headers, body, seconds) of a GET; errors answered by the server are results, not exceptions."""
    started = time.monotonic()
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.headers, response.read().decode(), time.monotonic() - started
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode(), time.monotonic() - started


def postmaster_pid(data_dir: Path) -> int | None:
    pid_file = data_dir / "postgres" / "postmaster.pid"
    return int(pid_file.read_text().split()[0]) if pid_file.exists() else None


class Traffic(threading.Thread):
    """Requests a page and the health check without a pause, recording each status with the times it was asked and
    answered (a request asked just before the database stops can be answered after it)."""

    def __init__(self, base):
        super().__init__(daemon=True)
        self.base, self.results, self.running = base, [], True

    def run(self):
        while self.running:
            for path in ("/en/", "/healthz"):
                started = time.monotonic()
                status, *_ = get(self.base + path)
                self.results.append((started, time.monotonic(), path, status))

    def asked_between(self, start, end, path=None):
        return [status for asked, _, at, status in self.results if start <= asked < end and path in (None, at)]

    def answered_before(self, end):
        return [status for _, answered, _, status in self.results if answered < end]


@pytest.fixture(scope="module")
def gunicorn(restored, tmp_path_factory):
    data_dir, _ = restored
    port = free_port()
    log = open(tmp_path_factory.mktemp("gunicorn") / "server.log", "w")  # noqa: SIM115 - closed at teardown
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--config", "python:website.gunicorn_config"]
        + ["--bind", f"127.0.0.1:{port}", "--workers", "2", "--access-logfile", "/dev/null"],
        cwd=ROOT,
        env=site_environment(data_dir),
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if get(base + "/healthz", timeout=2)[0] == 200:
                break
        except OSError:
            time.sleep(0.2)
    yield server, base, data_dir
    server.send_signal(signal.SIGTERM)
    server.wait(timeout=30)
    log.close()


def test_the_database_stays_up_and_the_site_rides_out_an_outage(gunicorn):
    server, base, data_dir = gunicorn
    assert get(base + "/en/")[0] == 200
    first_pid = postmaster_pid(data_dir)

    # A command that uses the database and exits leaves it running for the site.
    manage(data_dir, "showmigrations", "wagtailcore")
    assert embedded.is_running(data_dir / "postgres")

    # A graceful reload replaces the workers (they load the site afresh, which takes a few seconds on a busy
    # machine); the database stays the same server process throughout, and is not restarted.
    server.send_signal(signal.SIGHUP)
    reload_deadline = time.monotonic() + 60
    while get(base + "/en/", timeout=60)[0] != 200 and time.monotonic() < reload_deadline:
        time.sleep(0.2)
    assert get(base + "/en/")[0] == 200
    assert postmaster_pid(data_dir) == first_pid

    traffic = Traffic(base)
    traffic.start()
    # Until both paths have been answered at least once (after the reload a new worker's first answers can take
    # longer than a second on a busy machine).
    deadline = time.monotonic() + 30
    while {path for _, _, path, _ in traffic.results} != {"/en/", "/healthz"} and time.monotonic() < deadline:
        time.sleep(0.1)
    stopped_at = time.monotonic()
    assert embedded_command(data_dir, "stop").returncode == 0
    down_at = time.monotonic()
    # Until the traffic has had a health check asked and answered while it is down (a page asked as it stopped can
    # hold the traffic up for a while on a busy machine), then the health check's deadline more, so that one is
    # asked before the database is started again by at least that deadline.
    deadline = time.monotonic() + 30
    while not traffic.asked_between(down_at, float("inf"), "/healthz") and time.monotonic() < deadline:
        time.sleep(0.1)
    time.sleep(3)
    # While it is down: a page not in the page cache gets 503 with Retry-After, a short page in the reader's
    # language; the health check is quick.
    status, headers, body, _ = get(base + "/fr/")
    assert status == 503 and headers["Retry-After"] == "30", body[:300]
    assert 'lang="fr"' in body and "indisponible" in body
    status, _, _, seconds = get(base + "/healthz")
    assert status == 503 and seconds < 2
    started_at = time.monotonic()
    assert embedded_command(data_dir, "start").returncode == 0
    recovered_at = None
    while recovered_at is None and time.monotonic() < started_at + 15:
        if get(base + "/fr/")[0] == 200:  # not kept by the page cache: rendered from the database
            recovered_at = time.monotonic()
        time.sleep(0.1)
    time.sleep(2)
    traffic.running = False
    traffic.join(timeout=15)

    before = traffic.answered_before(stopped_at)
    # Asked while it was down, and at least the health check's deadline before it was started again.
    during = traffic.asked_between(down_at, started_at - 2, "/healthz")
    after = traffic.asked_between(recovered_at, float("inf"))
    assert before and set(before) == {200}, before
    assert during and set(during) == {503}, set(during)
    assert recovered_at - started_at < 5
    assert after and set(after) == {200}, after


def test_slow_clients_do_not_stall_the_site(gunicorn):
    """Twelve clients that send a header line a second for 6 s (the sync workers stalled for 24 s on three): each ties
    up one thread of a gthread worker, and everyone else is still served."""
    _, base, _ = gunicorn
    port = int(base.rsplit(":", 1)[1])
    slow = []
    for _ in range(12):
        connection = socket.create_connection(("127.0.0.1", port), timeout=10)
        connection.sendall(b"GET /en/ HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        slow.append(connection)
    try:
        timings = []
        for second in range(6):
            for number, connection in enumerate(slow):
                connection.sendall(f"X-Slow-{number}-{second}: 1\r\n".encode())
            status, _, _, seconds = get(base + "/healthz")
            assert status == 200
            timings.append(seconds)
            time.sleep(1)
        # On a busy machine a request can take a second or two; a stalled site takes as long as the slow clients.
        assert max(timings) < 4, timings
    finally:
        for connection in slow:
            connection.close()
