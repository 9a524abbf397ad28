"""The knowledge base: topics, explainers and the glossary, with RFC and working-group references.

RFCs and working groups are facts, not prose: they are not translated. Explainers link to them
through ordered child rows, which wagtail-localize copies into every translation as they are
(synchronised), so an RFC added in English shows in every language.
"""

import datetime
import re
from functools import cached_property

from django.conf import settings
from django.db import models
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from knowledge.blocks import ExplainerBlocks
from website.blocks import RICH_TEXT_FEATURES, anchor_for, table_of_contents
from website.locales import content_language_of
from website.queries import linked_pages_in_language, public_pages
from website.text import HAN_CHARACTER, is_han
from website.workflows import ReviewedSnippet

TOPICS = [
    ("dns", _("Domain Name System")),
    ("routing", _("IP routing")),
    ("interconnection", _("Interconnection and traffic exchange")),
    ("security-privacy", _("Security and privacy protocols")),
    ("qos", _("Quality of service")),
    ("open-standards", _("Open standards processes")),
]

LEVELS = [
    ("introductory", _("Introductory")),
    ("intermediate", _("Intermediate")),
    ("advanced", _("Advanced")),
]

RFC_STATUSES = [
    ("internet-standard", _("Internet Standard")),
    ("draft-standard", _("Draft Standard")),
    ("proposed-standard", _("Proposed Standard")),
    ("best-current-practice", _("Best Current Practice")),
    ("informational", _("Informational")),
    ("experimental", _("Experimental")),
    ("historic", _("Historic")),
]

IETF_AREAS = [
    ("art", _("Applications and Real-Time Area")),
    ("gen", _("General Area")),
    ("int", _("Internet Area")),
    ("ops", _("Operations and Management Area")),
    ("rtg", _("Routing Area")),
    ("sec", _("Security Area")),
    ("wit", _("Web and Internet Transport Area")),
    ("irtf", _("Internet Research Task Force")),
]

# Reading speed by language: words a minute, or characters a minute for Chinese, which is
# not written with spaces between words.
READING_RATES = {"en": 220, "fr": 200, "es": 210, "pt": 200, "ru": 180, "ar": 160}
CHINESE_CHARACTERS_PER_MINUTE = 300
WORD = re.compile(r"\w+")


class Rfc(ReviewedSnippet, index.Indexed, models.Model):
    """An RFC the explainers cite. A fact: the same in every language.

    Reviewed like the glossary (drafts, revisions to compare and restore, the editorial review):
    an editor's change reaches readers when a moderator publishes it."""

    number = models.PositiveIntegerField(_("number"), unique=True)
    title = models.CharField(_("title"), max_length=255)
    year = models.PositiveSmallIntegerField(_("year"))
    status = models.CharField(_("status"), max_length=32, choices=RFC_STATUSES)
    topic = models.CharField(_("topic"), max_length=32, choices=TOPICS, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("number"), FieldPanel("year")]),
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("status"), FieldPanel("topic")]),
    ]
    search_fields = [
        index.SearchField("title"),
        index.AutocompleteField("title"),
        index.SearchField("number"),
        # Editors look an RFC up by its number, as "1034", "RFC 1034" or "rfc1034" (choosers autocomplete).
        index.AutocompleteField("reference"),
        index.FilterField("topic"),
        index.FilterField("year"),
    ]

    class Meta:
        ordering = ["number"]
        verbose_name = _("RFC")
        verbose_name_plural = _("RFCs")

    def __str__(self):
        return f"RFC {self.number}: {self.title}"

    @property
    def reference(self) -> str:
        return f"RFC {self.number} RFC{self.number}"

    @property
    def url(self):
        return f"https://www.rfc-editor.org/rfc/rfc{self.number}"


class WorkingGroup(ReviewedSnippet, index.Indexed, models.Model):
    """An IETF working group (or IRTF research group). A fact: the same in every language, reviewed as RFCs are."""

    acronym = models.SlugField(_("acronym"), max_length=32, unique=True)
    name = models.CharField(_("name"), max_length=200)
    area = models.CharField(_("area"), max_length=8, choices=IETF_AREAS)

    panels = [FieldRowPanel([FieldPanel("acronym"), FieldPanel("area")]), FieldPanel("name")]
    search_fields = [
        index.SearchField("acronym", boost=2),
        index.SearchField("name"),
        index.AutocompleteField("acronym"),  # the chooser searches as one types: "dnsop" finds DNSOP
        index.AutocompleteField("name"),
        index.FilterField("area"),
    ]

    class Meta:
        ordering = ["acronym"]
        verbose_name = _("working group")
        verbose_name_plural = _("working groups")

    def __str__(self):
        return f"{self.acronym.upper()}: {self.name}"

    @property
    def url(self):
        return f"https://datatracker.ietf.org/wg/{self.acronym}/about/"


class GlossaryTerm(ReviewedSnippet, TranslatableMixin, index.Indexed, ClusterableModel):
    """A term a policymaker meets, defined in plain words. Translated with wagtail-localize."""

    term = models.CharField(_("term"), max_length=120)
    abbreviation = models.CharField(
        _("abbreviation"), max_length=30, blank=True, help_text=_("The short form readers meet, e.g. DNS.")
    )
    definition = models.TextField(_("definition"), help_text=_("Plain language, 25 to 60 words."))
    policy_angle = models.TextField(_("policy angle"), blank=True, help_text=_("Why a policymaker should care."))
    variants = models.TextField(
        _("approved variants"),
        blank=True,
        help_text=_(
            "Other approved ways of writing this term in this language, one per line: a synonym, a short form, an "
            "irregular plural. The terminology check accepts them beside the term and its abbreviation; regular "
            "inflections need no line."
        ),
    )

    # What wagtail-localize would derive, without ``variants``: each language's variants are its own, not
    # translations of the English ones, so they are neither translated nor synchronised and a translation keeps
    # them whenever the English term is synchronised again. (An overridable synchronised field would be the
    # natural choice, but wagtail-localize 1.14 extracts no overridable segment for an empty English value, and
    # most English terms have no variant.) Translators edit them from Reports > Terminology.
    translatable_fields = [
        SynchronizedField("first_published_at"),
        SynchronizedField("go_live_at"),
        SynchronizedField("expire_at"),
        TranslatableField("term"),
        TranslatableField("abbreviation"),
        TranslatableField("definition"),
        TranslatableField("policy_angle"),
        SynchronizedField("related_explainers"),
    ]

    panels = [
        FieldRowPanel([FieldPanel("term"), FieldPanel("abbreviation")]),
        FieldPanel("definition"),
        FieldPanel("policy_angle"),
        FieldPanel("variants"),
        InlinePanel("related_explainers", label=_("Related explainers")),
    ]
    search_fields = [
        index.SearchField("term", boost=3),
        index.SearchField("abbreviation", boost=3),
        index.SearchField("definition"),
        index.AutocompleteField("term"),
        index.FilterField("locale"),
        index.FilterField("live"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["term"]
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary terms")

    def __str__(self):
        return f"{self.term} ({self.abbreviation})" if self.abbreviation else self.term

    @property
    def anchor(self):
        return anchor_for(self.abbreviation or self.term)

    search_result_template = "knowledge/includes/glossary_search_result.html"

    def search_facts(self):
        return {"kind": "glossary", "topics": [], "date": None}

    def matches_exactly(self, query: str) -> bool:
        """Whether a reader typed this very term or its abbreviation (search then shows the definition first)."""
        wanted = query.strip().casefold()
        return wanted in {self.term.casefold(), self.abbreviation.casefold()} - {""}

    def get_url(self, request=None):
        """The term's entry on the glossary page of its language."""
        glossary = GlossaryPage.objects.live().filter(locale_id=self.locale_id).first()
        return f"{glossary.get_url(request)}#{self.anchor}" if glossary else None

    @property
    def letter(self):
        """The heading the glossary page files this term under: its first letter in alphabetic scripts.

        Chinese has no alphabet to file by, so Chinese terms share one group (sorted by their text).
        """
        first = self.term[:1]
        if first.isalpha() and not is_han(first):
            return first.upper()
        return "·"

    def page_cache_references_shown_on(self):
        """The glossary pages that list this term: its language's, and every language's while the English term
        stands in for an untranslated one (``GlossaryPage.terms_by_letter``). Pages cached by website.page_cache."""
        glossaries = GlossaryPage.objects.all()
        if self.locale.language_code != settings.LANGUAGE_CODE:
            glossaries = glossaries.filter(locale_id=self.locale_id)
        return glossaries.values_list("pk", flat=True)

    def page_cache_shown_on(self):
        """The glossary pages, and the explainers of its language that mark glossary terms."""
        explainers = ExplainerPage.objects.filter(locale_id=self.locale_id, glossary_help=True)
        return [*self.page_cache_references_shown_on(), *explainers.values_list("pk", flat=True)]


class GlossaryTermExplainer(Orderable):
    term = ParentalKey(GlossaryTerm, on_delete=models.CASCADE, related_name="related_explainers")
    explainer = models.ForeignKey("knowledge.ExplainerPage", on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("explainer", "knowledge.ExplainerPage")]


class TopicIndexPage(Page):
    """The knowledge base's front page: the six topics and the glossary."""

    introduction = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    parent_page_types = ["website.HomePage"]
    subpage_types = ["knowledge.TopicPage", "knowledge.GlossaryPage"]
    max_count_per_parent = 1
    template = "knowledge/topic_index_page.html"

    class Meta:
        verbose_name = _("knowledge base")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["topics"] = public_pages(TopicPage.objects.child_of(self).live()).order_by("path")
        context["glossary"] = public_pages(GlossaryPage.objects.child_of(self).live()).first()
        return context


class TopicPage(Page):
    """One of the programme's six topics, with its explainers."""

    topic = models.CharField(_("topic"), max_length=32, choices=TOPICS)
    introduction = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("topic"), FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction"), index.FilterField("topic")]

    def search_facts(self):
        # A topic is the knowledge base's overview of its field: weighed like an explainer, not like other pages.
        return {"kind": "page", "topics": [self.topic], "date": None, "prior": 1.0}

    parent_page_types = ["knowledge.TopicIndexPage"]
    subpage_types = ["knowledge.ExplainerPage"]
    template = "knowledge/topic_page.html"

    class Meta:
        verbose_name = _("topic")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        explainers = list(public_pages(ExplainerPage.objects.child_of(self).live()).order_by("path"))
        context["levels"] = [
            (label, [explainer for explainer in explainers if explainer.level == value]) for value, label in LEVELS
        ]
        return context


class ExplainerPage(Page):
    """A plain-language explainer: summary first, why it matters, then the body and its references."""

    summary = models.TextField(_("in brief"), help_text=_("The whole explainer in 40 to 80 words."))
    why_it_matters = RichTextField(_("why it matters for policy"), features=RICH_TEXT_FEATURES)
    body = StreamField(ExplainerBlocks(), verbose_name=_("body"))
    level = models.CharField(_("audience level"), max_length=16, choices=LEVELS, default="introductory")
    last_reviewed = models.DateField(_("last reviewed"), default=datetime.date.today)
    glossary_help = models.BooleanField(
        _("glossary help"),
        default=True,
        help_text=_("Mark glossary terms in the text with their definitions."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("why_it_matters"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                InlinePanel("rfc_links", label=_("RFCs")),
                InlinePanel("working_group_links", label=_("Working groups")),
            ],
            heading=_("References"),
        ),
        InlinePanel("related_links", label=_("Related explainers")),
    ]
    settings_panels = Page.settings_panels + [
        FieldRowPanel([FieldPanel("level"), FieldPanel("last_reviewed")]),
        FieldPanel("glossary_help"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("why_it_matters"),
        index.SearchField("body"),
        index.FilterField("level"),
    ]
    parent_page_types = ["knowledge.TopicPage"]
    subpage_types = []
    template = "knowledge/explainer_page.html"

    class Meta:
        verbose_name = _("explainer")
        verbose_name_plural = _("explainers")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Only published ones: an RFC an editor has added but no moderator has published yet stays out.
        context["rfcs"] = [link.rfc for link in self.rfc_links.select_related("rfc") if link.rfc.live]
        context["working_groups"] = [
            link.working_group
            for link in self.working_group_links.select_related("working_group")
            if link.working_group.live
        ]
        context["related_explainers"] = self.related_in_own_language()
        # The parent is already known from routing (see website.routing), so this costs no query.
        context["topic"] = self.get_parent()
        return context

    def search_facts(self):
        topic = TopicPage.objects.filter(path=self.path[: -self.steplen]).values_list("topic", flat=True).first()
        return {
            "kind": "explainer",
            "topics": [topic] if topic else [],
            "date": self.last_reviewed,
            "introductory": self.level == "introductory",
        }

    def related_in_own_language(self):
        """Related explainers in this page's language, in the editor's order (one query); none before the page
        is first saved (a preview of a new explainer)."""
        if self.pk is None:
            return []
        links = ExplainerRelated.objects.filter(page=self)
        return linked_pages_in_language(ExplainerPage, links, "explainer", self.locale_id)

    @cached_property
    def plain_text(self) -> str:
        parts = [self.title, self.summary, strip_tags(self.why_it_matters)]
        for block in self.body:
            parts.extend(str(text) for text in block.block.get_searchable_content(block.value))
        return " ".join(strip_tags(part) for part in parts)

    @property
    def reading_minutes(self) -> int:
        """Minutes to read, from the page's own text at a reading speed for its language."""
        text = self.plain_text
        language = content_language_of(self)
        if language.startswith("zh"):
            units = len(HAN_CHARACTER.findall(text)) + len(WORD.findall(HAN_CHARACTER.sub(" ", text)))
            rate = CHINESE_CHARACTERS_PER_MINUTE
        else:
            units = len(WORD.findall(text))
            rate = READING_RATES.get(language, READING_RATES["en"])
        return max(1, round(units / rate))

    # Ids explainer_page.html gives its own sections; body headings never take them.
    reserved_anchors = frozenset({"in-brief", "toc-heading", "why-it-matters", "references", "related"})

    @property
    def table_of_contents(self):
        return table_of_contents(self)


class ExplainerRfc(Orderable):
    page = ParentalKey(ExplainerPage, on_delete=models.CASCADE, related_name="rfc_links")
    rfc = models.ForeignKey(Rfc, on_delete=models.CASCADE, related_name="+", verbose_name=_("RFC"))
    panels = [FieldPanel("rfc")]


class ExplainerWorkingGroup(Orderable):
    page = ParentalKey(ExplainerPage, on_delete=models.CASCADE, related_name="working_group_links")
    working_group = models.ForeignKey(
        WorkingGroup, on_delete=models.CASCADE, related_name="+", verbose_name=_("working group")
    )
    panels = [FieldPanel("working_group")]


class ExplainerRelated(Orderable):
    page = ParentalKey(ExplainerPage, on_delete=models.CASCADE, related_name="related_links")
    explainer = models.ForeignKey(
        ExplainerPage, on_delete=models.CASCADE, related_name="+", verbose_name=_("explainer")
    )
    panels = [PageChooserPanel("explainer", "knowledge.ExplainerPage")]


class GlossaryPage(Page):
    """The glossary from A to Z, in the page's language."""

    introduction = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    parent_page_types = ["knowledge.TopicIndexPage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "knowledge/glossary_page.html"

    class Meta:
        verbose_name = _("glossary")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["letters"] = self.terms_by_letter()
        return context

    def page_cache_shown_on(self, change):
        """Explainers link the terms they mark to the glossary of their language (website.page_cache)."""
        if not change.moved and not change.shown_differently:
            return []
        return ExplainerPage.objects.filter(locale_id=self.locale_id, glossary_help=True).values_list("pk", flat=True)

    def terms_by_letter(self):
        """The glossary in the page's content language; a term not translated yet is shown in English,
        marked with its language (``other_language``), so no entry is missing and none passes as translated."""
        language = content_language_of(self)
        terms = list(GlossaryTerm.objects.filter(locale__language_code=language, live=True))
        if language != settings.LANGUAGE_CODE:
            have = {term.translation_key for term in terms}
            for term in GlossaryTerm.objects.filter(locale__language_code=settings.LANGUAGE_CODE, live=True).exclude(
                translation_key__in=have
            ):
                term.other_language = settings.LANGUAGE_CODE
                terms.append(term)
        terms.sort(key=lambda term: term.term.casefold())
        letters: dict[str, list] = {}
        for term in terms:
            letters.setdefault(term.letter, []).append(term)
        return letters
