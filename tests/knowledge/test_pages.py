"""Knowledge base pages: where they may go, that they render, what they show, and what they cost."""

import re

import pytest
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.actions.convert_alias import ConvertAliasPageAction

from knowledge.models import (
    ExplainerPage,
    ExplainerRelated,
    ExplainerRfc,
    ExplainerWorkingGroup,
    GlossaryPage,
    GlossaryTerm,
    Rfc,
    TopicIndexPage,
    TopicPage,
    WorkingGroup,
)
from tests.factories import ExplainerPageFactory, GlossaryTermFactory, alias_in, publish
from tests.html import parse, text_of
from website.models import HomePage, StandardPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def knowledge(home):
    return TopicIndexPage.objects.child_of(home).get()


@pytest.fixture
def dns_topic(knowledge):
    return TopicPage.objects.child_of(knowledge).get(topic="dns")


def test_page_type_rules(home, knowledge, dns_topic):
    explainer = ExplainerPage.objects.child_of(dns_topic).first()
    assert ExplainerPage.can_create_at(dns_topic)
    for parent in (home, knowledge, explainer, StandardPage.objects.child_of(home).first()):
        assert not ExplainerPage.can_create_at(parent)
    assert TopicPage.can_create_at(knowledge) and not TopicPage.can_create_at(home)
    assert not TopicIndexPage.can_create_at(home), "only one knowledge base per home page"
    assert not GlossaryPage.can_create_at(knowledge), "only one glossary"
    assert TopicIndexPage.allowed_parent_page_models() == [HomePage]


@pytest.mark.parametrize("model", [TopicIndexPage, TopicPage, ExplainerPage, GlossaryPage])
def test_every_page_type_renders(client, model):
    for page in model.objects.filter(locale__language_code="en").live()[:3]:
        response = client.get(page.url)
        assert response.status_code == 200
        assert f"<h1>{page.title}</h1>".replace("'", "&#x27;") in response.content.decode()


def test_demo_content_is_complete():
    explainers = ExplainerPage.objects.filter(locale__language_code="en")
    assert explainers.count() >= 18
    for topic in TopicPage.objects.filter(locale__language_code="en"):
        assert ExplainerPage.objects.child_of(topic).count() >= 3, topic
    for explainer in explainers:
        words = len(re.findall(r"\w+", explainer.plain_text))
        assert 600 <= words <= 1600, (explainer.slug, words)
        assert explainer.rfc_links.count() >= 2, explainer.slug
    assert GlossaryTerm.objects.filter(locale__language_code="en").count() >= 60
    assert Rfc.objects.count() == 50
    assert WorkingGroup.objects.count() == 37


def test_topic_page_lists_explainers_by_level(client, dns_topic):
    content = client.get(dns_topic.url).content.decode()
    headings = [text_of(heading) for heading in parse(content).select('section.level > h2[id^="level-"]')]
    assert headings == ["Introductory", "Intermediate"]
    for explainer in ExplainerPage.objects.child_of(dns_topic):
        assert explainer.url in content


def test_explainer_shows_summary_contents_glossary_references_related(client, dns_topic):
    page = ExplainerPage.objects.child_of(dns_topic).get(slug="what-dnssec-does")
    content = client.get(page.url).content.decode()
    order = [
        content.index(marker)
        for marker in (
            'id="in-brief"',
            'id="toc-heading"',
            'id="why-it-matters"',
            'id="references"',
            'id="related"',
        )
    ]
    assert order == sorted(order)
    for entry in page.table_of_contents:
        assert f'<a href="#{entry["anchor"]}">' in content
        assert f'id="{entry["anchor"]}"' in content
    assert 'class="gloss__term"' in content
    assert 'RFC 4033</a>: <span lang="en">DNS Security Introduction and Requirements</span> (2005' in content
    assert 'href="https://datatracker.ietf.org/wg/dnsop/about/">DNSOP</a>' in content
    for related in page.related_in_own_language():
        assert related.url in content


def test_glossary_help_can_be_switched_off(client, dns_topic):
    page = ExplainerPage.objects.child_of(dns_topic).get(slug="what-dnssec-does")
    page.glossary_help = False
    page.save_revision().publish()
    assert 'class="gloss__term"' not in client.get(page.url).content.decode()


def test_glossary_help_uses_the_pages_language(client, dns_topic, locale):
    page = ExplainerPageFactory(
        parent=dns_topic,
        slug="glossary-language",
        body=[{"type": "paragraph", "value": "<p>Le résolveur et le resolver.</p>"}],
    )
    french = page.copy_for_translation(locale("fr"), copy_parents=True)
    french.body = [{"type": "paragraph", "value": "<p>Le résolveur et le resolver.</p>"}]
    french.save_revision().publish()
    GlossaryTermFactory(term="résolveur", definition="Définition en français.", locale=locale("fr"))
    GlossaryTermFactory(term="resolver", definition="English definition.", locale=locale("en"))
    cache.clear()
    french_content = client.get(french.url).content.decode()
    english_content = client.get(page.url).content.decode()
    assert ">résolveur</button>" in french_content and ">resolver</button>" not in french_content
    assert ">resolver</button>" in english_content and ">résolveur</button>" not in english_content


def test_reading_time_follows_the_text_and_language(dns_topic, locale):
    words = " ".join(["word"] * 1100)
    page = ExplainerPageFactory(parent=dns_topic, slug="reading-time", summary=words, why_it_matters="<p>x</p>")
    assert page.reading_minutes == round((1100 + len(page.plain_text.split()) - 1100) / 220)
    chinese = ExplainerPageFactory(parent=dns_topic, slug="reading-time-zh", summary="域名" * 900)
    chinese.locale = locale("zh-hans")
    assert chinese.reading_minutes == round((1800 + len(re.findall(r"\w+", chinese.plain_text)) - 1) / 300)


def build_explainer(parent, slug, related_count):
    rfcs = list(Rfc.objects.all()[:related_count])
    groups = list(WorkingGroup.objects.all()[:related_count])
    others = list(ExplainerPage.objects.filter(locale__language_code="en").exclude(slug=slug)[:related_count])
    return ExplainerPageFactory(
        parent=parent,
        slug=slug,
        rfc_links=[ExplainerRfc(rfc=rfc) for rfc in rfcs],
        working_group_links=[ExplainerWorkingGroup(working_group=group) for group in groups],
        related_links=[ExplainerRelated(explainer=other) for other in others],
        body=[{"type": "rfc_reference", "value": {"rfc": rfc.pk, "note": "<p>n</p>"}} for rfc in rfcs]
        + [{"type": "heading", "value": {"text": f"Part {n}", "level": "h2"}} for n in range(related_count)],
    )


def count_queries(client, url, warm):
    """Queries of one request; ``warm``: after a first request filled the site's caches
    (Wagtail's site root paths, the glossary of the language, the locale table)."""
    cache.clear()
    if warm:
        client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_explainer_queries_are_few_and_do_not_grow_with_related_items(client, dns_topic):
    small = build_explainer(dns_topic, "few-links", 1)
    large = build_explainer(dns_topic, "many-links", 12)
    assert count_queries(client, small.url, warm=True) <= 15
    assert count_queries(client, large.url, warm=True) == count_queries(client, small.url, warm=True)
    assert count_queries(client, large.url, warm=False) == count_queries(client, small.url, warm=False)


def test_translations_keep_the_facts_of_their_source():
    for page in ExplainerPage.objects.exclude(locale__language_code="en").filter(alias_of__isnull=True):
        source = ExplainerPage.objects.get(translation_key=page.translation_key, locale__language_code="en")
        assert (page.level, page.last_reviewed) == (source.level, source.last_reviewed)
        assert [link.rfc_id for link in page.rfc_links.all()] == [link.rfc_id for link in source.rfc_links.all()]


def test_every_explainer_is_translated_into_every_language():
    """The whole knowledge base in all seven languages: each English explainer has a translation of its own (not
    an alias showing the English) in every other language, published."""
    languages = {code for code, _name in settings.LANGUAGES} - {"en"}
    for source in ExplainerPage.objects.filter(locale__language_code="en"):
        translations = ExplainerPage.objects.filter(translation_key=source.translation_key).exclude(pk=source.pk)
        real = {page.locale.language_code for page in translations if page.alias_of_id is None and page.live}
        assert real == languages, f"{source.slug}: missing in {sorted(languages - real)}"


@pytest.mark.parametrize("code", ["zh-hans", "ru", "pt"])
def test_an_untranslated_explainer_is_reachable_in_english_with_a_notice(client, code, dns_topic):
    # Every demo explainer is translated; a new one is shown in English, labelled, until it is translated too.
    explainer = publish(ExplainerPageFactory(parent=dns_topic, title="Choosing a resolver", slug="choosing-a-resolver"))
    alias = alias_in(explainer, code)
    content = client.get(alias.url).content.decode()
    assert f'<html lang="{code}"' in content
    with translation.override(code):
        notice = translation.gettext(
            "This explainer is not yet available in %(language)s. Here it is in the original %(original)s."
        ) % {"language": dict(settings.LANGUAGES)[code], "original": "English"}
    assert f'<p class="notice" role="note">{notice}</p>' in content
    assert '<div lang="en" dir="ltr">' in content
    english_part = content.split('<div lang="en" dir="ltr">', 1)[1]
    assert '<h2 id="in-brief">In brief</h2>' in english_part, "the passage's own labels are in English too"
    assert f'hreflang="{code}"' not in content, "an alias is not offered as a translation"


def test_glossary_page_lists_terms_a_to_z_with_anchors(client, knowledge):
    glossary = GlossaryPage.objects.child_of(knowledge).get()
    content = client.get(glossary.url).content.decode()
    letters = [heading["id"].removeprefix("letter-") for heading in parse(content).select('h2[id^="letter-"]')]
    assert letters and letters == sorted(letters)
    assert '<dt id="dns"><dfn>Domain Name System</dfn> (<abbr>DNS</abbr>)</dt>' in content
    assert content.count("<dt ") == GlossaryTerm.objects.filter(locale__language_code="en").count()


def test_glossary_popover_links_to_the_term_on_the_glossary_page(client, dns_topic, knowledge):
    glossary = GlossaryPage.objects.child_of(knowledge).get()
    explainer = ExplainerPage.objects.child_of(dns_topic).get(slug="how-dns-works")
    content = client.get(explainer.url).content.decode()
    targets = [link["href"].partition("#") for link in parse(content).select("a.gloss__more[href]")]
    anchors = [fragment for url, _hash, fragment in targets if url == glossary.url and fragment]
    assert anchors
    glossary_content = client.get(glossary.url).content.decode()
    for anchor in anchors:
        assert f'<dt id="{anchor}">' in glossary_content


def test_glossary_in_another_language_never_misses_a_term(client, knowledge, locale):
    english = GlossaryPage.objects.child_of(knowledge).get()
    french_page = english.get_translation(locale("fr"))
    total = GlossaryTerm.objects.filter(locale__language_code="en").count()
    dns = GlossaryTerm.objects.get(locale__language_code="en", abbreviation="DNS")
    # As if the DNS term had not been translated into French yet.
    GlossaryTerm.objects.filter(translation_key=dns.translation_key, locale=locale("fr")).delete()
    translated = GlossaryTerm.objects.filter(locale=locale("fr")).count()
    content = client.get(french_page.url).content.decode()
    assert content.count("<dt ") == total
    assert content.count('lang="en"><dfn>') == total - translated, "untranslated terms are marked as English"

    if french_page.alias_of_id:
        ConvertAliasPageAction(french_page).execute(skip_permission_checks=True)
    french_dns = dns.copy_for_translation(locale("fr"))
    french_dns.term = "Système des noms de domaine"
    french_dns.save()
    content = client.get(french_page.url).content.decode()
    assert content.count("<dt ") == total
    assert '<dt id="dns"><dfn>Système des noms de domaine</dfn>' in content
    assert content.count('lang="en"><dfn>') == total - translated - 1


def test_a_new_explainer_can_be_previewed_before_it_is_saved(rf, home):
    topic = ExplainerPage.objects.live().filter(locale__language_code="en").first().get_parent().specific
    explainer = ExplainerPage(title="Anycast", summary="One address, many servers.", locale=topic.locale)
    explainer.set_url_path(topic)
    request = rf.get("/")
    request.user = AnonymousUser()
    assert explainer.related_in_own_language() == []
    assert explainer.serve_preview(request, "").status_code == 200
