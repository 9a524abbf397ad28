"""Which pages show a changed page or object, so that exactly their cached copies are renewed.

A changed page P is shown by:

- P itself, and its versions in the other languages (their language switcher links to P, their note about the
  English page being newer reads its date), and its aliases (copies of P, in its language or another);
- the parent of P and of each alias, which list their children;
- if P's title, URL or being live changed: the pages just below P and its aliases (their breadcrumb shows P);
  if its URL changed: every page below (their URLs changed with it);
- the pages that link to P or an alias of it, from Wagtail's reference index (rich text links, choosers, related
  explainers, a report's meeting); links to P's other versions count for pages in P's language (a page links
  to the version of its own language: ``website.queries.linked_pages_in_language``);
- whatever P's own type says (``page_cache_shown_on(change)``: a meeting shows its report).

A changed object (a snippet, an image, a setting) is shown by the pages its type names (``page_cache_shown_on``:
a glossary term by the explainers that mark terms), the pages that reference it, and, for an object shown on
every page (``page_cache_shown_everywhere``: menu, footer, their settings), by every page. An object that
references the changed one counts as changed too, one level deep (a menu that lists a renamed page).
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, ReferenceIndex


@dataclass
class PageChange:
    page: Page
    # Its title, URL or being live changed: what lists or links to it by title shows something new.
    shown_differently: bool = True
    # Its URL changed: the pages below it have new URLs too.
    moved: bool = False
    # Where it was before a move (that parent listed it).
    old_parent_id: int | None = None


@dataclass
class Shown:
    """The pages whose copies are out of date; ``everywhere`` when every page is."""

    page_ids: set = field(default_factory=set)
    everywhere: bool = False

    def add(self, other: "Shown") -> None:
        self.page_ids |= other.page_ids
        self.everywhere = self.everywhere or other.everywhere


def _page_content_type_id() -> int:
    return ContentType.objects.get_for_model(Page).pk


def _ids(values) -> set:
    """Page ids from what a ``page_cache_shown_on`` returns: ids, pages, or a query set of either."""
    result = set()
    for value in values:
        result.add(value if isinstance(value, int) else value.pk)
    return result


def referrers(objects, *, page_locale_id=None) -> tuple[set, list]:
    """Pages that reference ``objects`` (in one locale when ``page_locale_id`` is given), and the other objects
    that do."""
    rows = ReferenceIndex.get_references_to_in_bulk(objects).values_list(
        "base_content_type_id", "content_type_id", "object_id"
    )
    page_type = _page_content_type_id()
    page_ids, others = set(), defaultdict(set)
    for base_type, content_type, object_id in rows.distinct():
        if base_type == page_type:
            page_ids.add(int(object_id))
        else:
            others[content_type].add(object_id)
    if page_locale_id is not None and page_ids:
        page_ids = set(Page.objects.filter(pk__in=page_ids, locale_id=page_locale_id).values_list("pk", flat=True))
    objects = []
    for content_type, object_ids in others.items():
        model = ContentType.objects.get_for_id(content_type).model_class()
        if model is not None:
            objects.extend(model._default_manager.filter(pk__in=object_ids))
    return page_ids, objects


def _shown_by_object_itself(instance) -> Shown:
    if getattr(instance, "page_cache_shown_everywhere", False):
        return Shown(everywhere=True)
    shown_on = getattr(instance, "page_cache_shown_on", None)
    return Shown(page_ids=_ids(shown_on()) if shown_on is not None else set())


def _referencing_objects(objects) -> Shown:
    """What shows the references of ``objects`` (``page_cache_references_shown_on`` where a type narrows it: a
    glossary term's related explainers are listed on the glossary only, not wherever the term is marked)."""
    shown = Shown()
    for instance in objects:
        narrower = getattr(instance, "page_cache_references_shown_on", None)
        if narrower is not None and not getattr(instance, "page_cache_shown_everywhere", False):
            shown.page_ids |= _ids(narrower())
        else:
            shown.add(_shown_by_object_itself(instance))
    return shown


def pages_showing_page(change: PageChange) -> Shown:
    page = change.page
    steplen = Page.steplen
    own = list(Page.objects.filter(pk=page.pk).values_list("pk", "path")) or [(page.pk, page.path)]
    aliases = list(Page.objects.filter(alias_of_id=page.pk).values_list("pk", "path"))
    versions = Page.objects.filter(translation_key=page.translation_key).exclude(pk=page.pk)
    shown = Shown(page_ids={pk for pk, _path in own + aliases} | set(versions.values_list("pk", flat=True)))

    parent_paths = {path[:-steplen] for _pk, path in own + aliases if len(path) > steplen}
    shown.page_ids |= set(Page.objects.filter(path__in=parent_paths).values_list("pk", flat=True))
    if change.old_parent_id is not None:
        shown.page_ids.add(change.old_parent_id)
    for _pk, path in own + aliases:
        below = Page.objects.filter(path__startswith=path).exclude(path=path)
        if not change.moved:
            below = below.filter(depth=len(path) // steplen + 1) if change.shown_differently else below.none()
        shown.page_ids |= set(below.values_list("pk", flat=True))

    # Objects that reference a page (a menu, a glossary term's related explainers) show its title and link only.
    linked, objects = referrers(Page.objects.filter(pk__in=[pk for pk, _path in own + aliases]))
    shown.page_ids |= linked
    if change.shown_differently:
        shown.add(_referencing_objects(objects))
    linked, objects = referrers(versions, page_locale_id=page.locale_id)
    shown.page_ids |= linked
    if change.shown_differently:
        shown.add(_referencing_objects(objects))

    shown_on = getattr(page.specific_deferred, "page_cache_shown_on", None)
    if shown_on is not None:
        shown.page_ids |= _ids(shown_on(change))
    return shown


def pages_showing_object(instance) -> Shown:
    shown = _shown_by_object_itself(instance)
    if shown.everywhere:
        return shown
    linked, objects = referrers([instance])
    shown.page_ids |= linked
    shown.add(_referencing_objects(objects))
    return shown
