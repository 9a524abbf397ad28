"""Admin registration for the site-wide snippets."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from website.models import FooterText, NavigationMenu
from website.permissions import LanguagePermissionPolicy, LanguageRestrictedSnippetViewSet
from website.translation_upload import guarded_upload_pofile, language_guard

# Translators change these snippets in their own languages only (see website.permissions).
register_permission_policy(NavigationMenu, LanguagePermissionPolicy(NavigationMenu))
register_permission_policy(FooterText, LanguagePermissionPolicy(FooterText))


class NavigationMenuViewSet(LanguageRestrictedSnippetViewSet):
    model = NavigationMenu
    icon = "list-ul"
    list_display = ["name", "locale"]
    list_filter = ["locale"]
    search_fields = ["name"]


class FooterTextViewSet(LanguageRestrictedSnippetViewSet):
    model = FooterText
    icon = "doc-full"
    list_display = ["name", "locale"]
    list_filter = ["locale"]
    search_fields = ["name"]


class SiteChromeViewSetGroup(SnippetViewSetGroup):
    items = (NavigationMenuViewSet, FooterTextViewSet)
    menu_icon = "site"
    menu_label = _("Site frame")
    menu_name = "site-frame"


register_snippet(SiteChromeViewSetGroup)


@hooks.register("register_admin_urls")
def guard_po_upload():
    """Checked before wagtail-localize's own URL for the same path (this app's hooks are registered first)."""
    from wagtail_localize.views import edit_translation

    return [
        path("localize/translate/<int:translation_id>/pofile/upload/", guarded_upload_pofile),
        path(
            "localize/translate/<int:translation_id>/strings/<int:string_segment_id>/edit/",
            language_guard(edit_translation.edit_string_translation),
        ),
        path(
            "localize/translate/<int:translation_id>/overrides/<int:overridable_segment_id>/edit/",
            language_guard(edit_translation.edit_override),
        ),
        path(
            "localize/translate/<int:translation_id>/machine_translate/",
            language_guard(edit_translation.machine_translate),
        ),
    ]


@hooks.register("before_edit_page")
def warn_about_stale_translation(request, page):
    """Editors opening a translation see when its English original has changed since it was translated."""
    from django.contrib import messages
    from django.utils.formats import date_format

    from website.translation_status import stale_translation

    stale = stale_translation(page)
    if stale and request.method == "GET":
        messages.warning(
            request,
            _(
                "The original of this page was published on %(date)s, after this translation was last synced. "
                "Use “Sync translated pages” on the original to bring in the changes."
            )
            % {"date": date_format(stale.changed_at, "DATETIME_FORMAT")},
        )


@hooks.register("register_admin_urls")
def translation_coverage_url():
    from website.views_admin import TranslationCoverageView

    return [path("reports/translation-coverage/", TranslationCoverageView.as_view(), name="translation_coverage")]


@hooks.register("register_reports_menu_item")
def translation_coverage_menu_item():
    from django.urls import reverse
    from wagtail.admin.menu import AdminOnlyMenuItem

    return AdminOnlyMenuItem(_("Translation coverage"), reverse("translation_coverage"), icon_name="site", order=900)


@hooks.register("register_admin_urls")
def search_terms_url():
    from website.search.views import SearchTermsReportView

    return [path("reports/search-terms/", SearchTermsReportView.as_view(), name="search_terms")]


@hooks.register("register_reports_menu_item")
def search_terms_menu_item():
    from django.urls import reverse
    from wagtail.admin.menu import MenuItem

    return MenuItem(_("Search terms"), reverse("search_terms"), icon_name="search", order=910)
