"""A restricted page stays restricted in every language: its aliases (the page shown in English elsewhere), its
translations, and translations below its aliases. The whole matrix of outputs is test_anonymous_access.py."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Locale, Page, PageViewRestriction

from knowledge.models import TopicIndexPage
from tests.factories import ExplainerPageFactory, TopicPageFactory, alias_in, publish, translate
from tests.html import parse, text_of

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


@pytest.fixture
def translated():
    """An English page with a French translation (the demo's), and that translation."""
    french = Locale.objects.get(language_code="fr")
    translation = Page.objects.filter(locale=french, alias_of__isnull=True, depth__gte=4).order_by("path").first()
    return translation.get_translation(Locale.objects.get(language_code="en")), translation


def restriction_of(page):
    restriction = PageViewRestriction.objects.filter(page=page).first()
    if restriction is None:
        return None
    return restriction.restriction_type, restriction.password, set(restriction.groups.values_list("name", flat=True))


def test_a_translation_follows_its_original_made_private_afterwards(client, translated):
    """Made private in the admin ("Privacy"), the English page's translations are private at once, not
    at the next synchronisation; changed or taken off, they follow (website.privacy)."""
    original, translation = translated
    restriction = PageViewRestriction.objects.create(
        page=original, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )
    assert restriction_of(translation) == ("password", "s3cret", set())
    assert 'name="password"' in client.get(translation.url).content.decode()

    restriction.restriction_type, restriction.password = PageViewRestriction.GROUPS, ""
    restriction.save()
    restriction.groups.set(Group.objects.filter(name="Editors"))
    assert restriction_of(translation) == ("groups", "", {"Editors"})
    assert client.get(translation.url).status_code == 302

    restriction.delete()
    assert restriction_of(translation) is None
    assert client.get(translation.url).status_code == 200


def test_the_translations_of_a_private_page_stay_private_when_it_is_deleted(translated):
    original, translation = translated
    PageViewRestriction.objects.create(page=original, restriction_type=PageViewRestriction.LOGIN)
    original.delete()
    assert restriction_of(translation) == ("login", "", set())


def test_a_translation_below_an_alias_of_a_private_page_is_private_everywhere(client):
    """A page translated into Chinese whose parent is not (an alias there): Wagtail asks for the
    password, resolving the alias to its original; listings, search and the API agree."""
    knowledge = TopicIndexPage.objects.get(locale__language_code="en")
    topic = publish(TopicPageFactory(parent=knowledge, title="Yelmark topic", slug="yelmark-topic"))
    explainer = publish(ExplainerPageFactory(parent=topic, title="Yelmark explainer", slug="yelmark-explainer"))
    topic_in_chinese = alias_in(topic, "zh-hans")
    explainer_in_chinese = translate(explainer, "zh-hans")
    assert explainer_in_chinese.get_parent().pk == topic_in_chinese.pk and not explainer_in_chinese.alias_of_id
    assert "Yelmark explainer" in client.get(topic_in_chinese.url).content.decode()  # listed while public
    knowledge_in_chinese = TopicIndexPage.objects.get(locale__language_code="zh-hans")
    assert "Yelmark topic" in client.get(knowledge_in_chinese.url).content.decode()
    assert found_in_chinese(client) == ["Yelmark explainer"]

    PageViewRestriction.objects.create(page=topic, restriction_type=PageViewRestriction.PASSWORD, password="s3cret")
    assert 'name="password"' in client.get(explainer_in_chinese.url).content.decode()
    assert client.get(f"/api/v2/pages/{explainer_in_chinese.pk}/", follow=True).status_code == 404
    assert not client.get("/api/v2/pages/?search=yelmark&locale=zh-hans").json()["items"]
    assert b"yelmark" not in client.get("/sitemap-zh-hans.xml").content
    assert found_in_chinese(client) == []
    assert "Yelmark" not in client.get(knowledge_in_chinese.url).content.decode()


def found_in_chinese(client):
    results = parse(client.get("/zh-hans/search/", {"q": "Yelmark"}).content).select("article.result h3")
    return [text_of(title) for title in results]
