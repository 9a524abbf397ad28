"""Reads the collection files and finds each judged item in the language being scored.

Needs Django set up (items are looked up in the database); the measures themselves are in ``metrics``.
"""

from dataclasses import dataclass, field
from pathlib import Path

import yaml

FOLDER = Path(__file__).resolve().parent
QUERY_TYPES = ("word", "phrase", "abbreviation", "misspelling", "inflected", "question")
TERM_PREFIX = "term:"


@dataclass
class Judged:
    text: str
    type: str
    relevant: dict[str, int]


@dataclass
class Collection:
    language: str
    queries: list[Judged] = field(default_factory=list)


def languages() -> list[str]:
    return sorted(path.stem for path in FOLDER.glob("*.yaml"))


def load(language: str) -> Collection:
    data = yaml.safe_load((FOLDER / f"{language}.yaml").read_text(encoding="utf-8"))
    queries = [
        Judged(str(entry["query"]), entry["type"], {str(key): int(grade) for key, grade in entry["relevant"].items()})
        for entry in data["queries"]
    ]
    return Collection(data["language"], queries)


def problems(collection: Collection) -> list[str]:
    """What makes a collection unfit to score with: a query without exactly one answer, an unknown type."""
    found = []
    for judged in collection.queries:
        answers = [key for key, grade in judged.relevant.items() if grade == 2]
        if len(answers) != 1:
            found.append(f"{judged.text!r}: {len(answers)} items graded 2, not one")
        if judged.type not in QUERY_TYPES:
            found.append(f"{judged.text!r}: unknown type {judged.type!r}")
        if any(grade not in (1, 2) for grade in judged.relevant.values()):
            found.append(f"{judged.text!r}: grades are 1 or 2")
    return found


class Items:
    """Finds judged items (an English slug, or ``term:<English term>``) in one language, as search result keys."""

    def __init__(self, language: str):
        from wagtail.models import Locale  # noqa: PLC0415 - Django is set up by the caller

        self.locale = Locale.objects.get(language_code=language)
        self.source = Locale.get_default()

    def key(self, item: str) -> tuple[str, int] | None:
        """``(model label, id)`` of the item's version in this language; ``None`` when it has none of its own."""
        from wagtail.models import Page  # noqa: PLC0415

        from knowledge.models import GlossaryTerm  # noqa: PLC0415
        from website.search.facts import model_label  # noqa: PLC0415

        if item.startswith(TERM_PREFIX):
            source = GlossaryTerm.objects.filter(locale=self.source, term=item[len(TERM_PREFIX) :]).first()
            model = GlossaryTerm
        else:
            source = Page.objects.filter(locale=self.source, slug=item).first()
            model = Page
        if source is None:
            return None
        found = source if self.locale == self.source else source.get_translation_or_none(self.locale)
        if found is None or getattr(found, "alias_of_id", None):
            return None
        return model_label(model), found.pk
