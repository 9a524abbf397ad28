"""Admin for the knowledge base: RFCs, working groups and glossary terms (snippets), and the explainers listing."""

import django_filters
from django.db.models.functions import Length, Substr, Upper
from django.forms import RadioSelect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.pages.listing import IndexView
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from knowledge.dashboard import ExplainersDueForReviewPanel, explainers_due_for_review
from knowledge.glossary import synonym_groups
from knowledge.models import LEVELS, TOPICS, ExplainerPage, GlossaryPage, GlossaryTerm, Rfc, TopicPage, WorkingGroup
from knowledge.terminology_report import TerminologyReportView, VariantsEditView
from website.admin_columns import LanguageColumn, with_absolute_dates
from website.admin_filters import TranslatedPageFilterSet
from website.permissions import LanguageRestrictedSnippetViewSet, reported_locale_ids
from website.search.kinds import SearchKind


class RfcFilterSet(WagtailFilterSet):
    topic = django_filters.ChoiceFilter(label=_("Topic"), choices=TOPICS)
    year = django_filters.NumberFilter(label=_("Year"))

    class Meta:
        model = Rfc
        fields = ["topic", "year", "status"]


class RfcChooserViewSet(SnippetChooserViewSet):
    """An RFC missing from the library can be added from the chooser, without leaving the page."""

    form_fields = ["number", "title", "year", "status", "topic"]
    create_action_label = _("Add an RFC")


class RfcViewSet(SnippetViewSet):
    model = Rfc
    chooser_viewset_class = RfcChooserViewSet
    icon = "doc-full"
    list_display = ["number", "title", "year", "status", "topic"]
    list_per_page = 50
    search_fields = ["title", "number"]
    filterset_class = RfcFilterSet
    ordering = ["number"]


class WorkingGroupViewSet(SnippetViewSet):
    model = WorkingGroup
    icon = "group"
    list_display = ["acronym", "name", "area"]
    list_filter = ["area"]
    list_per_page = 50
    search_fields = ["acronym", "name"]


class GlossaryLetterFilter(django_filters.ChoiceFilter):
    """A to Z: terms whose first letter is the one chosen."""

    def filter(self, queryset, value):
        if not value:
            return queryset
        return queryset.alias(first_letter=Upper("term")).filter(first_letter__startswith=value)


class GlossaryTermFilterSet(WagtailFilterSet):
    letter = GlossaryLetterFilter(
        label=_("Letter"), choices=[(letter, letter) for letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"]
    )

    class Meta:
        model = GlossaryTerm
        fields = ["locale"]


class GlossaryTermViewSet(LanguageRestrictedSnippetViewSet):
    model = GlossaryTerm
    icon = "help"
    list_display = ["term", "abbreviation", "locale"]
    list_per_page = 50
    search_fields = ["term", "abbreviation", "definition"]
    filterset_class = GlossaryTermFilterSet
    ordering = ["term"]


class KnowledgeViewSetGroup(SnippetViewSetGroup):
    items = (GlossaryTermViewSet, RfcViewSet, WorkingGroupViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = _("Knowledge base")
    menu_name = "knowledge"


register_snippet(KnowledgeViewSetGroup)


class ExplainerTopicFilter(django_filters.ChoiceFilter):
    """An explainer's topic is its parent topic page's: explainers whose parent has the topic chosen."""

    def filter(self, queryset, value):
        if not value:
            return queryset
        parents = TopicPage.objects.filter(topic=value).values("path")
        return queryset.alias(parent_path=Substr("path", 1, Length("path") - ExplainerPage.steplen)).filter(
            parent_path__in=parents
        )


class ExplainerFilterSet(TranslatedPageFilterSet):
    topic = ExplainerTopicFilter(label=_("Topic"), choices=TOPICS, empty_label=_("Any"), widget=RadioSelect)
    level = django_filters.ChoiceFilter(
        label=_("Audience level"), choices=LEVELS, empty_label=_("Any"), widget=RadioSelect
    )

    class Meta:
        model = ExplainerPage
        fields = []


class ExplainerListingViewSet(PageListingViewSet):
    """Every explainer in one list, with the columns editors sort and filter them by."""

    model = ExplainerPage
    icon = "doc-full-inverse"
    menu_label = _("Explainers")
    menu_order = 150
    add_to_admin_menu = True
    columns = with_absolute_dates(
        [
            *IndexView.base_columns,
            Column("level", label=_("Level"), accessor="get_level_display", sort_key="level"),
            DateColumn("last_reviewed", label=_("Last reviewed"), sort_key="last_reviewed"),
            LanguageColumn(),
        ]
    )
    filterset_class = ExplainerFilterSet


@hooks.register("register_admin_viewset")
def register_explainer_listing():
    return ExplainerListingViewSet("explainers")


@hooks.register("construct_homepage_panels")
def explainers_due_for_review_panel(request, panels):
    pages = explainers_due_for_review(request.user)
    if pages:
        panels.append(ExplainersDueForReviewPanel(pages))


@hooks.register("register_site_search_model")
def glossary_terms_in_site_search():
    """Readers find glossary terms alongside pages (kind "glossary")."""
    return GlossaryTerm


@hooks.register("register_search_topics")
def knowledge_topics():
    """The six topics, for the search page's topic filter."""
    return TOPICS


@hooks.register("register_search_kind")
def explainer_search_kind():
    return SearchKind("explainer", _("Explainer"), _("Explainers"), order=10)


@hooks.register("register_search_kind")
def glossary_search_kind():
    """A term typed exactly ("DNS", "IETF") is answered with its definition, above the results; otherwise a
    definition answers less than an explainer does."""
    return SearchKind("glossary", _("Glossary term"), _("Glossary terms"), order=40, answers=True, prior=0.8)


@hooks.register("register_search_suggestions")
def glossary_and_topics_when_nothing_is_found(language_code):
    """The glossary and the six topics, in the reader's language, for a search that found nothing."""
    pages = [
        *GlossaryPage.objects.live().filter(locale__language_code=language_code)[:1],
        *TopicPage.objects.live().filter(locale__language_code=language_code).order_by("path"),
    ]
    return [(page.title, page.get_url()) for page in pages]


@hooks.register("register_search_synonyms")
def glossary_search_synonyms(language_code):
    """Each term with its abbreviation and variants: a search for one finds the others."""
    return synonym_groups(language_code)


@hooks.register("register_admin_urls")
def terminology_report_url():
    return [
        path("reports/terminology/", TerminologyReportView.as_view(), name="terminology_report"),
        path("reports/terminology/variants/<int:term_id>/", VariantsEditView.as_view(), name="terminology_variants"),
    ]


class TerminologyMenuItem(MenuItem):
    """Shown to those who see a translation report: editors, and translators and reviewers of a language."""

    def is_shown(self, request):
        return bool(reported_locale_ids(request.user))


@hooks.register("register_reports_menu_item")
def terminology_menu_item():
    return TerminologyMenuItem(_("Terminology"), reverse("terminology_report"), icon_name="doc-full", order=905)
