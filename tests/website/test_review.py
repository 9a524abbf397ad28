"""The editorial loop through the admin's real URLs: a translator submits, a reviewer approves or asks for changes."""

import json
from urllib.parse import urlencode

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Locale, Page, TaskState, WorkflowState
from wagtail_localize.models import StringSegment, StringTranslation

from knowledge.models import GlossaryTerm
from tests.factories import UserFactory, untranslate_segment
from tests.html import parse
from website.review import translation_of

pytestmark = pytest.mark.django_db


def member(*group_names):
    user = UserFactory()
    user.groups.add(*Group.objects.filter(name__in=group_names))
    assert user.groups.count() == len(group_names)
    return user


def french_about():
    english = Page.objects.get(slug="about", locale__language_code="en", depth=3)
    return english.get_translation(Locale.objects.get(language_code="fr")).specific


def retranslate(client, instance, path, text):
    """What the translation editor does when a translator changes a segment: one API call."""
    translation = translation_of(instance)
    segment = StringSegment.objects.get(source=translation.source, context__path=path)
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.id, segment.id])
    return client.put(url, urlencode({"value": text}), content_type="application/x-www-form-urlencoded")


def submit(client, edit_url):
    return client.post(edit_url, {"action": "submit-for-review"}, follow=True)


def workflow_action(client, page, action, **data):
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    return client.post(url, data)


def test_a_french_translation_goes_live_only_when_a_french_reviewer_approves_it(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    translator = member("Translators (French)")
    reviewer = member("Reviewers (French)")
    page = french_about()
    live_title = page.title
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])

    client.force_login(translator)
    assert retranslate(client, page, "title", "Qui nous sommes").status_code in (200, 201)
    response = submit(client, edit_url)
    assert "was sent for review (French review)" in response.content.decode()

    page.refresh_from_db()
    assert page.title == live_title, "submitting must not change what readers see"
    state = page.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS and state.requested_by == translator
    assert state.current_task_state.task.name == "French review"
    assert [message.to for message in mailoutbox] == [[reviewer.email]]
    # Locked while in review: the translator's further changes are refused.
    assert retranslate(client, page, "title", "Autre chose").status_code in (302, 403)

    client.force_login(reviewer)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Qui nous sommes" in dashboard and "Awaiting your review" in dashboard
    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes once the change is saved
        assert workflow_action(client, page, "approve").status_code in (200, 302)

    page.refresh_from_db()
    assert page.title == "Qui nous sommes" and page.live and not page.has_unpublished_changes
    assert WorkflowState.objects.get(pk=state.pk).status == WorkflowState.STATUS_APPROVED
    assert any(translator.email in message.to and "approved" in message.subject for message in mailoutbox)
    client.logout()
    assert "Qui nous sommes" in client.get(page.url).content.decode()


def test_a_reviewer_asks_for_changes_and_the_translator_resubmits(client, mailoutbox):
    translator = member("Translators (French)")
    reviewer = member("Reviewers (French)")
    page = french_about()
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    client.force_login(translator)
    retranslate(client, page, "title", "À notre sujet")
    submit(client, edit_url)

    client.force_login(reviewer)
    workflow_action(client, page, "reject", comment="Plutôt « À propos de nous ».")
    state = WorkflowState.objects.get(pk=page.current_workflow_state.pk)
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert any(translator.email in message.to for message in mailoutbox[1:])

    client.force_login(translator)
    editor = client.get(edit_url).content.decode()
    assert "Plutôt « À propos de nous »." in editor and "Submit again for review" in editor
    assert retranslate(client, page, "title", "À propos de nous").status_code in (200, 201)
    submit(client, edit_url)
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert TaskState.objects.filter(workflow_state=state).count() == 2


def test_an_incomplete_translation_can_be_neither_submitted_nor_published(client):
    page = french_about()
    untranslate_segment(page, "title")
    live_title = page.title
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])

    client.force_login(member("Translators (French)"))
    response = submit(client, edit_url)
    assert "1 of " in response.content.decode() and "segments are not translated yet" in response.content.decode()
    assert page.current_workflow_state is None

    client.force_login(member("Moderators"))
    response = client.post(edit_url, {"action": "publish"}, follow=True)
    assert "segments are not translated yet" in response.content.decode()
    page.refresh_from_db()
    assert page.title == live_title


def test_the_translators_editor_offers_review_not_alias(client, settings):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None
    page = french_about()
    client.force_login(member("Translators (French)"))
    document = parse(client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content)
    props = json.loads(document.select_one(".js-translation-editor")["data-props"])
    assert props["links"]["convertToAliasUrl"] is None and not props["perms"]["canPublish"]
    button = document.select_one("footer button[name=action]")
    assert button["value"] == "submit-for-review" and "Submit for review" in button.text
    assert "DEEPL_API_KEY" in document.select_one("[data-translation-progress]").text

    client.force_login(member("Moderators"))
    document = parse(client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content)
    props = json.loads(document.select_one(".js-translation-editor")["data-props"])
    assert props["perms"]["canPublish"] and props["links"]["convertToAliasUrl"]
    assert document.select_one("footer button[value=submit-for-review]") is None


def test_a_french_glossary_term_is_reviewed_by_the_french_reviewers(client, django_capture_on_commit_callbacks):
    term = GlossaryTerm.objects.get(locale__language_code="fr", abbreviation="DNS")
    live_definition = term.definition
    translator = member("Translators (French)")
    client.force_login(translator)
    edit_url = reverse("wagtailsnippets_knowledge_glossaryterm:edit", args=[term.pk])
    assert retranslate(client, term, "definition", "L'annuaire de l'Internet.").status_code in (200, 201)
    # No publishing for a translator: wagtail-localize's publish action is refused.
    assert client.post(edit_url, {"action": "publish"}).status_code in (302, 403)
    term.refresh_from_db()
    assert term.definition == live_definition
    submit(client, edit_url)
    term.refresh_from_db()
    state = term.current_workflow_state
    assert state.current_task_state.task.name == "French review" and term.definition == live_definition

    client.force_login(member("Reviewers (French)"))
    url = reverse(
        "wagtailsnippets_knowledge_glossaryterm:workflow_action",
        args=[term.pk, "approve", state.current_task_state.pk],
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url).status_code in (200, 302)
    term.refresh_from_db()
    assert term.definition == "L'annuaire de l'Internet." and term.live


def test_an_editor_submits_english_pages_to_the_moderators_and_cannot_publish(client):
    page = Page.objects.get(slug="about", locale__language_code="en", depth=3).specific
    editor = member("Editors")
    client.force_login(editor)
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    form = {
        "title": "About the programme, edited",
        "slug": page.slug,
        "introduction": json.dumps({"blocks": [], "entityMap": {}}),
        "body-count": "0",
    }
    client.post(edit_url, {**form, "action-publish": "publish"})
    page.refresh_from_db()
    assert page.title != "About the programme, edited" and not page.permissions_for_user(editor).can_publish()
    client.post(edit_url, {**form, "action-submit": "submit"})
    page.refresh_from_db()
    assert page.title != "About the programme, edited"
    assert page.current_workflow_state.current_task_state.task.name == "Moderators approval"
    assert page.get_latest_revision_as_object().title == "About the programme, edited"
    assert page.get_workflow().name == "Editorial review"
    assert page.get_translation(french_about().locale).get_workflow().name == "Translation review (French)"


def test_the_translators_dashboard_lists_what_waits_for_them(client):
    page = french_about()
    untranslate_segment(page, "title")
    client.force_login(member("Translators (French)"))
    document = parse(client.get(reverse("wagtailadmin_home")).content)
    panel = document.select_one("#translation-work-section")
    assert panel is not None
    started = panel.find("h3", string=lambda text: text and text.startswith("Started, not finished"))
    links = [link["href"] for link in started.find_next("table").select("a")]
    assert reverse("wagtailadmin_pages:edit", args=[page.pk]) in links
    # Nothing of another language, and nothing for someone who translates no language.
    spanish = page.get_translation(Locale.objects.get(language_code="es"))
    assert reverse("wagtailadmin_pages:edit", args=[spanish.pk]) not in str(panel)
    client.force_login(member("Reviewers (French)"))
    assert parse(client.get(reverse("wagtailadmin_home")).content).select_one("#translation-work-section") is None


def test_the_editors_dashboard_lists_explainers_not_reviewed_for_a_year(client):
    from knowledge.models import ExplainerPage  # noqa: PLC0415 - this test alone needs it

    old = ExplainerPage.objects.filter(locale__language_code="en").order_by("pk").first()
    ExplainerPage.objects.filter(pk=old.pk).update(last_reviewed="2024-01-15")
    client.force_login(member("Editors"))
    panel = parse(client.get(reverse("wagtailadmin_home")).content).select_one("#explainers-due-for-review-section")
    assert reverse("wagtailadmin_pages:edit", args=[old.pk]) in [link["href"] for link in panel.select("a")]
    client.force_login(member("Translators (French)"))
    assert (
        parse(client.get(reverse("wagtailadmin_home")).content).select_one("#explainers-due-for-review-section") is None
    )


@pytest.mark.parametrize(("code", "label"), [("fr", "Publier : "), ("ru", "Опубликовать: "), ("pt", "Publicar: ")])
def test_the_translation_editor_says_publish_in_words_that_read_right(client, code, label):
    from wagtail.users.models import UserProfile  # noqa: PLC0415 - this test alone needs it

    user = member("Moderators")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = code
    profile.save()
    client.force_login(user)
    catalog = client.get(reverse("wagtail_localize:javascript_catalog")).content.decode()
    assert f'"Publish in ": {json.dumps(label)}' in catalog or f'"Publish in ": "{label}"' in catalog


def test_an_untranslated_page_stays_english_and_marked_until_its_translation_is_approved(
    client, django_capture_on_commit_callbacks
):
    chinese = Locale.objects.get(language_code="zh-hans")
    alias = Page.objects.filter(locale=chinese, alias_of__isnull=False, depth__gte=3).order_by("path").first()
    english = alias.alias_of.specific
    client.force_login(member("Editors"))
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[english.pk]), {"locales": [chinese.pk]}
    )
    assert response.status_code == 302
    alias.refresh_from_db()
    assert alias.alias_of_id == english.pk and alias.live, "readers keep the English page, marked as such"
    assert translation_of(alias) is not None

    client.force_login(member("Translators (Simplified Chinese)"))
    edit_url = reverse("wagtailadmin_pages:edit", args=[alias.pk])
    assert parse(client.get(edit_url).content).select_one(".js-translation-editor") is not None
    machine = reverse("wagtail_localize:machine_translate", args=[translation_of(alias).pk])
    assert client.post(machine).status_code in (200, 302)
    submit(client, edit_url)
    alias.refresh_from_db()
    assert alias.alias_of_id == english.pk and alias.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS

    client.force_login(member("Reviewers (Simplified Chinese)"))
    with django_capture_on_commit_callbacks(execute=True):
        workflow_action(client, alias, "approve")
    alias.refresh_from_db()
    assert alias.alias_of_id is None and alias.live and alias.title != english.title


def test_a_translator_starts_translating_a_page_from_their_dashboard(client):
    chinese = Locale.objects.get(language_code="zh-hans")
    translator = member("Translators (Simplified Chinese)")
    client.force_login(translator)
    panel = parse(client.get(reverse("wagtailadmin_home")).content).select_one("#translation-work-section")
    form = panel.select_one("form[action]")
    assert "Start translating" in form.text
    alias = Page.objects.get(pk=int(form["action"].rstrip("/").split("/")[-1]))
    assert alias.locale == chinese and alias.alias_of_id

    client.force_login(member("Translators (French)"))
    assert client.post(form["action"]).status_code in (302, 403)
    assert translation_of(alias) is None, "another language's translator may not start it"

    client.force_login(translator)
    response = client.post(form["action"])
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_pages:edit", args=[alias.pk])
    alias.refresh_from_db()
    assert alias.alias_of_id and translation_of(alias) is not None, "readers keep the English page until approval"
    assert parse(client.get(response["Location"]).content).select_one(".js-translation-editor") is not None


def test_the_translation_editor_gives_dates_in_the_admins_language(client):
    import re  # noqa: PLC0415

    from django.utils import translation  # noqa: PLC0415
    from django.utils.formats import date_format  # noqa: PLC0415
    from wagtail.users.models import UserProfile  # noqa: PLC0415

    user = member("Moderators")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "fr"
    profile.save()
    client.force_login(user)
    page = french_about()
    document = parse(client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content)
    props = json.loads(document.select_one(".js-translation-editor")["data-props"])
    comments = [item["comment"] for item in props["initialStringTranslations"]]
    english_month = re.compile(r"January|February|March|April|May|June|July|August|September|October|November|December")
    assert comments and not any(english_month.search(comment) for comment in comments)
    updated = StringTranslation.objects.filter(locale=page.locale).order_by("-updated_at").first().updated_at
    with translation.override("fr"):
        assert any(date_format(updated.date(), "DATE_FORMAT") in comment for comment in comments), comments[:2]
