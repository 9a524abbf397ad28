"""Translators of one language change that language's pages and glossary terms, and nothing else."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import GroupPagePermission, Locale, Page, get_translatable_models
from wagtail.permissions import policy_registry
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from knowledge.models import GlossaryTerm
from tests.factories import UserFactory
from website.permissions import LanguagePermissionPolicy, editable_locale_ids, may_edit_locale

pytestmark = pytest.mark.django_db
OTHER = {"fr": "es", "es": "fr", "ar": "ru", "ru": "ar", "zh-hans": "pt", "pt": "zh-hans"}
GROUPS = {
    "fr": "French",
    "es": "Spanish",
    "ar": "Arabic",
    "ru": "Russian",
    "zh-hans": "Simplified Chinese",
    "pt": "Portuguese",
}


@pytest.fixture
def term_in(locale):
    """A glossary term in a language (translated here when the demo content has none yet)."""
    english = GlossaryTerm.objects.get(locale__language_code="en", abbreviation="DNS")

    def make(code):
        return english.get_translation_or_none(locale(code)) or english.copy_for_translation(
            locale(code)
        ).__class__.objects.get(pk=_save(english.copy_for_translation(locale(code))))

    return make


def _save(instance):
    instance.save()
    return instance.pk


def translator(code):
    user = UserFactory()
    user.groups.add(Group.objects.get(name=f"Translators ({GROUPS[code]})"))
    return user


def about(code):
    english = Page.objects.get(slug="about", locale__language_code="en", depth=3)
    return english.get_translation(Locale.objects.get(language_code=code)).specific


@pytest.mark.parametrize("code", list(GROUPS))
def test_permission_matrix(client, locale, term_in, code):
    user = translator(code)
    client.force_login(user)
    own, other, english = about(code), about(OTHER[code]), about("en")

    # Pages: change in their language; not in another language, not English; never publish.
    assert own.permissions_for_user(user).can_edit()
    assert not own.permissions_for_user(user).can_publish()
    assert not other.permissions_for_user(user).can_edit()
    assert not english.permissions_for_user(user).can_edit()
    assert client.get(reverse("wagtailadmin_pages:edit", args=[own.pk])).status_code == 200
    assert client.get(reverse("wagtailadmin_pages:edit", args=[english.pk])).status_code in (302, 403)

    # Glossary terms: the same rule.
    own_term, other_term = term_in(code), term_in(OTHER[code])
    english_term = GlossaryTerm.objects.get(locale__language_code="en", abbreviation="DNS")
    edit = "wagtailsnippets_knowledge_glossaryterm:edit"
    assert client.get(reverse(edit, args=[own_term.pk])).status_code == 200
    assert client.get(reverse(edit, args=[other_term.pk])).status_code in (302, 403)
    assert client.get(reverse(edit, args=[english_term.pk])).status_code in (302, 403)
    # Every language listed (locale=""), narrowed to the DNS term so the listing fits on one page.
    listing = client.get(
        reverse("wagtailsnippets_knowledge_glossaryterm:list"), {"locale": "", "q": "DNS"}
    ).content.decode()
    assert reverse(edit, args=[own_term.pk]) in listing
    assert reverse(edit, args=[other_term.pk]) not in listing


def test_translation_editor_api_refuses_another_language(client, locale, term_in):
    client.force_login(translator("fr"))
    spanish = term_in("es")
    english = GlossaryTerm.objects.get(locale__language_code="en", abbreviation="DNS")
    source, _created = TranslationSource.get_or_create_from_instance(english)
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale("es"))
    segment = StringSegment.objects.filter(source=source).first()
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.id, segment.id])
    before = StringTranslation.objects.count()
    response = client.put(url, "value=Hola", content_type="application/x-www-form-urlencoded")
    # Wagtail's admin answers a refused permission with a redirect to the dashboard and a message.
    assert response.status_code in (302, 403) and response.get("Location", "/admin/") == "/admin/"
    assert StringTranslation.objects.count() == before
    assert spanish.pk


def test_groups_exist_for_every_language():
    names = set(Group.objects.filter(name__startswith="Translators (").values_list("name", flat=True))
    assert names == {f"Translators ({name})" for name in GROUPS.values()}


def test_translation_editor_api_accepts_the_translators_own_language(client, locale):
    client.force_login(translator("fr"))
    english = GlossaryTerm.objects.get(locale__language_code="en", abbreviation="DNS")
    source, _created = TranslationSource.get_or_create_from_instance(english)
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale("fr"))
    if english.get_translation_or_none(locale("fr")) is None:
        translation.save_target()  # snippets have no drafts: the translation starts as a copy
    segment = StringSegment.objects.filter(source=source, context__path="term").first()
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.id, segment.id])
    response = client.put(
        url, "value=Syst%C3%A8me+des+noms+de+domaine", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code in (200, 201)
    assert StringTranslation.objects.filter(locale=locale("fr"), data="Système des noms de domaine").exists()


def test_every_translatable_snippet_has_the_language_policy():
    """The viewset registers the policy itself: no translatable snippet is left with plain model permissions."""
    snippets = [model for model in get_translatable_models() if model in get_snippet_models()]
    assert snippets
    for model in snippets:
        assert isinstance(policy_registry.get_by_type(model), LanguagePermissionPolicy), model


def test_a_grant_below_a_language_home_gives_no_right_over_that_language(term_in, locale):
    """Only a grant on the home page of a language makes someone that language's translator."""
    french_knowledge = Page.objects.get(slug="knowledge", locale__language_code="en", depth=3).get_translation(
        locale("fr")
    )
    group = Group.objects.create(name="Knowledge section editors (French)")
    group.permissions.add(Permission.objects.get(codename="change_glossaryterm"))
    GroupPagePermission.objects.create(
        group=group, page=french_knowledge, permission=Permission.objects.get(codename="change_page")
    )
    user = UserFactory()
    user.groups.add(group)
    assert editable_locale_ids(user) == set()
    assert not may_edit_locale(user, locale("fr").pk)
    assert (
        GlossaryTerm.snippet_viewset.permission_policy.user_has_permission_for_instance(user, "change", term_in("fr"))
        is False
    )


def glossary_translation(locale, code):
    english = GlossaryTerm.objects.get(locale__language_code="en", abbreviation="DNS")
    source, _created = TranslationSource.get_or_create_from_instance(english)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale(code), defaults={"enabled": True}
    )
    if english.get_translation_or_none(locale(code)) is None:
        translation.save_target()
    return translation


def test_a_translator_cannot_stop_or_download_another_languages_translation(client, locale):
    """wagtail-localize checks only model rights for these: the guards add the language."""
    spanish, french = glossary_translation(locale, "es"), glossary_translation(locale, "fr")
    client.force_login(translator("fr"))
    stop = reverse("wagtail_localize:stop_translation", args=[spanish.id])
    assert client.post(stop, {"next": "/admin/"}).status_code in (302, 403)
    spanish.refresh_from_db()
    assert spanish.enabled
    assert client.get(reverse("wagtail_localize:download_pofile", args=[spanish.id])).status_code in (302, 403)
    own = client.get(reverse("wagtail_localize:download_pofile", args=[french.id]))
    assert own.status_code == 200 and own["Content-Type"].startswith("text/x-gettext-translation")


def test_converting_a_translation_to_an_alias_needs_the_right_to_publish(client, locale):
    french_about = about("fr")
    url = reverse("wagtail_localize:convert_to_alias", args=[french_about.pk])
    client.force_login(translator("fr"))
    assert client.post(url).status_code in (302, 403)
    french_about.refresh_from_db()
    assert french_about.alias_of_id is None
    client.force_login(UserFactory(is_superuser=True))
    assert client.get(url).status_code == 200  # the confirmation page, for someone who may publish


def test_the_editor_offers_convert_to_alias_only_to_those_who_may_publish(client):
    """In Wagtail's own page editor (the translation stopped, so wagtail-localize's editor is not shown)."""
    french_about = about("fr")
    Translation.objects.filter(
        source__object_id=french_about.translation_key, target_locale=french_about.locale_id
    ).update(enabled=False)
    edit = reverse("wagtailadmin_pages:edit", args=[french_about.pk])
    client.force_login(translator("fr"))
    assert "Convert to alias page" not in client.get(edit).content.decode()
    client.force_login(UserFactory(is_superuser=True))
    assert "Convert to alias page" in client.get(edit).content.decode()
