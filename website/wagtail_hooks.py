"""Admin registration for the site-wide snippets, reports and the sign-in lockouts."""

from django.contrib import messages
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from website.compat import wagtail_localize as localize_compat
from website.dashboard import TranslationWorkPanel, translated_locale_ids, translation_work
from website.models import FooterText, NavigationMenu
from website.permissions import LanguageRestrictedSnippetViewSet, reported_locale_ids
from website.search.views import SearchTermsReportView
from website.sign_in import views as sign_in_views
from website.translation_status import stale_translation
from website.views_admin import TranslationCoverageView, start_translation, translation_editor_actions


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
    """Checked before wagtail-localize's own URLs for the same paths (see website.compat.wagtail_localize)."""
    return localize_compat.admin_url_overrides()


hooks.register("construct_page_action_menu", localize_compat.alias_action_for_publishers_only)
# Before wagtail-localize's own hooks, which take over the editor of a translation.
hooks.register("before_edit_page", translation_editor_actions, order=-1)
hooks.register("before_edit_snippet", translation_editor_actions, order=-1)


@hooks.register("before_edit_page")
def warn_about_stale_translation(request, page):
    """Editors opening a translation see when its English original has changed since it was translated."""
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


@hooks.register("construct_homepage_panels")
def translation_work_panel(request, panels):
    """A translator's dashboard lists what waits for them (reviewers have Wagtail's "Awaiting your review")."""
    if translated_locale_ids(request.user):
        panels.append(TranslationWorkPanel(sections=translation_work(request.user)))


@hooks.register("register_admin_urls")
def translation_coverage_url():
    return [
        path("reports/translation-coverage/", TranslationCoverageView.as_view(), name="translation_coverage"),
        path("translation/start/<int:page_id>/", start_translation, name="start_translation"),
    ]


class TranslationCoverageMenuItem(MenuItem):
    def is_shown(self, request):
        return bool(reported_locale_ids(request.user))


@hooks.register("register_reports_menu_item")
def translation_coverage_menu_item():
    return TranslationCoverageMenuItem(
        _("Translation coverage"), reverse("translation_coverage"), icon_name="site", order=900
    )


@hooks.register("register_admin_urls")
def search_terms_url():
    return [
        path("reports/search-terms/", SearchTermsReportView.as_view(), name="search_terms"),
        path(
            "reports/search-terms/results/",
            SearchTermsReportView.as_view(results_only=True),
            name="search_terms_results",
        ),
    ]


class SearchTermsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("website.view_searchquerystat")


@hooks.register("register_reports_menu_item")
def search_terms_menu_item():
    return SearchTermsMenuItem(
        _("Search terms"), reverse("search_terms"), name="site-search-terms", icon_name="search", order=910
    )


@hooks.register("construct_reports_menu")
def one_search_terms_report(request, menu_items):
    """Wagtail's search promotions bring a "Search terms" report of their own; ours replaces it."""
    menu_items[:] = [item for item in menu_items if item.name != "search-terms"]


@hooks.register("register_admin_urls")
def sign_in_lockouts_urls():
    return [
        path("sign-in-lockouts/", sign_in_views.LockoutsView.as_view(), name="sign_in_lockouts"),
        path("sign-in-lockouts/unlock/", sign_in_views.unlock, name="sign_in_unlock"),
    ]


class SignInLockoutsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(sign_in_views.VIEW_PERMISSION)


@hooks.register("register_settings_menu_item")
def sign_in_lockouts_menu_item():
    return SignInLockoutsMenuItem(
        _("Sign-in lockouts"), reverse("sign_in_lockouts"), name="sign-in-lockouts", icon_name="lock", order=900
    )


@hooks.register("before_serve_page")
def remember_served_page(page, request, serve_args, serve_kwargs):
    """The page cache (``website.page_cache``) keeps only what was served as a Wagtail page."""
    request.page_cache_page = page
