"""Site-wide behaviour: page types, health check, robots.txt, error pages, admin login."""

import json
import os
import socket
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest
from django.conf import settings
from django.db import OperationalError
from django.test import RequestFactory
from django.utils import translation
from wagtail.models import Page

from tests.factories import StandardPageFactory, UserFactory
from website.models import HomePage, StandardPage
from website.views import server_error

BASE_DIR = Path(settings.BASE_DIR)
SITEMAP_NAMESPACES = {"sitemap": "http://www.sitemaps.org/schemas/sitemap/0.9"}
pytestmark = pytest.mark.django_db


def test_page_type_rules(home):
    assert StandardPage.can_create_at(home)
    assert not HomePage.can_create_at(home)
    about = StandardPage.objects.get(slug="about", locale__language_code="en")
    assert StandardPage.can_create_at(about)
    assert not HomePage.can_create_at(about)


def test_standard_page_renders_every_shared_block(client, home):
    page = StandardPageFactory(
        parent=home,
        slug="all-blocks",
        body=[
            {"type": "heading", "value": {"text": "Rough consensus", "level": "h2"}},
            {"type": "paragraph", "value": "<p>Plain <b>words</b>.</p>"},
            {"type": "callout", "value": {"kind": "tip", "title": "Note", "text": "<p>Inside a box.</p>"}},
            {"type": "quote", "value": {"text": "Running code.", "attribution": "The IETF"}},
            {
                "type": "table",
                "value": {
                    "first_row_is_table_header": True,
                    "first_col_is_header": False,
                    "table_caption": "Levels",
                    "data": [["Level", "Meaning"], ["Proposed Standard", "Reviewed"]],
                },
            },
        ],
    )
    content = client.get(page.url).content.decode()
    assert '<h2 id="rough-consensus">Rough consensus</h2>' in content
    assert "<p>Plain <b>words</b>.</p>" in content
    assert 'class="callout callout--tip"' in content
    assert "<blockquote><p>Running code.</p></blockquote>" in content
    assert "<caption>Levels</caption>" in content
    assert '<th scope="col">Meaning</th>' in content
    assert "<td>Proposed Standard</td>" in content


def test_standard_pages_are_seeded_in_every_language(client):
    for page in StandardPage.objects.filter(slug="about", locale__language_code="en"):
        for translated in page.get_translations(inclusive=True).live():
            assert client.get(translated.url).status_code == 200


def test_healthz_ok(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def run_python(code, **env):
    """Run Python in a fresh process with the project's settings and extra environment."""
    full_env = {**os.environ, "DJANGO_SETTINGS_MODULE": "website.settings.test", **env}
    return subprocess.run(
        [sys.executable, "-c", code], cwd=BASE_DIR, env=full_env, capture_output=True, text=True, timeout=120
    )


def test_healthz_is_503_when_the_database_does_not_answer():
    # A real connection attempt to a port where no PostgreSQL listens.
    result = run_python(
        "import django; django.setup()\n"
        "from django.test import Client\n"
        "response = Client().get('/healthz')\n"
        "print(response.status_code, response.content.decode())",
        DATABASE_URL="postgresql://nobody@127.0.0.1:9/nothing?connect_timeout=2",
    )
    status, body = result.stdout.strip().split(" ", 1)
    assert status == "503", result.stderr
    assert json.loads(body) == {"status": "unavailable", "database": "unavailable"}


def test_pages_are_503_with_retry_after_while_the_database_is_unreachable():
    result = run_python(
        "import django; django.setup()\n"
        "from django.test import Client\n"
        "response = Client(raise_request_exception=False).get('/es/about/')\n"
        "print(response.status_code, response['Retry-After'], response.content.decode())",
        DATABASE_URL="postgresql://nobody@127.0.0.1:9/nothing",
    )
    status, retry_after, body = result.stdout.strip().split(" ", 2)
    assert (status, retry_after) == ("503", "30"), result.stderr
    assert 'lang="es"' in body and "<h1>" in body and "Something went wrong" not in body
    # Logged in one line with the reason, not a traceback per request.
    assert "database unavailable" in result.stderr and "Traceback" not in result.stderr


def test_the_health_check_answers_in_time_when_the_database_hangs():
    """A server that accepts the connection and never answers: the check gives up after 1.5 s."""
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        result = run_python(
            "import time, django; django.setup()\n"
            "from django.test import Client\n"
            "started = time.monotonic(); response = Client().get('/healthz')\n"
            "print(response.status_code, round(time.monotonic() - started, 2))",
            DATABASE_URL=f"postgresql://nobody@127.0.0.1:{silent.getsockname()[1]}/nothing",
        )
    status, seconds = result.stdout.split()
    assert status == "503", result.stderr
    assert float(seconds) < 2


def test_robots_txt(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "Disallow: /admin/" in response.content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()


@pytest.mark.parametrize("code", ["fr", "ar", "zh-hans"])
def test_404_in_the_readers_language(client, code):
    response = client.get(f"/{code}/no-such-page/")
    assert response.status_code == 404
    content = response.content.decode()
    with translation.override(code):
        assert translation.gettext("Page not found") in content
    assert f'lang="{code}"' in content


def test_503_in_the_readers_language_without_the_database(django_db_blocker):
    request = RequestFactory().get("/fr/")
    with translation.override("fr"), django_db_blocker.block():
        try:
            raise OperationalError("connection refused")
        except OperationalError:
            response = server_error(request)
        expected = translation.gettext("The site is briefly unavailable")
    assert response.status_code == 503 and response["Retry-After"] == "30"
    assert expected in response.content.decode() and expected != "The site is briefly unavailable"


def test_500_in_the_readers_language_without_the_database(django_db_blocker):
    """Rendered with the database blocked: any query (a context processor's, the template's) would fail here."""
    request = RequestFactory().get("/ar/")
    with translation.override("ar"), django_db_blocker.block():
        response = server_error(request)
        expected = translation.gettext("Something went wrong")
    content = response.content.decode()
    assert response.status_code == 500
    assert '<html lang="ar" dir="rtl">' in content
    assert expected in content and expected != "Something went wrong"


def test_admin_login(client):
    UserFactory(username="editor", is_superuser=True, is_staff=True)
    response = client.post("/admin/login/", {"username": "editor", "password": "correct horse battery staple"})
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_admin_login_refuses_a_wrong_password(client):
    UserFactory(username="editor2", is_superuser=True)
    response = client.post("/admin/login/", {"username": "editor2", "password": "wrong"})
    assert response.status_code == 200
    assert client.get("/admin/").status_code == 302


def test_sitemap_index_has_one_sitemap_per_language(client):
    content = client.get("/sitemap.xml").content.decode()
    for code, _name in settings.LANGUAGES:
        assert f"<loc>http://testserver/sitemap-{code}.xml</loc>" in content


def test_language_sitemaps_list_only_real_translations(client):
    for code in ("fr", "zh-hans"):
        response = client.get(f"/sitemap-{code}.xml")
        content = response.content.decode()
        urlset = ElementTree.fromstring(response.content)
        locations = [loc.text for loc in urlset.iterfind("sitemap:url/sitemap:loc", SITEMAP_NAMESPACES)]
        assert locations and all(url.startswith(f"http://testserver/{code}/") for url in locations)
        for alias in Page.objects.filter(locale__language_code=code, alias_of__isnull=False)[:20]:
            assert f"<loc>http://testserver{alias.url}</loc>" not in content
        real = Page.objects.live().filter(locale__language_code=code, alias_of__isnull=True, depth__gte=2).count()
        assert len(locations) == real
