"""Participation figures, only as far as the record goes: nothing here is typed in by hand or added up into a
total that no source gives.

- **Growth** is charted from the programme page's milestones: counts of everyone who had taken part so far, as
  the Internet Society published them at a date, each with its source.
- **Per meeting**, figures are shown only for meetings whose page has them, saying how many of the meetings do.
  They are not summed: a handful of meetings on record say nothing of the programme's size.
"""

import datetime
from dataclasses import dataclass, field

from django.utils.formats import number_format
from django.utils.translation import gettext as _

CHART_WIDTH = 640
LABEL_WIDTH = 200
BAR_AREA = CHART_WIDTH - LABEL_WIDTH - 120
ROW_HEIGHT = 32


@dataclass
class Row:
    label: str
    value: int
    text: str = ""  # the value as the reader reads it ("more than 300")
    y: int = 0
    width: float = 0.0


@dataclass
class Source:
    name: str
    url: str = ""


@dataclass
class Chart:
    """A horizontal bar chart, laid out for a server-rendered SVG; the same rows make its table."""

    slug: str
    title: str
    description: str
    label_heading: str
    value_heading: str
    rows: list[Row] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)

    def __post_init__(self):
        largest = max((row.value for row in self.rows), default=0) or 1
        for index, row in enumerate(self.rows):
            row.y = index * ROW_HEIGHT
            row.width = round(BAR_AREA * row.value / largest, 1)
            row.text = row.text or number_format(row.value)

    @property
    def height(self):
        return max(len(self.rows), 1) * ROW_HEIGHT

    @property
    def label_width(self):
        return LABEL_WIDTH

    @property
    def width(self):
        return CHART_WIDTH


def count_text(count: int, more_than: bool) -> str:
    return _("more than %(count)s") % {"count": number_format(count)} if more_than else number_format(count)


def growth_charts(milestones) -> list[Chart]:
    """Officials and countries so far, at each milestone (``MilestoneBlock`` values), oldest first."""
    milestones = sorted(milestones, key=lambda milestone: milestone["date"])
    if not milestones:
        return []
    sources = list(
        {milestone["source"]: Source(milestone["source"], milestone["source_url"]) for milestone in milestones}.values()
    )

    def chart(slug, title, description, heading, key):
        rows = [Row(m["label"], m[key], count_text(m[key], m["more_than"])) for m in milestones]
        return Chart(slug, title, description, _("As of"), heading, rows, sources)

    return [
        chart(
            "growth-participants",
            _("Officials who have taken part"),
            _("Everyone who had taken part since the programme began in 2012, as counted at each date."),
            _("Officials"),
            "participants",
        ),
        chart(
            "growth-countries",
            _("Countries they came from"),
            _("The number of countries those officials came from, as counted at each date."),
            _("Countries"),
            "countries",
        ),
    ]


@dataclass
class MeetingFigures:
    """The meetings whose page records who took part, and how many meetings there are in all."""

    meetings: list
    total: int

    @property
    def recorded(self) -> int:
        return len(self.meetings)


def meeting_figures(meetings) -> MeetingFigures:
    recorded = [m for m in meetings if m.participants is not None or m.countries_represented]
    return MeetingFigures(sorted(recorded, key=lambda meeting: meeting.start_date), len(meetings))


def participation_figures(meetings, milestones) -> dict:
    return {"charts": growth_charts(milestones), "per_meeting": meeting_figures(meetings)}


def upcoming(meetings, today: datetime.date | None = None):
    """The next meeting on record: the earliest that has not ended yet, if any."""
    today = today or datetime.date.today()
    ahead = [meeting for meeting in meetings if meeting.end_date >= today]
    return min(ahead, key=lambda meeting: meeting.start_date) if ahead else None
