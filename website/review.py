"""A translation goes to its language's reviewers, whole, and reaches readers only when approved.

wagtail-localize's translation editor can only publish: a translator without that right could save
segments that nobody saw. ``submit_translation_for_review`` builds a revision of the translated
page or snippet from the translator's segments and starts (or resumes) the object's workflow, so
the reviewers find it on their dashboard; Wagtail publishes that revision when they approve it.

The revision is built without saving the object. wagtail-localize's own "save draft"
(``save_target(publish=False)``) writes the translated fields into the page's row, which is what
readers are served, so a draft would go live unreviewed; and it marks a draft snippet not live,
which takes a published glossary term off the site.

A translation is submitted or published only when every segment is translated (README, "Partial
translations"): a page that mixes English paragraphs into French is never shown. Until then,
readers keep the previous version, or the English page with its "not translated yet" notice.
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import RevisionMixin, WorkflowState
from wagtail_localize.fields import copy_synchronised_fields
from wagtail_localize.models import Translation
from wagtail_localize.segments.ingest import ingest_segments


@dataclass(frozen=True)
class Progress:
    total: int
    translated: int

    @property
    def complete(self) -> bool:
        return self.translated >= self.total

    @property
    def percent(self) -> int:
        return 100 if not self.total else int(100 * self.translated / self.total)


class NotReady(Exception):
    """Why a translation cannot be submitted or published now; the message is for the translator."""


def translation_of(instance) -> Translation | None:
    """The enabled wagtail-localize translation whose target is ``instance``, if it is one."""
    if getattr(instance, "locale_id", None) is None:
        return None
    return (
        Translation.objects.filter(
            source__object_id=instance.translation_key,
            target_locale_id=instance.locale_id,
            enabled=True,
        )
        .exclude(source__locale_id=instance.locale_id)
        .select_related("source", "target_locale")
        .first()
    )


def progress_of(translation: Translation) -> Progress:
    total, translated = translation.get_progress()
    return Progress(total=total, translated=translated)


def check_complete(translation: Translation) -> Progress:
    progress = progress_of(translation)
    if not progress.complete:
        raise NotReady(
            _(
                "%(missing)d of %(total)d segments are not translated yet. "
                "Translate every segment before this translation is sent for review or published."
            )
            % {"missing": progress.total - progress.translated, "total": progress.total}
        )
    return progress


def build_revision(translation: Translation, user):
    """A new revision of the translated object holding the current translations; the row is not saved."""
    source = translation.source
    original = source.as_instance()
    target = source.get_translated_instance(translation.target_locale)
    copy_synchronised_fields(original, target)
    segments = source._get_segments_for_translation(translation.target_locale, fallback=True)
    ingest_segments(original, target, source.locale, translation.target_locale, segments)
    if getattr(target, "alias_of_id", None):
        # Readers keep the alias (the English page, marked) until approval; Wagtail gives aliases no
        # revisions of their own, so the translated revision is made the way any model makes one.
        return RevisionMixin.save_revision(target, user=user, clean=False)
    return target.save_revision(user=user, clean=False)


def submit_translation_for_review(instance, user) -> WorkflowState:
    """Send the translator's work on ``instance`` to its review workflow; returns the workflow state."""
    translation = translation_of(instance)
    if translation is None:
        raise NotReady(_("This is not a translation that is being synchronised with its original."))
    workflow = instance.get_workflow()
    if workflow is None:
        raise NotReady(_("No review workflow applies to this page. Ask a moderator to assign one."))
    state = instance.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS:
        raise NotReady(_("This translation is already waiting for review."))
    check_complete(translation)
    with transaction.atomic():
        build_revision(translation, user)
        if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            state.resume(user)
            return state
        return workflow.start(instance, user)
