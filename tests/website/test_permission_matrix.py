"""Each role × action × language, through the admin's real URLs (README, "Roles").

Languages: English, the role's own (French for the French translator and reviewer) and another
(Spanish). Every cell of the matrix is checked and all disagreements are reported together.
A refused request is answered by Wagtail's admin with a redirect to the dashboard (or 403); an
allowed request that only takes POST answers 405, so destructive actions are checked without
being carried out. "Approve" asks for the reviewers' form of a page already in review; "submit"
sends a translation for review (English pages are submitted from Wagtail's own editor, which
test_review.py drives). The whole review loop is in test_review.py.
"""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail.permissions import policy_registry

from knowledge.models import GlossaryTerm
from tests.factories import UserFactory
from tests.html import parse
from website.models import FooterText, NavigationMenu
from website.review import translation_of

pytestmark = pytest.mark.django_db
LANGUAGES = ("en", "fr", "es")
ROLES = {
    "editor": ["Editors"],
    "moderator": ["Moderators"],
    "french translator": ["Translators (French)"],
    "french reviewer": ["Reviewers (French)"],
}
Y, N, _ = True, False, None  # allowed, refused, not applicable (English is no translation)

# fmt: off
PAGE_MATRIX = {  # for each action of PAGE_ACTIONS, in order: (English, French, Spanish)
    #                   edit     publish  unpubl.  delete   stop     alias    PO file  approve  submit
    "editor":            [(Y,N,N), (N,N,N), (N,N,N), (N,N,N), (_,N,N), (_,N,N), (_,N,N), (N,N,N), (_,N,N)],
    "moderator":         [(Y,Y,Y), (Y,Y,Y), (Y,Y,Y), (Y,Y,Y), (_,Y,Y), (_,Y,Y), (_,Y,Y), (Y,Y,Y), (_,Y,Y)],
    "french translator": [(N,Y,N), (N,N,N), (N,N,N), (N,N,N), (_,N,N), (_,N,N), (_,Y,N), (N,N,N), (_,Y,N)],
    "french reviewer":   [(N,N,N), (N,N,N), (N,N,N), (N,N,N), (_,N,N), (_,N,N), (_,N,N), (N,Y,N), (_,N,N)],
}
# fmt: on
PAGE_ACTIONS = [
    "edit",
    "publish",
    "unpublish",
    "delete",
    "stop translation",
    "convert to alias",
    "download PO",
    "approve",
    "submit",
]
SNIPPET_MATRIX = {
    #                     edit        publish     delete
    "editor": [(Y, N, N), (N, N, N), (Y, N, N)],
    "moderator": [(Y, Y, Y), (Y, Y, Y), (Y, Y, Y)],
    "french translator": [(N, Y, N), (N, N, N), (N, N, N)],
    "french reviewer": [(N, N, N), (N, N, N), (N, N, N)],
}
SNIPPET_ACTIONS = ["edit", "publish", "delete"]
EVERY_LANGUAGE = {"Français", "Español", "العربية", "简体中文", "Русский", "Português"}  # each in its own name
REPORT_LANGUAGES = {
    "editor": EVERY_LANGUAGE,
    "moderator": EVERY_LANGUAGE,
    "french translator": {"Français"},
    "french reviewer": {"Français"},
}


def user_with(role):
    user = UserFactory()
    user.groups.add(*Group.objects.filter(name__in=ROLES[role]))
    return user


def allowed(response):
    if response.status_code in (200, 405):
        return True
    assert response.status_code in (302, 403), response.status_code
    return False


def about(code):
    english = Page.objects.get(slug="about", locale__language_code="en", depth=3)
    return english.get_translation(Locale.objects.get(language_code=code)).specific


def in_review(code):
    """The accessibility page in ``code``, submitted for review by someone else."""
    english = Page.objects.get(slug="accessibility", locale__language_code="en", depth=3)
    page = english.get_translation(Locale.objects.get(language_code=code)).specific
    page.save_revision()
    page.get_workflow().start(page, UserFactory(is_superuser=True))
    return page


def page_checks(client, user, page, reviewed):
    translation = translation_of(page)
    task_state = reviewed.current_workflow_task_state
    approve = reverse("wagtailadmin_pages:collect_workflow_action_data", args=[reviewed.pk, "reject", task_state.pk])

    def localize(name):
        return allowed(client.get(reverse(f"wagtail_localize:{name}", args=[translation.pk]))) if translation else None

    return [
        allowed(client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))),
        page.permissions_for_user(user).can_publish(),
        allowed(client.get(reverse("wagtailadmin_pages:unpublish", args=[page.pk]))),
        allowed(client.get(reverse("wagtailadmin_pages:delete", args=[page.pk]))),
        localize("stop_translation"),
        allowed(client.get(reverse("wagtail_localize:convert_to_alias", args=[page.pk]))) if translation else None,
        localize("download_pofile"),
        allowed(client.get(approve)),
        submitted(client, page) if translation else None,  # last: it puts the page in review
    ]


def submitted(client, page):
    client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), {"action": "submit-for-review"})
    return Page.objects.get(pk=page.pk).specific.current_workflow_state is not None


def snippet_checks(client, user, instance):
    viewset = instance.snippet_viewset
    policy = policy_registry.get_by_type(type(instance))
    return [
        allowed(client.get(reverse(viewset.get_url_name("edit"), args=[instance.pk]))),
        policy.user_has_permission_for_instance(user, "publish", instance),
        allowed(client.get(reverse(viewset.get_url_name("delete"), args=[instance.pk]))),
    ]


def disagreements(kind, actions, expected, found):
    """``expected``: per action, a value per language; ``found``: per language, a value per action."""
    wrong = []
    for action, want, got in zip(actions, expected, zip(*found, strict=True), strict=True):
        for language, wanted, seen in zip(LANGUAGES, want, got, strict=True):
            if wanted is not None and wanted != seen:
                wrong.append(f"{kind} {action} ({language}): expected {wanted}, got {seen}")
    return wrong


def snippet_in(model, code):
    english = model.objects.filter(locale__language_code="en").order_by("pk").first()
    return english.get_translation(Locale.objects.get(language_code=code))


@pytest.mark.parametrize("role", list(ROLES))
def test_permission_matrix(client, role):
    user = user_with(role)
    client.force_login(user)
    wrong = []
    pages = [about(code) for code in LANGUAGES]
    reviewed = [in_review(code) for code in LANGUAGES]
    wrong += disagreements(
        "page",
        PAGE_ACTIONS,
        PAGE_MATRIX[role],
        [page_checks(client, user, page, review) for page, review in zip(pages, reviewed, strict=True)],
    )
    for model in (GlossaryTerm, NavigationMenu, FooterText):
        instances = [snippet_in(model, code) for code in LANGUAGES]
        wrong += disagreements(
            model._meta.verbose_name,
            SNIPPET_ACTIONS,
            SNIPPET_MATRIX[role],
            [snippet_checks(client, user, instance) for instance in instances],
        )
    assert wrong == []


@pytest.mark.parametrize("role", list(ROLES))
def test_the_coverage_report_shows_each_role_its_languages(client, role):
    client.force_login(user_with(role))
    response = client.get(reverse("translation_coverage"))
    assert response.status_code == 200
    document = parse(response.content)
    columns = {cell.text.strip() for cell in document.select("table.listing thead th[lang]")}
    assert columns == REPORT_LANGUAGES[role]


def test_the_coverage_report_is_closed_to_other_admin_users(client):
    user = UserFactory()
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get(reverse("translation_coverage")).status_code in (302, 403)
