"""The dashboard tells a translator what waits for them in their languages (README, "Roles").

Reviewers and moderators have Wagtail's own "Awaiting your review" panel, and submitters its
panel of their work in a workflow; apps add panels of their own (knowledge: explainers due for a
review). This panel lists, for each language the user translates, the translations whose
reviewers asked for changes, those begun but not finished, those whose original changed since,
those waiting for review and the pages not translated at all, each linking to its editor.
There are no page-view statistics to rank by, so each list is in the site's order (sections first).
"""

from dataclasses import dataclass, field

from django.db.models import OuterRef, Subquery
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.ui.components import Component
from wagtail.models import Page, WorkflowState

from website import locales
from website.permissions import ALL_LANGUAGES, editable_locale_ids
from website.review import Progress
from website.translation_progress import enabled_translations

LIMIT = 8
KINDS = {
    "changes": _("Changes requested"),
    "partial": _("Started, not finished"),
    "outdated": _("Original changed since"),
    "waiting": _("Waiting for review"),
    "not_started": _("Not translated yet"),
}


@dataclass
class Item:
    title: str
    url: str | None
    language: str
    percent: int | None = None
    start_url: str | None = None  # a page not translated yet: where the translator starts translating it


@dataclass
class Section:
    kind: str
    label: str
    items: list = field(default_factory=list)
    count: int = 0


def _targets(translations):
    """{(translation_key, locale id): the translated object}, one query per model."""
    by_model = {}
    for translation in translations:
        model = translation.source.specific_content_type.model_class()
        by_model.setdefault(model, set()).add((translation.source.object_id, translation.target_locale_id))
    found = {}
    for model, pairs in by_model.items():
        objects = model.objects.filter(
            translation_key__in={key for key, _locale in pairs}, locale_id__in={locale for _key, locale in pairs}
        )
        if issubclass(model, Page):
            objects = objects.annotate(
                source_published_at=Subquery(
                    Page.objects.filter(
                        translation_key=OuterRef("translation_key"), locale_id=locales.source_locale().pk
                    ).values("last_published_at")[:1]
                )
            )
        found.update({(item.translation_key, item.locale_id): item for item in objects})
    return found


def translated_locale_ids(user) -> set:
    """The languages ``user`` translates: those they may edit, but not every language and not English."""
    locale_ids = editable_locale_ids(user)
    if locale_ids == ALL_LANGUAGES:
        return set()
    return set(locale_ids) - {locales.source_locale().pk}


def translation_work(user) -> list[Section]:
    """What waits for ``user`` as a translator, by kind (kinds with nothing in them are left out)."""
    locale_ids = translated_locale_ids(user)
    if not locale_ids:
        return []
    edit_url = AdminURLFinder(user).get_edit_url
    sections = {kind: Section(kind, label) for kind, label in KINDS.items()}
    translations = list(
        enabled_translations(locale_ids).select_related("source__specific_content_type", "target_locale")
    )
    targets = _targets(translations)
    states = {
        (state.base_content_type_id, state.object_id): state.status
        for state in WorkflowState.objects.active().only("base_content_type_id", "object_id", "status")
    }
    for translation in sorted(translations, key=lambda translation: translation.source.object_repr):
        target = targets.get((translation.source.object_id, translation.target_locale_id))
        if target is None:
            continue
        state = states.get((target.get_base_content_type().pk, str(target.pk)))
        progress = Progress(translation.total, translation.translated)
        if state == WorkflowState.STATUS_NEEDS_CHANGES:
            kind = "changes"
        elif state == WorkflowState.STATUS_IN_PROGRESS:
            kind = "waiting"
        elif not progress.complete:
            kind = "partial"
        elif (
            getattr(target, "source_published_at", None)
            and translation.source.last_updated_at < target.source_published_at
        ):
            kind = "outdated"
        else:
            continue
        section = sections[kind]
        section.count += 1
        if len(section.items) < LIMIT:
            section.items.append(
                Item(str(target), edit_url(target), translation.target_locale.get_display_name(), progress.percent)
            )
    # Aliases: the English page shown; those whose translation has been started are listed above.
    started = {(translation.source.object_id, translation.target_locale_id) for translation in translations}
    aliases = [
        page
        for page in Page.objects.filter(locale_id__in=locale_ids, alias_of__isnull=False)
        .select_related("locale")
        .order_by("path")
        if (page.translation_key, page.locale_id) not in started
    ]
    not_started = sections["not_started"]
    not_started.count = len(aliases)
    not_started.items = [
        Item(
            page.title,
            edit_url(page),
            page.locale.get_display_name(),
            start_url=reverse("start_translation", args=[page.pk]),
        )
        for page in aliases[:LIMIT]
    ]
    return [section for section in sections.values() if section.count]


class DashboardPanel(Component):
    """A dashboard panel (``construct_homepage_panels``) rendering its template with the context it is given."""

    def __init__(self, **context):
        self.context = context

    def get_context_data(self, parent_context):
        return self.context


class TranslationWorkPanel(DashboardPanel):
    name = "translation_work"
    order = 110
    template_name = "website/admin/translation_work_panel.html"
