"""Admin listings of IETF meetings and meeting reports."""

import django_filters
from django.forms import RadioSelect
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.pages.listing import IndexView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.pages import PageListingViewSet

from knowledge.models import TOPICS
from programme.models import MeetingPage, MeetingReportPage
from website.admin_columns import LanguageColumn, with_absolute_dates
from website.admin_filters import TranslatedPageFilterSet
from website.search.kinds import SearchKind


class MeetingFilterSet(TranslatedPageFilterSet):
    class Meta:
        model = MeetingPage
        fields = []


class MeetingListingViewSet(PageListingViewSet):
    """Meetings newest first, by IETF number: the way the programme and the IETF name and count them."""

    model = MeetingPage
    icon = "date"
    menu_label = _("IETF meetings")
    columns = with_absolute_dates(
        [
            *IndexView.base_columns,
            Column("number", label=_("IETF"), sort_key="number"),
            DateColumn("start_date", label=_("First day"), sort_key="start_date"),
            Column("participants", label=_("Participants")),
            LanguageColumn(),
        ]
    )
    ordering = "-number"
    filterset_class = MeetingFilterSet


class ReportFilterSet(TranslatedPageFilterSet):
    topic = django_filters.ChoiceFilter(
        label=_("Topic"), choices=TOPICS, method="filter_topic", empty_label=_("Any"), widget=RadioSelect
    )

    class Meta:
        model = MeetingReportPage
        fields = []

    def filter_topic(self, queryset, name, value):
        """A report covers the topics of its highlights (kept in its ``topics`` list)."""
        return queryset.filter(topics__contains=[value])


class ReportListingViewSet(PageListingViewSet):
    model = MeetingReportPage
    icon = "doc-full"
    menu_label = _("Meeting reports")
    columns = with_absolute_dates(
        [
            *IndexView.base_columns,
            DateColumn("date_published", label=_("Published"), sort_key="date_published"),
            LanguageColumn(),
        ]
    )
    filterset_class = ReportFilterSet


class ProgrammeViewSetGroup(ViewSetGroup):
    items = (MeetingListingViewSet("meetings"), ReportListingViewSet("reports"))
    menu_icon = "calendar-alt"
    menu_label = _("Programme")
    menu_name = "programme"
    menu_order = 160


@hooks.register("register_admin_viewset")
def register_programme_listings():
    return ProgrammeViewSetGroup()


@hooks.register("register_search_kind")
def report_search_kind():
    """Reports are filtered by the year they were published in, and weigh less as they age; a report mentions a
    subject, an explainer explains it."""
    return SearchKind("report", _("Meeting report"), _("Meeting reports"), order=20, by_year=True, prior=0.6)


@hooks.register("register_search_kind")
def programme_search_kind():
    return SearchKind("programme", _("Programme page"), _("Programme pages"), order=30, prior=0.7)
