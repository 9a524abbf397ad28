"""The programme: its own page, one page per IETF meeting it attended, and meeting reports.

Meeting facts (IETF number, dates, countries, participants) are synchronised into every
translation by wagtail-localize; only text is translated. Participation figures are computed
from these pages (see ``programme.participation``), never typed in.
"""

import datetime

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from knowledge.models import TOPICS, ExplainerPage
from programme.blocks import AgendaBlocks, HighlightBlocks, MilestoneBlocks, ObservedSessionBlocks
from programme.calendar import meetings_calendar
from programme.feeds import ReportsAtomFeed, ReportsRssFeed
from programme.participation import participation_figures, upcoming
from website.blocks import RICH_TEXT_FEATURES
from website.models import IntroducedPage
from website.queries import linked_pages_in_language, public_pages
from website.text import whole_number

REPORTS_PER_PAGE = 10


class ProgrammePage(RoutablePageMixin, IntroducedPage):
    """What the programme is for, who takes part, and the meetings it has attended."""

    milestones = StreamField(
        MilestoneBlocks(),
        blank=True,
        verbose_name=_("participation milestones"),
        help_text=_(
            "Published counts of everyone who has taken part so far, each with its source: the page charts the "
            "programme's growth from these."
        ),
    )

    content_panels = IntroducedPage.content_panels + [FieldPanel("milestones")]
    parent_page_types = ["website.HomePage"]
    subpage_types = ["programme.MeetingPage"]
    max_count_per_parent = 1
    template = "programme/programme_page.html"

    class Meta:
        verbose_name = _("programme page")

    def search_facts(self):
        published = self.last_published_at
        return {"kind": "programme", "topics": [], "date": published.date() if published else None}

    def meetings(self):
        return public_pages(MeetingPage.objects.child_of(self).live()).order_by("-number")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["meetings"] = list(self.meetings())
        context["next_meeting"] = upcoming(context["meetings"])
        context["figures"] = participation_figures(context["meetings"], [block.value for block in self.milestones])
        return context

    def get_cached_paths(self):
        """What a CDN keeps of this page: the page and its calendar (purged together when either changes)."""
        return ["/", "calendar/"]

    @path("calendar/", name="calendar")
    def calendar(self, request):
        return meetings_calendar(request, self.meetings())


# What a source says the programme did at a meeting (empty: nothing on record).
PROGRAMME_FORMS = [
    ("guests", _("Policy guests attended the meeting")),
    ("programme", _("The programme ran at the meeting, on site")),
    ("roundtable", _("A policy roundtable was held at the meeting")),
]
DATATRACKER_MEETING = "https://datatracker.ietf.org/meeting/{number}/"


class MeetingPage(RoutablePageMixin, Page):
    """One IETF meeting the programme took part in."""

    number = models.PositiveIntegerField(_("IETF number"))
    city = models.CharField(_("city"), max_length=100, blank=True, help_text=_("Empty for a meeting held online."))
    country = CountryField(_("country"), blank=True, help_text=_("Empty for a meeting held online."))
    start_date = models.DateField(_("first day"))
    end_date = models.DateField(_("last day"))
    online = models.BooleanField(_("held online"), default=False)
    countries_represented = CountryField(
        _("countries represented"), multiple=True, blank=True, help_text=_("Countries of the participants.")
    )
    participants = models.PositiveSmallIntegerField(
        _("participants"), null=True, blank=True, help_text=_("Leave empty when the number is not known.")
    )
    agenda = StreamField(AgendaBlocks(), blank=True, verbose_name=_("agenda"))
    programme_form = models.CharField(
        _("the programme at this meeting"),
        max_length=20,
        choices=PROGRAMME_FORMS,
        blank=True,
        help_text=_("Only what a source says; leave empty when nothing is on record."),
    )
    programme_note = models.TextField(
        _("what is on record"), blank=True, help_text=_("One or two sentences, from the source below.")
    )
    programme_source = models.CharField(_("source"), max_length=200, blank=True)
    programme_source_url = models.URLField(_("source address"), blank=True)

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("number"), FieldPanel("online")]),
                FieldRowPanel([FieldPanel("city"), FieldPanel("country")]),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
            ],
            heading=_("Meeting"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("programme_form"),
                FieldPanel("programme_note"),
                FieldRowPanel([FieldPanel("programme_source"), FieldPanel("programme_source_url")]),
                FieldPanel("participants"),
                FieldPanel("countries_represented"),
            ],
            heading=_("The programme at this meeting"),
        ),
        FieldPanel("agenda"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("city"),
        index.SearchField("programme_note"),
        index.FilterField("number"),
        index.FilterField("start_date"),
    ]
    parent_page_types = ["programme.ProgrammePage"]
    subpage_types = []
    template = "programme/meeting_page.html"

    def search_facts(self):
        return {"kind": "programme", "topics": [], "date": self.start_date}

    class Meta:
        verbose_name = _("IETF meeting")
        verbose_name_plural = _("IETF meetings")

    def clean(self):
        super().clean()
        if not self.online and not self.city:
            raise ValidationError({"city": _("Give the city, or mark the meeting as held online.")})
        if self.end_date and self.start_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The last day cannot be before the first day.")})
        duplicates = MeetingPage.objects.filter(number=self.number, locale_id=self.locale_id).exclude(pk=self.pk)
        if self.number and duplicates.exists():
            raise ValidationError({"number": _("There is already a page for this IETF meeting.")})

    @property
    def place(self):
        return _("Online") if self.online else self.city

    def report(self):
        """This meeting's report in the same language, if one is published."""
        return public_pages(
            MeetingReportPage.objects.live().filter(
                meeting__translation_key=self.translation_key, locale_id=self.locale_id
            )
        ).first()

    @property
    def datatracker_url(self):
        """The IETF's own page for this meeting."""
        return DATATRACKER_MEETING.format(number=self.number)

    @path("calendar/", name="calendar")
    def calendar(self, request):
        """This meeting alone, as a calendar file."""
        return meetings_calendar(request, [self], filename=f"ietf-{self.number}.ics")

    def get_cached_paths(self):
        return ["/", "calendar/"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["report"] = self.report()
        return context


class MeetingReportIndexPage(RoutablePageMixin, Page):
    """All meeting reports, newest first, with filters by year and topic, and feeds."""

    introduction = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    parent_page_types = ["website.HomePage"]
    subpage_types = ["programme.MeetingReportPage"]
    max_count_per_parent = 1
    template = "programme/meeting_report_index_page.html"

    class Meta:
        verbose_name = _("meeting report index")

    def reports(self):
        return (
            public_pages(MeetingReportPage.objects.child_of(self).live())
            .select_related("meeting")
            .order_by("-date_published", "-pk")
        )

    def get_cached_paths(self):
        """What a CDN keeps of this page: the list and its feeds (purged together when a report changes)."""
        return ["/", "feed/rss/", "feed/atom/"]

    @path("")
    def index(self, request):
        """The list, filtered by ``year`` and ``topic``. Unknown or malformed values are ignored."""
        reports = self.reports()
        years = [date.year for date in reports.dates("date_published", "year", order="DESC")]
        year = request.GET.get("year", "")
        year = whole_number(year, max_digits=4)
        year = year if year in years else None
        topic = request.GET.get("topic", "")
        topic = topic if topic in dict(TOPICS) else None
        if year:
            reports = reports.filter(date_published__year=year)
        if topic:
            reports = reports.filter(topics__contains=[topic])
        # get_page: a malformed number gives the first page, one past the end the last page.
        page_of_reports = Paginator(reports, REPORTS_PER_PAGE).get_page(request.GET.get("page"))
        return self.render(
            request,
            context_overrides={
                "reports": page_of_reports,
                "years": years,
                "topics": TOPICS,
                "selected_year": year,
                "selected_topic": topic,
            },
        )

    @path("feed/rss/", name="rss")
    def rss(self, request):
        return ReportsRssFeed(self)(request)

    @path("feed/atom/", name="atom")
    def atom(self, request):
        return ReportsAtomFeed(self)(request)

    @path("feed/")
    def feed(self, request):
        return redirect(self.url + self.reverse_subpage("rss"), permanent=True)


class MeetingReportPage(Page):
    """What happened at one IETF meeting that matters for policy."""

    meeting = models.ForeignKey(
        MeetingPage, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("meeting")
    )
    authors = models.CharField(_("authors"), max_length=255)
    date_published = models.DateField(_("date published"), default=datetime.date.today)
    summary = models.TextField(_("summary"))
    introduction = RichTextField(_("opening"), features=RICH_TEXT_FEATURES, blank=True)
    highlights = StreamField(HighlightBlocks(), verbose_name=_("highlights"))
    sessions = StreamField(ObservedSessionBlocks(), blank=True, verbose_name=_("sessions observed"))
    policy = RichTextField(_("what it means for policy"), features=RICH_TEXT_FEATURES)
    topics = models.JSONField(_("topics"), default=list, editable=False)

    content_panels = Page.content_panels + [
        FieldRowPanel([PageChooserPanel("meeting", "programme.MeetingPage"), FieldPanel("date_published")]),
        FieldPanel("authors"),
        FieldPanel("summary"),
        FieldPanel("introduction"),
        FieldPanel("highlights"),
        FieldPanel("sessions"),
        FieldPanel("policy"),
        InlinePanel("related_links", label=_("Related explainers")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("introduction"),
        index.SearchField("highlights"),
        index.SearchField("policy"),
        index.FilterField("date_published"),
    ]
    parent_page_types = ["programme.MeetingReportIndexPage"]
    subpage_types = []
    template = "programme/meeting_report_page.html"

    def search_facts(self):
        return {"kind": "report", "topics": list(self.topics), "date": self.date_published}

    class Meta:
        verbose_name = _("meeting report")
        verbose_name_plural = _("meeting reports")

    def save(self, *args, **kwargs):
        # The topics a report covers follow from its highlights; kept in a column so the index can filter on them.
        self.topics = sorted({block.value["topic"] for block in self.highlights if block.block_type == "highlight"})
        super().save(*args, **kwargs)

    @property
    def topic_labels(self):
        names = dict(TOPICS)
        return [names[topic] for topic in self.topics if topic in names]

    def page_cache_shown_on(self, change):
        """The meeting's page in the report's language links to the report, and the reports before and after it
        link to it as their next and previous ones (website.page_cache)."""
        neighbours = [report.pk for report in self.neighbours() if report is not None]
        if self.meeting_id is None:
            return neighbours
        meetings = MeetingPage.objects.filter(translation_key=self.meeting.translation_key, locale_id=self.locale_id)
        return [*meetings.values_list("pk", flat=True), *neighbours]

    def neighbours(self):
        """The previous (older) and next (newer) reports published in this language, by date."""
        reports = public_pages(
            MeetingReportPage.objects.live().sibling_of(self, inclusive=False).filter(locale_id=self.locale_id)
        )
        older = reports.filter(date_published__lt=self.date_published).order_by("-date_published", "-pk").first()
        newer = reports.filter(date_published__gt=self.date_published).order_by("date_published", "pk").first()
        return older, newer

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        links = ReportRelatedExplainer.objects.filter(page=self)
        context["related_explainers"] = linked_pages_in_language(ExplainerPage, links, "explainer", self.locale_id)
        meeting = self.meeting
        if meeting is not None and meeting.locale_id != self.locale_id:
            meeting = meeting.get_translation_or_none(self.locale) or meeting
        context["meeting"] = meeting
        context["previous_report"], context["next_report"] = self.neighbours()
        return context


class ReportRelatedExplainer(Orderable):
    page = ParentalKey(MeetingReportPage, on_delete=models.CASCADE, related_name="related_links")
    explainer = models.ForeignKey(
        "knowledge.ExplainerPage", on_delete=models.CASCADE, related_name="+", verbose_name=_("explainer")
    )
    panels = [PageChooserPanel("explainer", "knowledge.ExplainerPage")]
