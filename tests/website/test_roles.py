"""Translator groups come from migrations (production has them), and each gets its language's home page."""

import importlib
import io

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from wagtail.models import GroupPagePermission, Locale, Page

from website.roles import translator_group_name

pytestmark = pytest.mark.django_db

create_groups = importlib.import_module("website.migrations.0004_translator_groups").create_groups
grant_glossary = importlib.import_module("knowledge.migrations.0002_translators_change_glossary_terms").grant


def test_the_migrations_make_every_translator_group_with_its_rights():
    Group.objects.filter(name__startswith="Translators (").delete()
    create_groups(apps, None)
    grant_glossary(apps, None)
    french = Group.objects.get(name="Translators (French)")
    codenames = set(french.permissions.values_list("codename", flat=True))
    assert codenames == {"access_admin", "change_navigationmenu", "change_footertext", "change_glossaryterm"}
    assert Group.objects.filter(name__startswith="Translators (").count() == 6
    home = GroupPagePermission.objects.get(group=french).page
    assert (home.depth, home.locale.language_code) == (2, "fr")


def test_a_new_language_home_page_is_granted_to_its_translators(home):
    german = Locale.objects.create(language_code="de")
    home.copy_for_translation(german, alias=True)
    german_home = Page.objects.get(depth=2, locale=german)
    grant = GroupPagePermission.objects.get(group__name=translator_group_name("de"))
    assert grant.page_id == german_home.pk and grant.permission.codename == "change_page"
    assert (
        not GroupPagePermission.objects.filter(group__name=translator_group_name("de"))
        .exclude(page=german_home)
        .exists()
    )


def test_the_migrations_set_up_the_review_workflows_and_the_editors_stay_in_english():
    from wagtail.models import Workflow, WorkflowContentType, WorkflowPage  # noqa: PLC0415

    root = Page.objects.get(depth=1)
    assert WorkflowPage.objects.get(page=root).workflow.name == "Editorial review"
    for home in Page.objects.filter(depth=2).exclude(locale__language_code="en").select_related("locale"):
        workflow = WorkflowPage.objects.get(page=home).workflow
        name = translator_group_name(home.locale.language_code).removeprefix("Translators ")
        assert workflow.name == f"Translation review {name}"
        groups = {group.name for group in workflow.tasks.get().specific.groups.all()}
        assert groups == {f"Reviewers {name}", "Moderators"}
    editorial = Workflow.objects.get(name="Editorial review")
    assert {item.content_type.model for item in WorkflowContentType.objects.filter(workflow=editorial)} == {
        "glossaryterm",
        "navigationmenu",
        "footertext",
        "rfc",
        "workinggroup",
    }
    editors = GroupPagePermission.objects.filter(group__name="Editors")
    assert {(grant.page.depth, grant.page.locale.language_code) for grant in editors} == {(2, "en")}
    assert not GroupPagePermission.objects.filter(group__name="Editors", permission__codename="publish_page").exists()


def test_a_new_language_home_page_gets_its_translation_review(home):
    from wagtail.models import WorkflowPage  # noqa: PLC0415

    german = Locale.objects.create(language_code="de")
    home.copy_for_translation(german, alias=True)
    german_home = Page.objects.get(depth=2, locale=german)
    workflow = WorkflowPage.objects.get(page=german_home).workflow
    assert workflow.name == "Translation review (German)"
    assert {group.name for group in workflow.tasks.get().specific.groups.all()} == {"Reviewers (German)", "Moderators"}


def test_the_demo_has_an_account_for_each_role(settings, tmp_path, monkeypatch):
    from django.contrib.auth import authenticate  # noqa: PLC0415
    from django.core.management import call_command  # noqa: PLC0415
    from django.http import HttpRequest  # noqa: PLC0415

    settings.DATA_DIR = tmp_path
    monkeypatch.setenv("ADMIN_PASSWORD", "a demo password for every role")
    call_command("ensure_admin", role_accounts=True, stdout=io.StringIO())
    for username, group in {"editor": "Editors", "translator-fr": "Translators (French)"}.items():
        # django-axes counts every sign-in by its request, so authenticate() needs one (its docs, "Testing").
        request = HttpRequest()
        user = authenticate(request, username=username, password="a demo password for every role")
        assert user is not None and list(user.groups.values_list("name", flat=True)) == [group]


def test_a_generated_admin_password_is_shown_once(settings, tmp_path, monkeypatch):
    from django.contrib.auth import get_user_model  # noqa: PLC0415
    from django.core.management import call_command  # noqa: PLC0415

    settings.DATA_DIR = tmp_path
    monkeypatch.delenv("ADMIN_PASSWORD", raising=False)
    get_user_model().objects.filter(username="admin").delete()
    first, second = io.StringIO(), io.StringIO()
    call_command("ensure_admin", stdout=first)
    call_command("ensure_admin", stdout=second)
    password = (tmp_path / "admin-password").read_text().strip()
    assert password in first.getvalue()
    assert password not in second.getvalue() and "admin-password" in second.getvalue()
