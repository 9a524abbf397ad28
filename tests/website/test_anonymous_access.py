"""What an anonymous reader reaches: never a draft, a preview, a private page in any language, or the admin.

The world is built once for the module (factories; rolled back at the end): sections made private by
password, by login and by groups, each a topic with an explainer below it, a meeting report and an
IETF meeting, translated into French with wagtail-localize and shown in Chinese as aliases (English
pages not translated yet); a page never published; a live page with an unpublished draft; and a
public section built the same way. Each private or draft object carries its own word (in its title
and slug); every output is asked for each word and must show the public one's and none of the others',
so an output that shows nothing at all fails too.

The restrictions are set after the translations exist, as an editor does with "Privacy" on a page
already translated: Wagtail keeps a restriction on its page and applies it to the page's subtree, and
to aliases through their original (``Page.get_view_restrictions``); a translation is a page of its
own in its language's tree, made private too by ``website.privacy``.
"""

import json
from dataclasses import dataclass, field

import pytest
from django.contrib.auth.models import Group
from django.db import transaction
from django.urls import reverse
from wagtail import hooks
from wagtail.models import CollectionViewRestriction, PageViewRestriction
from wagtail_localize.models import Translation, TranslationSource

from knowledge.models import TopicIndexPage
from programme.models import MeetingReportIndexPage, ProgrammePage
from tests.factories import (
    CollectionFactory,
    DocumentFactory,
    ExplainerPageFactory,
    MeetingPageFactory,
    MeetingReportPageFactory,
    TopicPageFactory,
    alias_in,
    publish,
    translate,
)
from tests.html import parse
from website.bulk import indexes_updated_at_the_end

pytestmark = pytest.mark.django_db

PUBLIC = "public"
PRIVATE = {"password": PageViewRestriction.PASSWORD, "login": PageViewRestriction.LOGIN, "groups": "groups"}
WORDS = {
    PUBLIC: "zorblat",
    "password": "quindle",
    "login": "vextron",
    "groups": "plumbaz",
    "never published": "draftwyn",
    "draft revision": "revwyn",
}
ROLES = ("topic", "explainer", "report", "meeting")
LANGUAGES = ("en", "fr", "zh-hans")  # English, a translation, aliases of the English pages


@dataclass
class World:
    pages: dict = field(default_factory=dict)  # (kind, role, language) -> page
    documents: dict = field(default_factory=dict)
    parents: dict = field(default_factory=dict)  # (role, language) -> the listing page
    revision: object = None  # the draft revision of the live page
    translation: object = None  # a wagtail-localize translation (its editor has a preview)


def section(world, kind, body_html="<p>Body text.</p>"):
    """A topic with an explainer, a report and a meeting, in English, French and Chinese (aliases)."""
    word = WORDS[kind]
    made = {
        "topic": TopicPageFactory(parent=world.parents["topic", "en"], title=f"{word} topic", slug=f"{word}-topic"),
        "report": MeetingReportPageFactory(
            parent=world.parents["report", "en"], title=f"{word} report", slug=f"{word}-report"
        ),
        "meeting": MeetingPageFactory(
            parent=world.parents["meeting", "en"], city=word.title(), title=f"IETF {word}", slug=f"{word}-meeting"
        ),
    }
    made["explainer"] = ExplainerPageFactory(
        parent=made["topic"],
        title=f"{word} explainer",
        slug=f"{word}-explainer",
        body=[{"type": "paragraph", "value": body_html}],
    )
    for role in ROLES:
        world.pages[kind, role, "en"] = publish(made[role])
    for role in ("topic", "explainer", "report"):  # parents first
        world.pages[kind, role, "fr"] = translate(made[role], "fr")
    world.pages[kind, "meeting", "fr"] = alias_in(made["meeting"], "fr")
    for role in ROLES:
        world.pages[kind, role, "zh-hans"] = alias_in(made[role], "zh-hans")


def restrict(page, kind):
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PRIVATE[kind], password="s3cret" if kind == "password" else ""
    )
    if kind == "groups":
        restriction.groups.set([Group.objects.get_or_create(name="Programme board")[0]])


def build() -> World:
    world = World()
    for language in LANGUAGES:
        world.parents["topic", language] = TopicIndexPage.objects.get(locale__language_code=language)
        world.parents["report", language] = MeetingReportIndexPage.objects.get(locale__language_code=language)
        world.parents["meeting", language] = ProgrammePage.objects.get(locale__language_code=language)

    linked = DocumentFactory(title="Minutes linked from a private page")
    world.documents["linked from a private page"] = linked
    for kind, restriction_type in (("password", CollectionViewRestriction.PASSWORD), ("login", "login")):
        collection = CollectionFactory(name=f"Private ({kind})")
        CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=restriction_type, password="s3cret" if kind == "password" else ""
        )
        world.documents[f"in a private collection ({kind})"] = DocumentFactory(collection=collection)

    with indexes_updated_at_the_end():  # the search index as per-save updates leave it, built in less time
        section(world, PUBLIC)
        for kind in PRIVATE:
            link = f'<p><a linktype="document" id="{linked.pk}">Minutes</a></p>' if kind == "password" else ""
            section(world, kind, body_html=f"<p>Body text.</p>{link}")
    for kind in PRIVATE:
        for role in ("topic", "report", "meeting"):  # the explainer is private through its topic
            restrict(world.pages[kind, role, "en"], kind)

    never = TopicPageFactory(
        parent=world.parents["topic", "en"], title="draftwyn topic", slug="draftwyn-topic", live=False
    )
    never.save_revision()
    world.pages["never published", "topic", "en"] = never
    steady = publish(TopicPageFactory(parent=world.parents["topic", "en"], title="Steady topic", slug="steady-topic"))
    steady.title, steady.introduction = "revwyn topic", "<p>revwyn introduction, not approved yet.</p>"
    world.revision = steady.save_revision()
    world.pages["draft revision", "topic", "en"] = steady
    # A translation in the translation editor, whose preview shows its draft.
    source = TranslationSource.objects.get_for_instance(world.pages[PUBLIC, "topic", "en"])
    world.translation = Translation.objects.create(
        source=source, target_locale=world.pages[PUBLIC, "topic", "fr"].locale
    )
    return world


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """Built once; each test runs in a savepoint inside this transaction, which is rolled back at the end."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield build()
        transaction.set_rollback(True)


def login_url():
    return reverse("wagtailcore_login")


# --- Each page, each language: its URL, the API's detail by id and by path --------------------------------

PAGE_CASES = [
    (kind, role, language)
    for kind in PRIVATE
    for role in ROLES
    for language in LANGUAGES  # the page, its translation (or alias) and, for the explainer, a child
] + [("never published", "topic", "en"), ("draft revision", "topic", "en")]


@pytest.mark.parametrize(("kind", "role", "language"), PAGE_CASES, ids=["-".join(case) for case in PAGE_CASES])
def test_an_anonymous_reader_gets_no_private_or_draft_page(client, world, kind, role, language):
    page = world.pages[kind, role, language]
    path = page.get_url()
    response = client.get(path)
    if kind == "password":
        assert response.status_code == 200
        html = parse(response.content)
        assert html.select_one("form input[name=password]") is not None, path
        assert page.title not in html.get_text(), path
        # The password form shows nothing of the page, not the document it links to.
        assert world.documents["linked from a private page"].url not in response.content.decode()
    elif kind in PRIVATE:
        assert response.status_code == 302, path
        assert response["Location"].startswith(login_url() + "?next="), response["Location"]
    elif kind == "never published":
        assert response.status_code == 404
    else:  # the draft revision: readers get the published page, not the draft
        body = response.content.decode()
        assert response.status_code == 200 and "Steady topic" in body and "revwyn" not in body

    detail = client.get(f"/api/v2/pages/{page.pk}/", follow=True)
    # Wagtail's find/ routes html_path from the site's root page (the English home) and knows no language
    # prefix: given the path without it, it finds the English page of that path.
    found = client.get("/api/v2/pages/find/", {"html_path": path.removeprefix(f"/{language}")}, follow=True)
    if kind == "draft revision":
        assert detail.json()["title"] == "Steady topic" and "revwyn" not in detail.content.decode()
        assert found.json()["id"] == page.pk
    else:
        assert detail.status_code == 404, (path, detail.status_code)
        assert found.status_code == 404, (path, found.status_code)


# --- Every output that lists pages: the public section's word is there, no other -------------------------


def listed_html(selector):
    return lambda response: " ".join(str(element) for element in parse(response.content).select(selector))


def listed_json(key):
    return lambda response: json.dumps(response.json()[key])


def whole_body(response):
    return response.content.decode()


def api_children(role):
    return lambda world, language: f"/api/v2/pages/?child_of={world.parents[role, language].pk}&order=-id&limit=50"


def under(role, suffix=""):
    return lambda world, language: world.parents[role, language].get_url() + suffix


# One row per output: its name, its URL (a template with {word} and {language}, or a function of the world
# and the language), the languages asked, and the part of the answer that lists pages (a search page and the
# autocomplete repeat the query itself).
OUTPUTS = [
    ("search page", "/{language}/search/?q={word}", LANGUAGES, listed_html("article.result, .promoted")),
    ("autocomplete", "/{language}/search/autocomplete/?q={word}", ("en", "fr"), listed_json("results")),
    ("API search", "/api/v2/pages/?search={word}&locale={language}", ("en", "fr"), listed_json("items")),
    ("API listing of topics", api_children("topic"), LANGUAGES, listed_json("items")),
    ("API listing of reports", api_children("report"), LANGUAGES, listed_json("items")),
    ("API listing of meetings", api_children("meeting"), LANGUAGES, listed_json("items")),
    ("sitemap", lambda world, language: f"/sitemap-{language}.xml", ("en", "fr"), whole_body),
    ("knowledge base page", under("topic"), LANGUAGES, listed_html("main")),
    ("reports page", under("report"), LANGUAGES, listed_html("main")),
    ("programme page", under("meeting"), LANGUAGES, listed_html("main")),
    ("RSS feed", under("report", "feed/rss/"), ("en", "fr"), whole_body),
    ("Atom feed", under("report", "feed/atom/"), ("en", "fr"), whole_body),
    ("iCalendar", under("meeting", "calendar/"), LANGUAGES, whole_body),
]
OUTPUT_CASES = [(name, language) for name, _url, languages, _listed in OUTPUTS for language in languages]


@pytest.mark.parametrize(("output", "language"), OUTPUT_CASES, ids=["-".join(case) for case in OUTPUT_CASES])
def test_no_output_lists_a_private_or_draft_page(client, world, output, language):
    _name, url, _languages, listed = next(row for row in OUTPUTS if row[0] == output)
    once = None if isinstance(url, str) else client.get(url(world, language))  # one answer lists every page
    shown = {}
    for kind, word in WORDS.items():
        response = once or client.get(url.format(word=word, language=language))
        assert response.status_code == 200, (output, language, response.status_code)
        shown[kind] = word in listed(response).lower()
    # Chinese has no translation of the public section: its search page falls back to English; its
    # autocomplete, API search and sitemap leave aliases out, so they are asked in English and French only.
    assert shown == {kind: kind == PUBLIC for kind in WORDS}, shown


# --- Previews, documents, the admin ------------------------------------------------------------------------


def preview_urls(world):
    draft = world.pages["draft revision", "topic", "en"]
    never = world.pages["never published", "topic", "en"]
    parent = world.parents["topic", "en"]
    return [
        reverse("wagtailadmin_pages:view_draft", args=[draft.pk]),
        reverse("wagtailadmin_pages:view_draft", args=[never.pk]),
        reverse("wagtailadmin_pages:preview_on_edit", args=[draft.pk]),
        reverse("wagtailadmin_pages:preview_on_add", args=["knowledge", "topicpage", parent.pk]),
        reverse("wagtailadmin_pages:revisions_view", args=[draft.pk, world.revision.pk]),
        reverse("wagtail_localize:preview_translation", args=[world.translation.pk]),
    ]


def admin_urls(world):
    """The dashboard and every report in the admin's Reports menu (Wagtail's and the site's)."""
    reports = [hook().url for hook in hooks.get_hooks("register_reports_menu_item")]
    assert len(reports) >= 5, reports  # Wagtail's locked pages, workflows, tasks, history; the site's
    return [reverse("wagtailadmin_home"), *reports]


@pytest.mark.parametrize("urls", [preview_urls, admin_urls])
def test_previews_and_the_admin_send_an_anonymous_reader_to_log_in(client, world, urls):
    login = reverse("wagtailadmin_login")
    for url in urls(world):
        for response in (client.get(url), client.post(url)):
            assert response.status_code == 302, (url, response.status_code)
            assert response["Location"].startswith(f"{login}?next="), (url, response["Location"])
            assert "revwyn" not in response.content.decode()


def test_a_document_in_a_private_collection_is_not_served(client, world):
    by_login = world.documents["in a private collection (login)"]
    response = client.get(by_login.url)
    assert response.status_code == 302 and response["Location"].startswith(login_url() + "?next=")
    by_password = client.get(world.documents["in a private collection (password)"].url)
    assert by_password.status_code == 200
    assert parse(by_password.content).select_one("form input[name=password]") is not None
    assert b"Minutes of a test meeting." not in by_password.content


def test_a_document_linked_from_a_private_page_is_not_disclosed_by_the_page(client, world):
    """Wagtail makes a document private by its collection only: a document in a public collection is
    served to anyone who has its URL, even when the one page linking to it is private (its link is not
    checked). What the site controls is that the private page does not give the URL away: its password
    form (asserted above for every private page), its search snippet and the API do not show it.
    Editors put documents meant for a private page in a private collection."""
    document = world.documents["linked from a private page"]
    for path in ("/en/search/?q=minutes", "/api/v2/pages/?search=minutes", "/en/search/?q=quindle"):
        assert document.url not in client.get(path).content.decode(), path
