"""Whole-page caching (website.page_cache): a copy is served with no query, and dropped exactly when something it
shows changes: publishing, unpublishing, moving or deleting the page, a child it lists, a page it links to, a
glossary term it marks, an RFC it cites, the navigation or footer, a translation or an alias of it. Nothing else
is dropped, and nothing is cached for an editor, a preview, a private page or a request with a session.

Each case warms the pages it looks at, makes the change as the admin makes it (revisions published, on commit),
then asks again: ``X-Page-Cache: miss`` means the copy was dropped, ``hit`` that it was kept.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from knowledge.models import ExplainerPage, GlossaryTerm, Rfc, TopicPage
from programme.models import MeetingReportIndexPage, MeetingReportPage
from tests.factories import ExplainerPageFactory, alias_in, publish
from website.models import FooterText, StandardPage
from website.page_cache import store
from website.page_cache.middleware import STATUS_HEADER

pytestmark = pytest.mark.django_db


def status(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200, (url, response.status_code)
    return response.headers.get(STATUS_HEADER)


def warm(client, *urls):
    for url in urls:
        assert status(client, url) in {"miss", "hit"}
        assert status(client, url) == "hit", url


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a change's on-commit work (the cache is told once the change is committed, as in production)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def en(model, **filters):
    return model.objects.live().filter(locale__language_code="en", **filters).order_by("path")


@pytest.fixture
def explainers():
    """Two English explainers under different topics, neither linking to the other."""
    first = en(ExplainerPage).first()
    other_topic = en(TopicPage).exclude(path=first.path[: -Page.steplen]).first()
    second = en(ExplainerPage).child_of(other_topic).exclude(related_links__explainer=first).first()
    return first, second


def test_a_kept_page_is_served_without_a_query_and_with_cache_headers(client, explainers):
    url = explainers[0].url
    first = client.get(url)
    assert first.headers[STATUS_HEADER] == "miss"
    with CaptureQueriesContext(connection) as queries:
        second = client.get(url)
    assert second.headers[STATUS_HEADER] == "hit"
    assert len(queries) == 0
    assert second.content == first.content
    cache_control = second.headers["Cache-Control"]
    assert "public" in cache_control and "max-age=60" in cache_control and "stale-while-revalidate" in cache_control
    assert second.headers["ETag"] == first.headers["ETag"]
    assert second.headers["Content-Security-Policy"] == first.headers["Content-Security-Policy"]


def test_publishing_drops_the_page_and_nothing_unrelated(client, committed, explainers):
    page, unrelated = explainers
    warm(client, page.url, unrelated.url)
    page.summary = "A new summary for readers."
    with committed():
        publish(page)
    response = client.get(page.url)
    assert response.headers[STATUS_HEADER] == "miss"
    assert "A new summary for readers." in response.content.decode()
    assert status(client, unrelated.url) == "hit"


def test_a_draft_changes_nothing_readers_see(client, committed, explainers):
    page = explainers[0]
    warm(client, page.url)
    page.summary = "Only a draft."
    with committed():
        page.save_revision()
    assert status(client, page.url) == "hit"


def test_a_new_title_drops_the_list_and_the_pages_below(client, committed, explainers):
    page = explainers[0]
    topic = page.get_parent().specific
    index = topic.get_parent()
    sibling_topic = en(TopicPage).exclude(pk=topic.pk).first()
    warm(client, page.url, topic.url, index.url, sibling_topic.url)
    topic.title = "Names on the Internet, renamed"
    with committed():
        publish(topic)
    assert status(client, topic.url) == "miss"
    assert status(client, index.url) == "miss"  # lists the topics
    assert status(client, page.url) == "miss"  # its breadcrumb names the topic
    assert status(client, sibling_topic.url) == "hit"


def test_a_child_published_drops_its_parent_list_only(client, committed, explainers):
    page, unrelated = explainers
    topic = page.get_parent()
    other_topic = unrelated.get_parent()
    warm(client, topic.url, other_topic.url)
    child = ExplainerPageFactory.build(title="A new explainer", slug="a-new-explainer")
    with committed():
        topic.add_child(instance=child)
        publish(child)
    assert status(client, topic.url) == "miss"
    assert "A new explainer" in client.get(topic.url).content.decode()
    assert status(client, other_topic.url) == "hit"


def test_unpublishing_and_deleting_drop_the_page_and_its_list(client, committed, explainers):
    page, unrelated = explainers
    topic = page.get_parent()
    warm(client, page.url, topic.url, unrelated.url)
    with committed():
        page.unpublish()
    assert client.get(page.url).status_code == 404
    assert page.title not in client.get(topic.url).content.decode()
    other = en(ExplainerPage).child_of(topic).exclude(pk=page.pk).first()
    warm(client, topic.url, other.url)
    with committed():
        other.delete()
    assert status(client, topic.url) == "miss"
    assert status(client, unrelated.url) == "hit"


def test_moving_drops_both_lists_and_the_page(client, committed, explainers):
    page, unrelated = explainers
    old_topic, new_topic = page.get_parent(), unrelated.get_parent()
    old_url = page.url
    warm(client, old_topic.url, new_topic.url, old_url, unrelated.url)
    with committed():
        page.move(new_topic, pos="last-child")
    page.refresh_from_db()
    assert status(client, old_topic.url) == "miss"
    assert status(client, new_topic.url) == "miss"
    assert client.get(old_url).status_code == 301  # Wagtail's automatic redirect to where it is now
    assert status(client, page.url) == "miss"
    assert status(client, unrelated.url) == "hit"


def test_a_page_it_links_to_by_title(client, committed):
    linking = en(ExplainerPage, related_links__isnull=False).first()
    linked = linking.related_links.first().explainer
    bystander = en(ExplainerPage).exclude(pk__in=[linking.pk, linked.pk]).exclude(related_links__explainer=linked)
    bystander = bystander.first()
    warm(client, linking.url, bystander.url)
    linked.title = "A title the linking page must show"
    with committed():
        publish(linked)
    response = client.get(linking.url)
    assert response.headers[STATUS_HEADER] == "miss"
    assert "A title the linking page must show" in response.content.decode()
    assert status(client, bystander.url) == "hit"


def test_a_glossary_term_drops_the_explainers_of_its_language_only(client, committed, explainers):
    term = GlossaryTerm.objects.filter(locale__language_code="en", live=True).first()
    french = ExplainerPage.objects.live().filter(locale__language_code="fr", alias_of__isnull=True).first()
    report = en(MeetingReportPage).first()
    warm(client, explainers[0].url, french.url, report.url)
    term.definition = "A definition changed by the glossary's editor."
    with committed():
        term.save_revision().publish()
    assert status(client, explainers[0].url) == "miss"
    assert status(client, french.url) == "hit"
    assert status(client, report.url) == "hit"


def test_an_rfc_it_cites(client, committed):
    citing = en(ExplainerPage, rfc_links__isnull=False).first()
    rfc = citing.rfc_links.first().rfc
    not_citing = en(ExplainerPage).exclude(rfc_links__rfc=rfc).first()
    warm(client, citing.url, not_citing.url)
    rfc.title = "A retitled RFC"
    with committed():
        rfc.save_revision().publish()
    response = client.get(citing.url)
    assert response.headers[STATUS_HEADER] == "miss"
    assert "A retitled RFC" in response.content.decode()
    assert status(client, not_citing.url) == "hit"
    # An unrelated RFC changes nothing.
    warm(client, citing.url)
    other = Rfc.objects.exclude(pk__in=citing.rfc_links.values("rfc")).first()
    with committed():
        other.save_revision().publish()
    assert status(client, citing.url) == "hit"


def test_the_footer_drops_every_page(client, committed, explainers):
    report = en(MeetingReportPage).first()
    warm(client, explainers[0].url, report.url)
    footer = FooterText.objects.filter(locale__language_code="en").first()
    with committed():
        footer.save_revision().publish()
    assert status(client, explainers[0].url) == "miss"
    assert status(client, report.url) == "miss"


def test_a_translation_published_drops_every_language_version(client, committed):
    page = en(StandardPage, slug="about").first()
    french = page.get_translation(page.locale.__class__.objects.get(language_code="fr"))
    unrelated = en(StandardPage).exclude(pk=page.pk).first()
    warm(client, page.url, french.url, unrelated.url)
    french.title = "À propos du programme"
    with committed():
        publish(french)
    assert status(client, french.url) == "miss"
    assert status(client, page.url) == "miss"  # its language switcher links to the French version
    assert status(client, unrelated.url) == "hit"


def test_an_alias_follows_its_original(client, committed, explainers):
    original = explainers[0]
    alias = alias_in(ExplainerPageFactory(parent=original.get_parent(), title="Only in English"), "fr")
    original = alias.alias_of.specific
    warm(client, alias.url)
    with committed():
        publish(original)
    assert status(client, alias.url) == "miss"


def test_no_copy_for_an_editor_or_a_session(client, admin_user, explainers):
    url = explainers[0].url
    warm(client, url)
    client.force_login(admin_user)
    response = client.get(url)
    assert response.headers.get(STATUS_HEADER) is None
    assert "private" in response.headers["Cache-Control"]
    assert b"wagtail-userbar" in response.content or response.status_code == 200
    client.logout()
    client.cookies["sessionid"] = "any"
    assert client.get(url).headers.get(STATUS_HEADER) is None


def test_no_copy_of_a_preview(client, admin_user, explainers):
    page = explainers[0]
    client.force_login(admin_user)
    preview = client.get(f"/admin/pages/{page.pk}/edit/preview/?mode=")
    assert preview.headers.get(STATUS_HEADER) is None
    client.logout()
    assert status(client, page.url) == "miss"


def test_no_copy_of_a_private_page(client, committed):
    page = en(StandardPage, slug="about").first()
    with committed():
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="x")
    response = client.get(page.url)
    assert response.headers.get(STATUS_HEADER) == "pass"
    assert client.get(page.url).headers.get(STATUS_HEADER) == "pass"


def test_a_copy_rendered_during_a_change_is_not_kept():
    epoch = store.current_epoch()
    store.renew({store.page_tag(1)})  # a change committed while the page was being rendered
    assert store.tokens_for({store.page_tag(1), store.SITE_TAG}, epoch) is None
    assert store.tokens_for({store.page_tag(1), store.SITE_TAG}, store.current_epoch()) is not None


def test_an_evicted_token_matches_no_copy():
    tokens = store.tokens_for({store.page_tag(7)}, store.current_epoch())
    assert store.is_current(tokens)
    store.backend().delete("pc:tag:page:7")
    assert not store.is_current(tokens)


class RecordingBackend:
    """A CDN that writes down what it was asked to purge."""

    purged: list = []

    def __init__(self, params):
        pass

    def invalidates_hostname(self, hostname):
        return True

    def purge(self, url):
        self.purged.append(url)

    def purge_batch(self, urls):
        self.purged.extend(urls)


def test_a_publish_purges_every_language_url_of_the_pages_it_changes(settings, committed):
    settings.WAGTAILFRONTENDCACHE = {"recording": {"BACKEND": f"{__name__}.RecordingBackend"}}
    RecordingBackend.purged = []
    index = en(MeetingReportIndexPage).first()
    report = en(MeetingReportPage).first()
    with committed():
        publish(report)
    purged = set(RecordingBackend.purged)
    for version in Page.objects.filter(translation_key=report.translation_key):
        assert version.specific.full_url in purged
    assert index.full_url in purged
    assert index.full_url + "feed/rss/" in purged and index.full_url + "feed/atom/" in purged
    assert en(ExplainerPage).first().full_url not in purged
