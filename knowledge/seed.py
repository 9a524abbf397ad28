"""Demo content of the knowledge base, from ``content/knowledge/``.

RFCs and working groups are facts and are created once (updated with ``--force``). Topic and
explainer pages are Markdown files; glossary terms are one YAML list. Every translatable
object is queued for translation, parents first.
"""

import csv
import uuid
from functools import partial

import yaml
from django.db import transaction

from knowledge.models import (
    LEVELS,
    ExplainerPage,
    ExplainerRelated,
    ExplainerRfc,
    ExplainerWorkingGroup,
    GlossaryPage,
    GlossaryTerm,
    GlossaryTermExplainer,
    Rfc,
    TopicIndexPage,
    TopicPage,
    WorkingGroup,
)
from knowledge.terminology import read_variants, variants_file
from website.content.markdown import BLOCK_ID_NAMESPACE, markdown_to_html, read_markdown_file

LEVEL_ORDER = [value for value, _label in LEVELS]


def rfc_directive(arguments: str, inner: str) -> dict:
    number = int(arguments.split()[0])
    return {
        "type": "rfc_reference",
        "value": {"rfc": Rfc.objects.get(number=number).pk, "note": markdown_to_html(inner)},
        # Block ids derive from content; the RFC's number, unlike its database id, is the same everywhere.
        "_identity": f"rfc {number} {inner}",
    }


def key_concept_directive(arguments: str, inner: str) -> dict:
    return {"type": "key_concept", "value": {"title": arguments, "text": markdown_to_html(inner)}}


def diagram_directive(arguments: str, inner: str) -> dict:
    """``::: diagram <drawing>`` with YAML inside: caption, description (the text alternative) and labels."""
    fields = yaml.safe_load(inner) or {}
    value = {
        "drawing": arguments,
        "caption": fields["caption"],
        "description": " ".join(fields["description"].split()),
        # ListBlock items with ids of their own (derived, so stable): wagtail-localize extracts a label to
        # translate only from items in this form.
        "labels": [
            {"type": "item", "value": str(label), "id": str(uuid.uuid5(BLOCK_ID_NAMESPACE, f"{arguments}|{i}|{label}"))}
            for i, label in enumerate(fields["labels"])
        ],
    }
    return {"type": "diagram", "value": value}


def example_directive(arguments: str, inner: str) -> dict:
    return {"type": "worked_example", "value": {"title": arguments, "text": markdown_to_html(inner)}}


def seed_references(run) -> None:
    folder = run.content / "knowledge"
    with open(folder / "rfcs.csv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            values = {
                "title": row["title"],
                "year": int(row["year"]),
                "topic": row["topic"],
                "status": row["status"],
            }
            rfc, created = Rfc.objects.get_or_create(number=int(row["rfc"]), defaults=values)
            if not created and run.force:
                Rfc.objects.filter(pk=rfc.pk).update(**values)
    with open(folder / "working_groups.csv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["area"] == "(area)":
                continue
            values = {"name": row["name"], "area": row["area"]}
            group, created = WorkingGroup.objects.get_or_create(acronym=row["acronym"], defaults=values)
            if not created and run.force:
                WorkingGroup.objects.filter(pk=group.pk).update(**values)


@transaction.atomic
def seed_knowledge(run) -> None:
    folder = run.content / "knowledge"
    seed_references(run)
    run.stream.directives.update(
        {
            "rfc": rfc_directive,
            "key-concept": key_concept_directive,
            "example": example_directive,
            "diagram": diagram_directive,
        }
    )
    index = run.page_from_markdown(run.home, TopicIndexPage, folder / "index.md", introduction_markdown=True)
    run.translate(index, "knowledge/index")
    run.add_to_menu(index, 10)

    explainer_meta = []
    topic_files = sorted(folder.glob("topics/*.md"), key=lambda path: read_markdown_file(path)[0].get("order", 99))
    for topic_file in topic_files:
        meta, body = read_markdown_file(topic_file)
        topic = run.page(
            index,
            TopicPage,
            meta["slug"],
            source=topic_file,
            title=meta["title"],
            topic=meta["key"],
            introduction=markdown_to_html(body),
            search_description=meta.get("description", ""),
        )
        run.translate(topic, f"knowledge/topics/{meta['key']}")
        files = [(path, *read_markdown_file(path)) for path in (folder / "explainers" / meta["key"]).glob("*.md")]
        files.sort(key=lambda item: (LEVEL_ORDER.index(item[1]["level"]), item[1]["title"]))
        for path, explainer, text in files:
            page = run.page(
                topic,
                ExplainerPage,
                explainer["slug"],
                source=path,
                title=explainer["title"],
                summary=explainer["summary"].strip(),
                why_it_matters=markdown_to_html(explainer["why_it_matters"]),
                body=run.stream.convert(text, key=explainer["slug"]),
                level=explainer["level"],
                last_reviewed=explainer["last_reviewed"],
                search_description=explainer["summary"].strip(),
                links={
                    # sort_order as in the content file: translations copy it, so every language lists the same order.
                    "rfc_links": [
                        ExplainerRfc(rfc=Rfc.objects.get(number=n), sort_order=i)
                        for i, n in enumerate(explainer["rfcs"])
                    ],
                    "working_group_links": [
                        ExplainerWorkingGroup(working_group=WorkingGroup.objects.get(acronym=acronym), sort_order=i)
                        for i, acronym in enumerate(explainer.get("working_groups", []))
                    ],
                },
            )
            explainer_meta.append((page, explainer))
    _link_related_explainers(run, explainer_meta)
    for page, explainer in explainer_meta:
        run.translate(page, f"knowledge/explainers/{explainer['slug']}")

    glossary_page = run.page_from_markdown(index, GlossaryPage, folder / "glossary-page.md", introduction_markdown=True)
    run.translate(glossary_page, "knowledge/glossary-page")
    seed_glossary(run)


def _link_related_explainers(run, explainer_meta) -> None:
    """Related explainers point at each other, so they are linked once every explainer exists."""
    by_slug = {page.slug: page for page, _meta in explainer_meta}
    for page, explainer in explainer_meta:
        wanted = [by_slug[slug].pk for slug in explainer.get("related", []) if slug in by_slug]
        if [link.explainer_id for link in page.related_links.all()] == wanted:
            continue
        if page.related_links.exists() and not run.force:
            continue
        page.related_links = [ExplainerRelated(explainer_id=pk, sort_order=i) for i, pk in enumerate(wanted)]
        page.save_revision().publish()


def seed_glossary(run) -> None:
    folder = run.content / "knowledge"
    entries = yaml.safe_load((folder / "glossary.yaml").read_text(encoding="utf-8"))
    explainers = {page.slug: page for page in ExplainerPage.objects.filter(locale__language_code="en")}
    for entry in entries:
        values = {
            "abbreviation": entry.get("abbreviation", ""),
            "definition": " ".join(entry["definition"].split()),
            "policy_angle": " ".join(entry.get("policy_angle", "").split()),
            "variants": "\n".join(entry.get("variants", [])),
        }
        term = GlossaryTerm.objects.filter(term=entry["term"], locale__language_code="en").first()
        # A changed glossary file updates the terms whose text it changed.
        edited = (
            term is not None
            and run.is_changed(folder / "glossary.yaml")
            and any(getattr(term, name) != value for name, value in values.items())
        )
        if term is None or run.force or edited:
            if term is not None:
                run.refreshed.add((term._meta.label, term.pk))
            term = term or GlossaryTerm(term=entry["term"], locale_id=run.home.locale_id)
            for name, value in values.items():
                setattr(term, name, value)
            term.related_explainers = [
                GlossaryTermExplainer(explainer=explainers[slug], sort_order=i)
                for i, slug in enumerate(slug for slug in entry.get("related", []) if slug in explainers)
            ]
            term.save()
        run.translate(term, f"knowledge/glossary#{term.anchor}", own_fields=partial(term_variants, run, term.anchor))


def term_variants(run, anchor: str, language_code: str):
    """A term's approved variants in one language, from ``content/locale/<lang>/knowledge/glossary-variants.yaml``
    (the term base beside the glossary's PO file): they are that language's own, not translations of the English."""
    path = variants_file(run.locale_dir, language_code)
    if not path.exists():
        return None
    return path, {"variants": "\n".join(read_variants(run.locale_dir, language_code).get(anchor, []))}
