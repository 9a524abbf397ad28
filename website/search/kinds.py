"""The kinds of content a reader can narrow a search to, registered by the apps that own them.

An app returns a ``SearchKind`` from a ``register_search_kind`` hook, and its models name that
kind in ``search_facts()``. ``website`` itself knows only ``page``: what every page is when its
type says nothing else. The search page lists kinds in their ``order``.
"""

from dataclasses import dataclass
from functools import cache

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from website.search.facts import KIND_PAGE


@dataclass(frozen=True)
class SearchKind:
    name: str
    label: str
    plural: str
    order: int = 100
    # Offers the year filter: for this kind, the facts' date is the year the reader asks for.
    by_year: bool = False
    # An object of this kind whose ``matches_exactly(query)`` is true answers the query: it is shown first.
    answers: bool = False
    # How much more likely than its text score says an object of this kind answers a query (website.search.ranking).
    prior: float = 1.0


PAGE = SearchKind(KIND_PAGE, _("Page"), _("Other pages"), order=1000, prior=0.6)


@cache
def _kinds_by_name() -> dict[str, SearchKind]:
    """Read from the hooks once per process: a search asks about the kind of every one of its hits."""
    kinds = [hook() for hook in hooks.get_hooks("register_search_kind")]
    return {kind.name: kind for kind in sorted([*kinds, PAGE], key=lambda kind: (kind.order, kind.name))}


def registered_kinds() -> list[SearchKind]:
    """Every kind, in the order the search page lists them (``page`` last)."""
    return list(_kinds_by_name().values())


def kind_named(name: str) -> SearchKind | None:
    return _kinds_by_name().get(name)


def kind_label(name: str, plural: bool = False) -> str:
    kind = kind_named(name)
    if kind is None:
        return name
    return str(kind.plural if plural else kind.label)
