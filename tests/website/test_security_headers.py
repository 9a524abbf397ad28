"""Security headers and cookies, with the production settings' values, on a page, a feed, the API and the admin.

The values are read from ``website.settings.production`` itself (run with the environment the README gives), so
a change there is what these tests see. What ``manage.py check --deploy`` says of the same settings is tested in
``test_settings.py``; here, the production policy as a separate process builds it.
"""

import runpy
import secrets

import pytest
from django.urls import reverse

from knowledge.models import ExplainerPage
from tests.factories import UserFactory
from tests.html import parse
from tests.website.test_settings import manage_production

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"  # UserFactory's
# What the production settings decide about headers and cookies (MIDDLEWARE is the same, whitenoise aside).
PRODUCTION_VALUES = [
    "SECURE_PROXY_SSL_HEADER",
    "SECURE_SSL_REDIRECT",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_CONTENT_TYPE_NOSNIFF",
    "SECURE_REFERRER_POLICY",
    "X_FRAME_OPTIONS",
    "CONTENT_SECURITY_POLICY",
    "PERMISSIONS_POLICY",
]
TURNED_OFF = ["camera", "microphone", "geolocation", "payment", "usb", "browsing-topics", "autoplay", "serial"]


@pytest.fixture
def production(settings, monkeypatch):
    """The test settings, with the security values production has under the README's environment."""
    monkeypatch.setenv("SECRET_KEY", secrets.token_urlsafe(50))
    monkeypatch.setenv("ALLOWED_HOSTS", "testserver")
    for name in ("DEBUG", "SECURE_SSL_REDIRECT", "SECURE_COOKIES", "SECURE_HSTS_SECONDS", "SECURE_HSTS_PRELOAD"):
        monkeypatch.delenv(name, raising=False)
    values = runpy.run_module("website.settings.production")
    for name in PRODUCTION_VALUES:
        setattr(settings, name, values[name])
    return values


def policy(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    directives = {}
    for part in header.split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


def nonce_of(directives) -> str | None:
    nonces = [source[len("'nonce-") : -1] for source in directives["script-src"] if source.startswith("'nonce-")]
    assert len(nonces) <= 1, directives["script-src"]
    return nonces[0] if nonces else None


def inline_scripts(response) -> list:
    """The page's scripts that would run from the page itself (JSON data blocks do not run)."""
    scripts = parse(response.content).find_all("script")
    return [
        s for s in scripts if not s.get("src") and s.get("type", "text/javascript") in ("text/javascript", "module")
    ]


def assert_public_policy(response, framed_by=("'none'",)):
    directives = policy(response)
    script_src = directives["script-src"]
    assert "'self'" in script_src
    assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src, script_src
    assert "'unsafe-inline'" not in directives["style-src"]
    assert directives["default-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == ["'self'"]
    assert directives["form-action"] == ["'self'"]
    assert directives["img-src"] == ["'self'"]
    assert directives["frame-ancestors"] == list(framed_by)
    assert "upgrade-insecure-requests" in directives
    if response["Content-Type"].startswith("text/html"):
        nonce = nonce_of(directives)
        for script in inline_scripts(response):
            assert nonce and script.get("nonce") == nonce, f"an inline script without the response's nonce: {script}"
    return directives


def assert_common_headers(response):
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    permissions = response["Permissions-Policy"]
    for feature in TURNED_OFF:
        assert f"{feature}=()" in permissions.split(", "), (feature, permissions)
    assert "fullscreen" not in permissions  # a video embed may still go full screen


def public_urls():
    explainer = ExplainerPage.objects.live().filter(locale__language_code="en").first()
    return {
        "page": explainer.url,
        "feed": "/en/reports/feed/rss/",
        "api": "/api/v2/pages/?locale=en",
        "admin login": reverse("wagtailadmin_login"),
    }


def test_page_feed_api_and_admin_login_send_the_security_headers(client, production):
    for kind, url in public_urls().items():
        response = client.get(url, secure=True)
        assert response.status_code == 200, (kind, url, response.status_code)
        assert_public_policy(response)
        assert_common_headers(response)
        if kind == "admin login":
            assert response["X-Frame-Options"] == "DENY"
            csrf = response.cookies["csrftoken"]
            assert csrf["secure"] and csrf["samesite"] == "Lax"
        else:
            assert not response.cookies, (kind, list(response.cookies))  # readers get no cookie


def test_over_plain_http_production_redirects_before_anything_else(client, production):
    response = client.get(public_urls()["page"])
    assert response.status_code == 301 and response["Location"].startswith("https://")


def test_signing_in_sets_a_secure_http_only_session_cookie(client, production):
    UserFactory(username="headers-editor", is_superuser=True)
    response = client.post(
        reverse("wagtailadmin_login"), {"username": "headers-editor", "password": PASSWORD}, secure=True
    )
    assert response.status_code == 302
    session = response.cookies["sessionid"]
    assert session["secure"] and session["httponly"] and session["samesite"] == "Lax"
    assert response.cookies["csrftoken"]["secure"]


def test_the_admin_alone_allows_inline_scripts_and_the_translation_editor_uses_nonces(client, production):
    client.force_login(UserFactory(is_superuser=True))
    dashboard = policy(client.get(reverse("wagtailadmin_home"), secure=True))
    assert "'unsafe-inline'" in dashboard["script-src"] and "'unsafe-eval'" not in dashboard["script-src"]
    assert dashboard["frame-ancestors"] == ["'self'"]
    assert "upgrade-insecure-requests" in dashboard and dashboard["object-src"] == ["'none'"]

    english = ExplainerPage.objects.live().filter(locale__language_code="en", alias_of__isnull=True).first()
    french = ExplainerPage.objects.get(translation_key=english.translation_key, locale__language_code="fr")
    editor_url = reverse("wagtailadmin_pages:edit", args=[french.pk])
    nonces = []
    for _request in range(2):
        response = client.get(editor_url, secure=True)
        assert response.status_code == 200
        assert b"js-translation-editor" in response.content
        directives = policy(response)
        assert "'unsafe-inline'" not in directives["script-src"] and "'unsafe-eval'" not in directives["script-src"]
        nonce = nonce_of(directives)
        scripts = inline_scripts(response)
        assert nonce and scripts and all(script.get("nonce") == nonce for script in scripts)
        nonces.append(nonce)
    assert nonces[0] != nonces[1], "a nonce is made for each response"


def test_a_draft_shown_to_an_editor_keeps_the_public_policy_and_may_be_framed_by_the_admin(client, production):
    client.force_login(UserFactory(is_superuser=True))
    explainer = ExplainerPage.objects.live().filter(locale__language_code="en").first()
    # Wagtail renders the preview with a request of its own, which keeps the proxy's header (not the scheme).
    response = client.get(reverse("wagtailadmin_pages:view_draft", args=[explainer.pk]), HTTP_X_FORWARDED_PROTO="https")
    assert response.status_code == 200
    assert explainer.title in response.content.decode()
    assert_public_policy(response, framed_by=["'self'"])


def test_production_policy_upgrades_requests_unless_served_over_plain_http():
    show = "from csp.utils import build_policy; print(build_policy())"
    https = manage_production("shell", "-c", show)
    assert https.returncode == 0, https.stderr
    assert "upgrade-insecure-requests" in https.stdout
    policy = https.stdout.strip().splitlines()[-1]
    directives = {name: value for name, _, value in (part.strip().partition(" ") for part in policy.split(";"))}
    assert directives["script-src"].startswith("'self'") and "unsafe" not in directives["script-src"]
    assert directives["style-src"] == "'self'"  # style attributes only are allowed inline (video embeds)
    plain = manage_production("shell", "-c", show, SECURE_SSL_REDIRECT="false", SECURE_HSTS_SECONDS="0")
    assert plain.returncode == 0, plain.stderr
    assert "upgrade-insecure-requests" not in plain.stdout
