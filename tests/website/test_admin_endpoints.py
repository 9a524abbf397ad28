"""Every wagtail-localize admin endpoint is checked by language and by right, or says why it needs no check.

The test walks the URL patterns under ``/admin/localize/`` and resolves each one as a request would, so a new
endpoint in a wagtail-localize upgrade fails here until someone decides how it is guarded.
"""

import re

import pytest
from django.contrib.auth.models import Permission
from django.urls import URLPattern, URLResolver, get_resolver, resolve

from tests.factories import UserFactory

# Endpoints without a guard of ours, and why none is needed.
NEEDS_NO_GUARD = {
    "javascript_catalog": "the editor's interface strings: no content",
    "submit_page_translation": "asks for wagtail_localize.submit_translation, which translators do not have",
    "submit_snippet_translation": "asks for wagtail_localize.submit_translation, which translators do not have",
    "snippets_api_listing": "read-only list for the editor's snippet chooser; the snippets are published content",
    "snippets_api_detail": "read-only, as the listing",
}
SAMPLE = {"int": "1", "str": "x", "slug": "x", "path": "x"}


def localize_patterns(patterns=None, prefix=""):
    """(name, an URL of that pattern) for each pattern under admin/localize/."""
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from localize_patterns(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern) and route.startswith("admin/localize/"):
            url = "/" + re.sub(r"<(?:(\w+):)?\w+>", lambda match: SAMPLE[match.group(1) or "str"], route)
            yield pattern.name, url


def test_every_localize_endpoint_is_guarded_or_says_why_not():
    seen, unguarded = set(), []
    for name, url in localize_patterns():
        view = resolve(url).func
        seen.add(name)
        if getattr(view, "checks", None) is None and name not in NEEDS_NO_GUARD:
            unguarded.append((name, url))
    assert {"edit_string_translation", "download_pofile", "stop_translation", "convert_to_alias"} <= seen
    assert unguarded == []


@pytest.mark.django_db
def test_the_translations_report_is_for_those_who_submit_translations(client):
    user = UserFactory()
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get("/admin/localize/reports/translations/").status_code in (302, 403)
    client.force_login(UserFactory(is_superuser=True))
    assert client.get("/admin/localize/reports/translations/").status_code == 200
