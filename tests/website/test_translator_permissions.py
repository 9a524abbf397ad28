"""Translators of one language change that language's pages and glossary terms, and nothing else."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from knowledge.models import GlossaryTerm
from tests.factories import UserFactory

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
