"""The knowledge base in the Wagtail admin: listings, filters, block previews, editing."""

import datetime

import pytest
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.timezone import localtime
from wagtail.models import Locale

from knowledge.models import ExplainerPage, GlossaryTerm, Rfc, TopicPage
from tests.factories import ExplainerPageFactory, UserFactory, alias_in, publish
from tests.html import listing_rows, parse, text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    return client


def test_rfc_listing_filters_by_topic_and_year(admin_client):
    url = reverse("wagtailsnippets_knowledge_rfc:list")
    content = admin_client.get(url, {"topic": "dns", "year": 2005}).content.decode()
    assert "DNS Security Introduction and Requirements" in content
    assert "Resource Records for the DNS Security Extensions" in content
    assert "A Border Gateway Protocol 4" not in content
    assert "Domain names - concepts and facilities" not in content


def test_glossary_listing_filters_a_to_z(admin_client):
    url = reverse("wagtailsnippets_knowledge_glossaryterm:list")
    content = admin_client.get(url, {"letter": "Q", "locale": ""}).content.decode()
    assert "Quality of Service" in content
    assert "Peering" not in content


def test_working_group_listing_searches(admin_client):
    url = reverse("wagtailsnippets_knowledge_workinggroup:list")
    content = admin_client.get(url, {"q": "dnsop"}).content.decode()
    assert "Domain Name System Operations" in content


def test_explainer_listing_shows_level_and_review_date(admin_client):
    content = admin_client.get("/admin/explainers/", {"level": "advanced"}).content.decode()
    assert "Securing routing with RPKI" in content
    assert "How the Domain Name System works" not in content
    assert "Last reviewed" in content


@pytest.fixture
def untranslated():
    """A new English explainer, shown in English (an alias) in Chinese: every demo explainer is translated."""
    dns = TopicPage.objects.get(locale__language_code="en", topic="dns")
    explainer = publish(ExplainerPageFactory(parent=dns, title="Choosing a resolver", slug="choosing-a-resolver"))
    alias_in(explainer, "zh-hans")
    return explainer


def explainers(admin_client, **params):
    return listing_rows(admin_client.get("/admin/explainers/", params))


def ids(language, **filters):
    return set(ExplainerPage.objects.filter(locale__language_code=language, **filters).values_list("pk", flat=True))


def test_explainers_are_listed_in_english_unless_another_language_is_chosen(admin_client):
    rows = explainers(admin_client)
    assert {row["id"] for row in rows} == ids("en")
    assert {row["Language"] for row in rows} == {"English"}
    rows = explainers(admin_client, locale="fr")
    assert {row["id"] for row in rows} == ids("fr") and {row["Language"] for row in rows} == {"French"}
    every_language = explainers(admin_client, locale="", ordering="title")
    assert len({row["Language"] for row in every_language}) > 1


def test_the_language_filter_names_languages_and_starts_on_english(admin_client):
    form = parse(admin_client.get("/admin/explainers/").content)
    french = form.select_one('input[name="locale"][value="fr"]')
    assert text_of(french.find_parent("label")) == "French"
    assert form.select_one('input[name="locale"][value="en"]').has_attr("checked")
    assert not french.has_attr("checked")


def test_translations_are_filtered_by_state(admin_client, untranslated):
    aliases, real = ids("zh-hans", alias_of__isnull=False), ids("zh-hans", alias_of__isnull=True)
    assert aliases and real
    assert {row["id"] for row in explainers(admin_client, locale="zh-hans", translation="alias")} == aliases
    assert {row["id"] for row in explainers(admin_client, locale="zh-hans", translation="translated")} == real


def test_a_translation_whose_original_was_published_since_it_was_synced_is_outdated(admin_client):
    french = ExplainerPage.objects.filter(locale__language_code="fr", alias_of__isnull=True).first()
    outdated_before = {row["id"] for row in explainers(admin_client, locale="fr", translation="outdated")}
    assert french.pk not in outdated_before
    french.get_translation(Locale.get_default()).save_revision().publish()
    outdated = {row["id"] for row in explainers(admin_client, locale="fr", translation="outdated")}
    assert outdated == outdated_before | {french.pk}
    assert french.pk not in {row["id"] for row in explainers(admin_client, locale="fr", translation="translated")}


def test_originals_are_filtered_by_whether_every_language_has_a_translation(admin_client, untranslated):
    languages = 6
    complete = {
        page.pk
        for page in ExplainerPage.objects.filter(locale__language_code="en")
        if ExplainerPage.objects.filter(translation_key=page.translation_key, alias_of__isnull=True).count()
        == languages + 1
    }
    incomplete = ids("en") - complete
    assert complete and incomplete == {untranslated.pk}
    assert {row["id"] for row in explainers(admin_client, translation="complete")} == complete
    assert {row["id"] for row in explainers(admin_client, translation="incomplete")} == incomplete


@pytest.mark.parametrize("language", ["en", "fr"])
def test_explainers_are_filtered_by_their_topic(admin_client, language):
    dns = TopicPage.objects.get(locale__language_code=language, topic="dns")
    expected = set(ExplainerPage.objects.child_of(dns).values_list("pk", flat=True))
    assert expected and expected != ids(language)
    assert {row["id"] for row in explainers(admin_client, locale=language, topic="dns")} == expected


def test_explainer_listing_shows_dates_not_time_since(admin_client):
    row = explainers(admin_client)[0]
    page = ExplainerPage.objects.get(pk=row["id"])
    assert row["Last reviewed"] == date_format(page.last_reviewed, "DATE_FORMAT")
    assert row["Updated"] == date_format(localtime(page.latest_revision_created_at), "DATE_FORMAT")
    assert "ago" not in row["Updated"]


def test_explainer_edit_and_create_forms_render(admin_client):
    explainer = ExplainerPage.objects.filter(locale__language_code="en").first()
    assert admin_client.get(reverse("wagtailadmin_pages:edit", args=[explainer.pk])).status_code == 200
    topic = TopicPage.objects.filter(locale__language_code="en").first()
    add_url = reverse("wagtailadmin_pages:add", args=["knowledge", "explainerpage", topic.pk])
    assert admin_client.get(add_url).status_code == 200


def test_every_body_block_has_a_description_and_previews(admin_client):
    stream = ExplainerPage._meta.get_field("body").stream_block
    for name, block in stream.child_blocks.items():
        assert block.meta.description, f"{name} has no description for the block chooser"
        if name in {"image", "figure", "embed"}:
            continue  # previews of these need an uploaded image or a network fetch
        assert block.is_previewable, f"{name} has no preview"
        response = admin_client.get(reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix})
        assert response.status_code == 200, name
        assert "css/site.css" in response.content.decode()


def test_rfc_and_glossary_counts_match_the_data():
    assert Rfc.objects.filter(topic="dns").count() == 11
    assert GlossaryTerm.objects.filter(locale__language_code="en", abbreviation="DNS").exists()


@pytest.mark.parametrize("query", ["1034", "RFC 1034", "rfc1034", "domain names"])
def test_the_rfc_chooser_finds_by_number_and_by_title(admin_client, query):
    url = reverse("wagtailsnippetchoosers_knowledge_rfc:choose_results")
    response = admin_client.get(url, {"q": query})
    assert response.status_code == 200
    titles = [text_of(link) for link in parse(response.content).select("table a")]
    assert any(title.startswith("RFC 1034:") for title in titles), (query, titles[:5])


def test_a_missing_rfc_can_be_added_from_the_chooser(admin_client):
    chooser = admin_client.get(reverse("wagtailsnippetchoosers_knowledge_rfc:choose"))
    assert "Add an RFC" in chooser.json()["html"]
    response = admin_client.post(
        reverse("wagtailsnippetchoosers_knowledge_rfc:create"),
        {"number": 9999, "title": "A test protocol", "year": 2026, "status": "informational", "topic": ""},
    )
    assert response.status_code == 200 and response.json()["step"] == "chosen"
    assert Rfc.objects.filter(number=9999, title="A test protocol").exists()


def test_a_new_explainer_is_reviewed_today_unless_the_editor_says_otherwise(admin_client):
    topic = TopicPage.objects.filter(locale__language_code="en").first()
    form = admin_client.get(reverse("wagtailadmin_pages:add", args=["knowledge", "explainerpage", topic.pk]))
    field = parse(form.content).select_one('input[name="last_reviewed"]')
    assert field is not None and field.get("value") == datetime.date.today().isoformat()


@pytest.mark.parametrize("query", ["dnsop", "DNSOP", "operations", "Domain Name System Operations"])
def test_the_working_group_chooser_finds_by_acronym_and_by_name(admin_client, query):
    url = reverse("wagtailsnippetchoosers_knowledge_workinggroup:choose_results")
    response = admin_client.get(url, {"q": query})
    assert response.status_code == 200
    names = [text_of(link) for link in parse(response.content).select("table a")]
    assert any("dnsop" in name.casefold() or "domain name system operations" in name.casefold() for name in names), (
        query,
        names[:5],
    )
