"""Demo content of the programme, from ``content/programme/``.

Every meeting of ``meetings.csv`` gets a page; participation figures come only from what is on
record (``participation.yaml``). Meeting reports are Markdown files with YAML front matter.
"""

import csv
import datetime

import yaml
from django.db import transaction

from knowledge.models import ExplainerPage, WorkingGroup
from programme.models import (
    MeetingPage,
    MeetingReportIndexPage,
    MeetingReportPage,
    ProgrammePage,
    ReportRelatedExplainer,
)
from website.content.markdown import markdown_to_html, read_markdown_file, with_stable_ids


def meeting_title(number: int, city: str, online: bool) -> str:
    return f"IETF {number} (online)" if online else f"IETF {number} {city}"


@transaction.atomic
def seed_programme(run) -> None:
    folder = run.content / "programme"
    programme = run.page_from_markdown(
        run.home,
        ProgrammePage,
        folder / "programme.md",
        also_from=(folder / "milestones.yaml",),
        milestones=milestones(folder / "milestones.yaml"),
    )
    run.translate(programme, "programme/programme")
    run.add_to_menu(programme, 20)

    participation = yaml.safe_load((folder / "participation.yaml").read_text(encoding="utf-8")) or {}
    meetings = {}
    with open(folder / "meetings.csv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            number = int(row["number"])
            online = row["city"] == "Online"
            facts = participation.get(number, {})
            meeting = run.page(
                programme,
                MeetingPage,
                f"ietf-{number}",
                source=(folder / "meetings.csv", folder / "participation.yaml"),
                title=meeting_title(number, row["city"], online),
                number=number,
                city="" if online else row["city"],
                country=row["country_code"],
                online=online,
                start_date=datetime.date.fromisoformat(row["start_date"]),
                end_date=datetime.date.fromisoformat(row["end_date"]),
                participants=facts.get("participants"),
                countries_represented=facts.get("countries", []),
                agenda=agenda(number, facts),
                programme_form=facts.get("programme", ""),
                programme_note=facts.get("note", ""),
                programme_source=facts.get("source", ""),
            )
            meetings[number] = meeting
    for number, meeting in sorted(meetings.items()):
        run.translate(meeting, f"programme/meetings#ietf-{number}")

    index = run.page_from_markdown(run.home, MeetingReportIndexPage, folder / "reports-index.md")
    run.translate(index, "programme/reports-index")
    run.add_to_menu(index, 30)
    seed_reports(run, index, meetings)


def milestones(path) -> list:
    """The programme page's milestones as raw StreamField data, from ``milestones.yaml``."""
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    blocks = [
        {
            "type": "milestone",
            "value": {
                "date": str(entry["date"]),
                "label": entry["label"],
                "participants": entry["participants"],
                "countries": entry["countries"],
                "more_than": bool(entry.get("more_than")),
                "source": entry["source"],
                "source_url": entry.get("source_url", ""),
            },
        }
        for entry in entries
    ]
    return with_stable_ids(blocks, "programme-milestones")


def agenda(number: int, facts: dict) -> list:
    """A meeting's agenda as raw StreamField data, from ``participation.yaml`` (most meetings have none on record)."""
    sessions = facts.get("agenda", [])
    blocks = [
        {
            "type": "session",
            "value": {
                "day": str(session["day"]),
                "time": session.get("time"),
                "title": session["title"],
                "kind": session["kind"],
                "explainer": None,
                "working_group": None,
            },
        }
        for session in sessions
    ]
    return with_stable_ids(blocks, f"ietf-{number}-agenda")


def seed_reports(run, index, meetings) -> None:
    folder = run.content / "programme"
    explainers = {page.slug: page for page in ExplainerPage.objects.filter(locale_id=run.home.locale_id)}
    groups = {group.acronym: group for group in WorkingGroup.objects.all()}
    reports = []
    for path in sorted((folder / "reports").glob("*.md")):
        meta, opening = read_markdown_file(path)
        slug = meta["slug"]
        highlights = with_stable_ids(
            [
                {"type": "highlight", "value": {"topic": item["topic"], "text": markdown_to_html(item["text"])}}
                for item in meta["highlights"]
            ],
            f"{slug}-highlights",
        )
        sessions = [
            {
                "type": "session",
                "value": {"working_group": groups[item["working_group"]].pk, "note": " ".join(item["note"].split())},
                "_identity": ["session", item["working_group"], item["note"]],
            }
            for item in meta.get("sessions", [])
        ]
        report = run.page(
            index,
            MeetingReportPage,
            slug,
            source=path,
            title=meta["title"],
            meeting=meetings.get(meta["meeting"]),
            authors=", ".join(meta["authors"]),
            date_published=meta["date_published"],
            summary=" ".join(meta["summary"].split()),
            introduction=markdown_to_html(opening) if opening else "",
            highlights=highlights,
            sessions=with_stable_ids(sessions, f"{slug}-sessions"),
            policy=markdown_to_html(meta["policy"]),
            search_description=" ".join(meta["summary"].split()),
            links={
                "related_links": [
                    ReportRelatedExplainer(explainer=explainers[related], sort_order=i)
                    for i, related in enumerate(related for related in meta.get("related", []) if related in explainers)
                ]
            },
        )
        reports.append((report, slug))
    for report, slug in reports:
        run.translate(report, f"programme/reports/{slug}")
