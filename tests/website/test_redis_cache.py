"""Redis as the shared cache (``REDIS_URL``): the settings it gives, and the page cache and the site's chrome kept
in a real Redis server and dropped there on a publish.

Runs against ``TEST_REDIS_URL`` (default: database 15 of a Redis on 127.0.0.1:6379, which this project's CI
machine runs); every key it writes has a prefix of its own and is deleted afterwards. Skipped, saying so, only
where no Redis answers.
"""

import json
import os
import socket
import subprocess
import sys
import uuid
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import redis

from knowledge.models import ExplainerPage
from tests.factories import publish
from website.page_cache.middleware import STATUS_HEADER

ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def redis_answers() -> bool:
    parts = urlsplit(REDIS_URL)
    try:
        socket.create_connection((parts.hostname, parts.port or 6379), timeout=1).close()
    except OSError:
        return False
    return True


pytestmark = pytest.mark.skipif(not redis_answers(), reason=f"no Redis answers at {REDIS_URL}")


@pytest.fixture
def redis_caches(settings):
    prefix = f"test-{uuid.uuid4().hex[:12]}"
    settings.CACHES = {
        alias: {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": f"{prefix}:{alias}",
        }
        for alias in ("default", "pages")
    }
    client = redis.Redis.from_url(REDIS_URL)
    yield client, prefix
    keys = list(client.scan_iter(f"{prefix}:*"))
    if keys:
        client.delete(*keys)
    client.close()


def test_redis_url_makes_both_caches_redis():
    script = "import json; from django.conf import settings; print(json.dumps(settings.CACHES))"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "website.settings.dev", "REDIS_URL": REDIS_URL}
    output = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True)
    assert output.returncode == 0, output.stderr
    caches = json.loads(output.stdout)
    assert set(caches) == {"default", "pages"}
    for alias, cache in caches.items():
        assert cache["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
        assert cache["LOCATION"] == REDIS_URL and cache["KEY_PREFIX"] == f"policymakers:{alias}"


@pytest.mark.django_db
def test_pages_and_the_chrome_are_kept_in_redis_and_a_publish_drops_the_page(
    redis_caches, client, django_capture_on_commit_callbacks
):
    server, prefix = redis_caches
    page = ExplainerPage.objects.live().filter(locale__language_code="en").order_by("path").first()
    assert client.get(page.url).headers[STATUS_HEADER] == "miss"
    assert client.get(page.url).headers[STATUS_HEADER] == "hit"
    # In the Redis server itself, where every worker of every machine finds them.
    assert any(server.scan_iter(f"{prefix}:pages:*pc:copy:*"))
    assert any(server.scan_iter(f"{prefix}:default:*chrome:*"))
    page.summary = "A summary published while Redis holds the copy."
    with django_capture_on_commit_callbacks(execute=True):
        publish(page)
    response = client.get(page.url)
    assert response.headers[STATUS_HEADER] == "miss"
    assert "A summary published while Redis holds the copy." in response.content.decode()
