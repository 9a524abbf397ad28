"""Site-wide page types and settings: the home page, standard pages, navigation and footer."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from website.blocks import RICH_TEXT_FEATURES, BaseContentBlocks
from website.routing import DirectRoutingMixin
from website.workflows import ReviewedSnippet


class IntroducedPage(Page):
    """A page of an introduction (a sentence or two) and a body of shared content blocks.

    The home page, standard pages and the programme page are all this shape; they differ in where
    they sit in the tree and what they list around the text.
    """

    introduction = RichTextField(
        _("introduction"), features=RICH_TEXT_FEATURES, blank=True, help_text=_("One or two sentences.")
    )
    body = StreamField(BaseContentBlocks(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("introduction"), index.SearchField("body")]

    class Meta:
        abstract = True


class HomePage(DirectRoutingMixin, IntroducedPage):
    """The root of each language's site: what the programme is, and where to go next."""

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1
    template = "website/home_page.html"

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")


class StandardPage(IntroducedPage):
    """A page of prose: about the site, privacy, accessibility and the like."""

    parent_page_types = ["website.HomePage", "website.StandardPage"]
    subpage_types = ["website.StandardPage"]
    template = "website/standard_page.html"

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")


class NavigationMenu(ReviewedSnippet, TranslatableMixin, ClusterableModel):
    """The main menu. Translated with wagtail-localize; the pages it links to follow the reader's language."""

    # Every page shows it: a change renews every cached page (website.page_cache).
    page_cache_shown_everywhere = True

    name = models.CharField(_("name"), max_length=100, help_text=_("For editors only."))

    panels = [FieldPanel("name"), InlinePanel("items", label=_("Menu items"))]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("navigation menu")
        verbose_name_plural = _("navigation menus")

    def __str__(self):
        return self.name


class NavigationMenuItem(TranslatableMixin, Orderable):
    menu = ParentalKey(NavigationMenu, on_delete=models.CASCADE, related_name="items")
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    label = models.CharField(_("label"), max_length=60, blank=True, help_text=_("Leave empty to use the page's title."))

    panels = [PageChooserPanel("page"), FieldPanel("label")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("menu item")
        verbose_name_plural = _("menu items")

    def __str__(self):
        return self.label or str(self.page)


class FooterText(ReviewedSnippet, TranslatableMixin, models.Model):
    """The footer's text (who runs the site, a contact line), translated like any snippet."""

    # Every page shows it: a change renews every cached page (website.page_cache).
    page_cache_shown_everywhere = True

    name = models.CharField(_("name"), max_length=100, help_text=_("For editors only."))
    body = RichTextField(_("text"), features=RICH_TEXT_FEATURES)

    panels = [FieldPanel("name"), FieldPanel("body")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("footer text")
        verbose_name_plural = _("footer texts")

    def __str__(self):
        return self.name


@register_setting(icon="cogs")
class SiteChromeSettings(BaseSiteSetting):
    """Which navigation menu and footer the site shows; each reader sees their language's translation."""

    # Every page shows it: a change renews every cached page (website.page_cache).
    page_cache_shown_everywhere = True

    navigation_menu = models.ForeignKey(
        NavigationMenu,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("navigation menu"),
    )
    footer_text = models.ForeignKey(
        FooterText,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("footer text"),
    )

    panels = [FieldPanel("navigation_menu"), FieldPanel("footer_text")]
    select_related = ["navigation_menu", "footer_text"]

    class Meta:
        verbose_name = _("navigation and footer")


from website.content.models import SeededContentFile  # noqa: E402,F401 - registered with the website app
from website.search.models import SearchFacts, SearchQueryStat  # noqa: E402,F401 - registered with the website app
