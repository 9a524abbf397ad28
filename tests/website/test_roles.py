"""Translator groups come from migrations (production has them), and each gets its language's home page."""

import importlib

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
