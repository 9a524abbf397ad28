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


# Wagtail's own admin views of one object that answer another language's translator without refusing, and why
# that is safe; the action behind each (a POST) is refused, which the walk checks too.
SHOWN_TO_ANYONE = {
    "wagtailadmin_pages:confirm_workflow_cancellation": "the confirmation dialog's text; cancelling is the editor's",
    "wagtailadmin_pages:move_confirm": "Wagtail's confirmation page names the two pages; moving asks for the right",
}
ID_PARAMS = {
    "pk",
    "id",
    "page_id",
    "page_to_move_id",
    "destination_id",
    "revision_id",
    "revision_id_a",
    "revision_id_b",
    "translation_id",
}


def admin_patterns(patterns=None, prefix="", namespace=""):
    """(namespaced name, route, parameter names) for each admin URL pattern."""
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from admin_patterns(pattern.url_patterns, route, inner)
        elif isinstance(pattern, URLPattern) and route.startswith("admin/") and pattern.name:
            yield namespace + pattern.name, route, list(pattern.pattern.regex.groupindex)


def refused(response):
    """Wagtail's admin answers a refused permission with 403, or a redirect to the dashboard with a message
    (followed: a view that redirects to another of the object's views is judged by that one)."""
    return response.status_code in (403, 404) or bool(
        response.redirect_chain and response.redirect_chain[-1][0] == "/admin/"
    )


@pytest.mark.django_db
def test_every_admin_view_of_another_languages_object_refuses_a_translator(client):
    """Each Wagtail and wagtail-localize admin URL that takes a page or a translatable snippet, for the Spanish one,
    as the French translator: refused (GET, then POST for views that only take POST), or listed above with why."""
    from django.contrib.auth.models import Group  # noqa: PLC0415
    from django.urls import reverse  # noqa: PLC0415
    from wagtail.models import Locale, Page  # noqa: PLC0415

    from knowledge.models import GlossaryTerm  # noqa: PLC0415
    from website.models import FooterText, NavigationMenu  # noqa: PLC0415
    from website.review import translation_of  # noqa: PLC0415

    user = UserFactory()
    user.groups.add(Group.objects.get(name="Translators (French)"))
    client.force_login(user)
    spanish = Locale.objects.get(language_code="es")
    page = Page.objects.get(slug="about", locale__language_code="en", depth=3).get_translation(spanish).specific
    objects = {"admin/pages/": (page, page.save_revision()), "admin/localize/": (page, None)}
    for model in (GlossaryTerm, NavigationMenu, FooterText):
        instance = model.objects.filter(locale=spanish).first()
        objects[f"admin/snippets/{model._meta.app_label}/{model._meta.model_name}/"] = (
            instance,
            instance.save_revision(),
        )

    translation = translation_of(page)
    walked, answered = [], []
    for name, route, params in admin_patterns():
        prefix = next((prefix for prefix in objects if route.startswith(prefix)), None)
        if prefix is None or not params or not set(params) <= ID_PARAMS:
            continue
        instance, revision = objects[prefix]
        ids = {"revision_id": revision.pk if revision else None, "translation_id": translation.pk}
        kwargs = {param: ids.get(param.removesuffix("_a").removesuffix("_b"), instance.pk) for param in params}
        url = reverse(name, kwargs=kwargs)
        walked.append(name)
        response = client.get(url, follow=True)
        if response.status_code == 405 or name in SHOWN_TO_ANYONE:
            response = client.post(url, follow=True)
        if name in SHOWN_TO_ANYONE and name.endswith("confirm_workflow_cancellation"):
            continue  # its POST renders the same dialog: there is no action behind it to refuse
        if not refused(response):
            answered.append((name, url, response.status_code))
    assert len(walked) > 60 and {
        "wagtailsnippets_knowledge_glossaryterm:history",
        "wagtail_localize:download_pofile",
    } <= set(walked)
    assert answered == []
