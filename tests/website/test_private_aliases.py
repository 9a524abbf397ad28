"""A restricted page stays restricted in every language: its aliases (the page shown in English elsewhere) too."""

import pytest
from wagtail.models import Locale, Page, PageViewRestriction

pytestmark = pytest.mark.django_db


@pytest.fixture
def restricted_with_alias():
    chinese = Locale.objects.get(language_code="zh-hans")
    alias = Page.objects.filter(locale=chinese, alias_of__isnull=False, depth__gte=3).order_by("path").first()
    original = alias.alias_of
    PageViewRestriction.objects.create(page=original, restriction_type=PageViewRestriction.PASSWORD, password="s3cret")
    return original, alias


def test_an_alias_of_a_password_protected_page_asks_for_the_password(client, restricted_with_alias):
    original, alias = restricted_with_alias
    assert "password" in client.get(original.url).content.decode().lower()
    body = client.get(alias.url).content.decode()
    assert 'name="password"' in body


def test_the_api_lists_neither_a_restricted_page_nor_its_aliases(client, restricted_with_alias):
    original, alias = restricted_with_alias
    every = set()
    offset = 0
    while True:
        items = client.get(f"/api/v2/pages/?limit=50&offset={offset}").json()["items"]
        every |= {item["id"] for item in items}
        if len(items) < 50:
            break
        offset += 50
    assert original.pk not in every and alias.pk not in every
    # A 404 outside the language prefixes is redirected into one by the locale middleware: follow it.
    assert client.get(f"/api/v2/pages/{alias.pk}/", follow=True).status_code == 404
    assert client.get(f"/api/v2/pages/{original.pk}/", follow=True).status_code == 404
