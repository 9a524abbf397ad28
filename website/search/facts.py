"""Writes ``SearchFacts`` as objects are indexed, from each model's ``search_facts()``.

Apps describe their objects without search importing them: a model may define ``search_facts()``
returning ``{"kind": ..., "topics": [...], "date": ...}``, and optionally ``"prior"`` (the multiplier of its
score, instead of its kind's) and ``"introductory"`` (written for newcomers: first for short queries). Pages
without it are kind ``page`` and dated by their last publication; other models without it (images, RFC
records) have no facts and are not offered by the site search.
"""

from django.apps import apps
from modelsearch.backends.base import get_model_root
from wagtail.models import Page

from website.search.models import SearchFacts

KIND_PAGE = "page"


def model_label(model) -> str:
    return get_model_root(model)._meta.label_lower


def facts_of(obj) -> dict | None:
    describe = getattr(obj, "search_facts", None)
    if describe is not None:
        return describe()
    if isinstance(obj, Page):
        published = obj.last_published_at or obj.first_published_at
        return {"kind": KIND_PAGE, "topics": [], "date": published.date() if published else None}
    return None


def record(objs) -> None:
    rows = []
    for obj in objs:
        described = facts_of(obj)
        if described is None:
            continue
        rows.append(
            SearchFacts(
                model=model_label(type(obj)),
                object_id=obj.pk,
                kind=described["kind"],
                topics=list(described.get("topics") or []),
                date=described.get("date"),
                prior=described.get("prior"),
                introductory=described.get("introductory", False),
            )
        )
    if rows:
        SearchFacts.objects.bulk_create(
            rows,
            update_conflicts=True,
            unique_fields=["model", "object_id"],
            update_fields=["kind", "topics", "date", "prior", "introductory"],
        )


def forget(objs) -> None:
    by_model: dict[str, list[int]] = {}
    for obj in objs:
        by_model.setdefault(model_label(type(obj)), []).append(obj.pk)
    for label, ids in by_model.items():
        SearchFacts.objects.filter(model=label, object_id__in=ids).delete()


def delete_stale() -> None:
    for label in SearchFacts.objects.values_list("model", flat=True).distinct():
        try:
            model = apps.get_model(label)
        except LookupError:
            SearchFacts.objects.filter(model=label).delete()
            continue
        SearchFacts.objects.filter(model=label).exclude(object_id__in=model._default_manager.values("pk")).delete()


def reset() -> None:
    SearchFacts.objects.all().delete()
