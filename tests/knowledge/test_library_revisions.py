"""RFCs and working groups keep revisions: an editor's change is a draft until a moderator publishes it, and
any version can be compared with another and restored."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from knowledge.models import Rfc
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def member_of(name):
    user = UserFactory()
    user.groups.add(Group.objects.get(name=name))
    return user


def form_data(rfc, **changes):
    data = {"number": rfc.number, "year": rfc.year, "title": rfc.title, "status": rfc.status, "topic": rfc.topic}
    return {**data, **changes}


def test_an_editors_change_to_an_rfc_waits_for_a_moderator_and_can_be_restored(client):
    rfc = Rfc.objects.get(number=1034)
    original_title = rfc.title
    edit = reverse("wagtailsnippets_knowledge_rfc:edit", args=[rfc.pk])

    client.force_login(member_of("Editors"))
    client.post(edit, form_data(rfc, title="Domain names, concepts"))
    rfc.refresh_from_db()
    assert rfc.title == original_title and rfc.has_unpublished_changes  # readers still see the published row
    assert client.post(edit, {**form_data(rfc), "action-publish": "1"}).status_code in (302, 200)
    rfc.refresh_from_db()
    assert rfc.title == original_title

    client.force_login(member_of("Moderators"))
    revised = "Domain names: concepts and facilities (revised)"
    client.post(edit, {**form_data(rfc, title=revised), "action-publish": "1"})
    rfc.refresh_from_db()
    assert rfc.title == revised and not rfc.has_unpublished_changes
    first, latest = rfc.revisions.order_by("created_at")[0], rfc.latest_revision
    compare = reverse("wagtailsnippets_knowledge_rfc:revisions_compare", args=[rfc.pk, first.pk, latest.pk])
    assert "(revised)" in client.get(compare).content.decode()
    revert = reverse("wagtailsnippets_knowledge_rfc:revisions_revert", args=[rfc.pk, first.pk])
    assert client.get(revert).status_code == 200  # the editor, filled with the earlier version
    client.post(revert, {**form_data(rfc, title=first.as_object().title), "action-publish": "1"})
    rfc.refresh_from_db()
    assert rfc.title == "Domain names, concepts"


def test_an_unpublished_working_group_stays_off_the_explainers(client):
    from knowledge.models import ExplainerPage  # noqa: PLC0415

    explainer = ExplainerPage.objects.live().filter(working_group_links__isnull=False).first()
    group = explainer.working_group_links.first().working_group
    assert f'href="{group.url}"' in client.get(explainer.url).content.decode()
    group.unpublish()  # as a moderator does in the admin
    assert f'href="{group.url}"' not in client.get(explainer.url).content.decode()
