"""The index follows the site at once (publish, unpublish, delete, move) and a rebuild changes nothing."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from modelsearch.backends.database.postgres.postgres import IndexEntry

from knowledge.models import TopicPage
from tests.factories import ExplainerPageFactory
from website.search.models import SearchFacts
from website.search.service import find_matches

pytestmark = pytest.mark.django_db


def found(language, query):
    return {hit.object_id for hit in find_matches(query, language)}


def test_publish_unpublish_delete_and_move_update_the_index_at_once(locale):
    dns = TopicPage.objects.get(locale=locale("en"), topic="dns")
    routing = TopicPage.objects.get(locale=locale("en"), topic="routing")
    page = ExplainerPageFactory(parent=dns, title="Quokkabased resolution", summary="Quokkabased.")
    assert page.pk in found("en", "quokkabased")
    assert SearchFacts.objects.get(object_id=page.pk).topics == ["dns"]

    page.unpublish()
    assert page.pk not in found("en", "quokkabased")
    page.save_revision().publish()
    assert page.pk in found("en", "quokkabased")

    page.move(routing, pos="last-child")
    assert SearchFacts.objects.get(object_id=page.pk).topics == ["routing"]

    page_id = page.pk
    page.delete()
    assert page_id not in found("en", "quokkabased")
    assert not IndexEntry.objects.filter(object_id=str(page_id)).exists()
    assert not SearchFacts.objects.filter(object_id=page_id).exists()


def snapshot():
    """Index entries and facts, leaving out the tree's root, which Wagtail's migration made before any index existed."""
    root = "1"
    entries = sorted(
        (row[0], row[1], str(row[2]), str(row[3]), str(row[4]))
        for row in IndexEntry.objects.exclude(object_id=root).values_list(
            "content_type_id", "object_id", "title", "body", "autocomplete"
        )
    )
    facts = sorted(
        (model, object_id, kind, tuple(topics), date)
        for model, object_id, kind, topics, date in SearchFacts.objects.exclude(
            model="wagtailcore.page", object_id=int(root)
        ).values_list("model", "object_id", "kind", "topics", "date")
    )
    return entries, facts


def test_full_rebuild_equals_incremental_indexing():
    """seed_demo indexed each object once, in bulk, as it finished; a full rebuild gives the same index."""
    before = snapshot()
    call_command("update_index", verbosity=0, stdout=io.StringIO())
    after = snapshot()
    assert set(before[1]) ^ set(after[1]) == set()
    assert set(before[0]) ^ set(after[0]) == set()
    assert len(before[0]) > 500


def test_rebuilding_one_language_with_progress():
    before = snapshot()
    out = io.StringIO()
    call_command("rebuild_search_index", language="fr", stdout=out)
    assert "fr: wagtailcore.Page" in out.getvalue() or "fr: website.HomePage" in out.getvalue()
    assert "Search index of fr rebuilt." in out.getvalue()
    assert snapshot() == before


def test_rebuild_refuses_an_unknown_language():
    with pytest.raises(CommandError):
        call_command("rebuild_search_index", language="xx")
