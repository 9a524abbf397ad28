"""Participation figures, computed from the meeting pages: nothing here is typed in by hand.

Meetings whose participant count is not recorded are left out of the participant totals (and
the page says how many meetings the figures cover); countries count once, in the region the UN
M49 standard puts them in.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from programme.regions import REGIONS, region_name, region_of

CHART_WIDTH = 640
LABEL_WIDTH = 200
BAR_AREA = CHART_WIDTH - LABEL_WIDTH - 60
ROW_HEIGHT = 32


@dataclass
class Row:
    label: str
    value: int
    y: int = 0
    width: float = 0.0


@dataclass
class Chart:
    """A horizontal bar chart, laid out for a server-rendered SVG; the same rows make its table."""

    slug: str
    title: str
    description: str
    label_heading: str
    value_heading: str
    rows: list[Row] = field(default_factory=list)

    def __post_init__(self):
        largest = max((row.value for row in self.rows), default=0) or 1
        for index, row in enumerate(self.rows):
            row.y = index * ROW_HEIGHT
            row.width = round(BAR_AREA * row.value / largest, 1)

    @property
    def height(self):
        return max(len(self.rows), 1) * ROW_HEIGHT

    @property
    def label_width(self):
        return LABEL_WIDTH

    @property
    def width(self):
        return CHART_WIDTH


def participation_figures(meetings) -> dict:
    meetings = sorted(meetings, key=lambda meeting: meeting.start_date)
    participants_by_year: Counter = Counter()
    counted_meetings = 0
    for meeting in meetings:
        if meeting.participants is not None:
            participants_by_year[meeting.start_date.year] += meeting.participants
            counted_meetings += 1

    countries_seen: set[str] = set()
    running_total: dict[int, int] = {}
    for meeting in meetings:
        countries_seen.update(str(country) for country in meeting.countries_represented)
        running_total[meeting.start_date.year] = len(countries_seen)
    regions = Counter(region_of(code) for code in countries_seen)

    participants_chart = Chart(
        "participants",
        _("Participants per year"),
        _("Number of policymakers who took part in the programme each year, at meetings where it was recorded."),
        _("Year"),
        _("Participants"),
        [Row(str(year), count) for year, count in sorted(participants_by_year.items())],
    )
    regions_chart = Chart(
        "regions",
        _("Countries per world region"),
        _("Number of different countries participants came from, by UN world region."),
        _("Region"),
        _("Countries"),
        [Row(region_name(region), regions[region]) for region in REGIONS if regions[region]],
    )
    running_chart = Chart(
        "running-total",
        _("Countries reached, running total"),
        _("Number of different countries that have taken part since the programme began, at the end of each year."),
        _("Year"),
        _("Countries"),
        [Row(str(year), total) for year, total in sorted(running_total.items()) if total],
    )
    return {
        "charts": [chart for chart in (participants_chart, regions_chart, running_chart) if chart.rows],
        "countries_total": len(countries_seen),
        "participants_total": sum(participants_by_year.values()),
        "meetings_counted": counted_meetings,
        "meetings_total": len(meetings),
    }
