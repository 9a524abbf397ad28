"""What the translation editor shows about review: progress, the workflow's state, the action to take."""

import json
from dataclasses import dataclass

from django import template
from wagtail.models import WorkflowState
from wagtail_localize.machine_translators import get_machine_translator

from website.compat.wagtail_localize import localized_dates
from website.review import Progress, progress_of

register = template.Library()


@dataclass
class Review:
    props: str
    can_publish: bool
    progress: Progress
    state: WorkflowState | None
    task_name: str
    machine_translation: bool

    @property
    def waiting(self) -> bool:
        return self.state is not None and self.state.status == WorkflowState.STATUS_IN_PROGRESS

    @property
    def changes_requested(self) -> bool:
        return self.state is not None and self.state.status == WorkflowState.STATUS_NEEDS_CHANGES

    @property
    def comment(self) -> str:
        task_state = self.state.current_task_state if self.state else None
        return task_state.get_comment() if task_state else ""


@register.simple_tag
def translation_review(translation, instance, props):
    """The editor's props without "Convert to alias page" for someone who may not publish, with dates in the
    admin's language, and the review state.

    Converting a translation to an alias deletes it and shows readers the English page: a publishing
    decision (``website.compat.wagtail_localize.publish_guard`` refuses it to others).
    """
    data = json.loads(props)
    data["object"]["lastPublishedDate"] = localized_dates(data["object"]["lastPublishedDate"])
    for string_translation in data["initialStringTranslations"]:
        string_translation["comment"] = localized_dates(string_translation["comment"])
    can_publish = bool(data["perms"]["canPublish"])
    if not can_publish:
        data["links"]["convertToAliasUrl"] = None
    workflow = instance.get_workflow() if hasattr(instance, "get_workflow") else None
    task = workflow.tasks.first() if workflow else None
    translator = get_machine_translator()
    return Review(
        props=json.dumps(data),
        can_publish=can_publish,
        progress=progress_of(translation),
        state=getattr(instance, "current_workflow_state", None),
        task_name=task.name if task else "",
        machine_translation=bool(
            translator and translator.can_translate(translation.source.locale, translation.target_locale)
        ),
    )


@register.filter
def revisions_compare_url_name(instance):
    """The URL name of the view comparing an object's revisions (``templates/wagtailadmin/workflows/``).

    The status panel of wagtail-localize's editor gives its template none; Wagtail's own editors do.
    """
    if hasattr(instance, "snippet_viewset"):
        return instance.snippet_viewset.get_url_name("revisions_compare")
    return "wagtailadmin_pages:revisions_compare"
