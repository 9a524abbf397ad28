"""API links name the site's own host (its Site record's hostname and port), not http://localhost/."""

from urllib.parse import urlsplit

import pytest
from django.conf import settings as django_settings

pytestmark = pytest.mark.django_db


def api_meta(client, **extra):
    item = client.get("/api/v2/pages/", {"fields": "html_url", "limit": 1}, **extra).json()["items"][0]
    return item["meta"]


def test_the_seed_gives_the_site_the_admins_address(site):
    address = urlsplit(django_settings.WAGTAILADMIN_BASE_URL)
    assert (site.hostname, site.port) == (address.hostname, address.port or 80)


def test_html_url_and_detail_url_use_the_sites_host_and_port(client, site, settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "policymakers.example"]
    site.hostname, site.port = "policymakers.example", 8443
    site.save()
    meta = api_meta(client, HTTP_HOST="policymakers.example:8443")
    assert meta["html_url"].startswith("http://policymakers.example:8443/en/"), meta
    assert meta["detail_url"].startswith("http://policymakers.example:8443/api/v2/pages/"), meta


def test_an_https_site_gets_https_links(client, site, settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "policymakers.example"]
    site.hostname, site.port = "policymakers.example", 443
    site.save()
    meta = api_meta(client, HTTP_HOST="policymakers.example")
    assert meta["html_url"].startswith("https://policymakers.example/en/"), meta
    assert meta["detail_url"].startswith("https://policymakers.example/api/v2/pages/"), meta
