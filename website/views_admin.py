"""Admin views of the site: the translation coverage report, the translation editor's review actions, starting
a translation."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale, Page
from wagtail_localize.operations import translate_object

from website import locales, review
from website.compat import wagtail_localize as localize_compat
from website.coverage import STATUSES, coverage
from website.permissions import ALL_LANGUAGES, may_edit_locale, reported_locale_ids
from website.text import whole_number
from website.translation_demand import demand


class TranslationCoverageView(WagtailAdminTemplateMixin, TemplateView):
    """Pages and snippets × languages: what is translated, outdated, shown in English, or missing.

    Not a Wagtail ``ReportView``: that lists one queryset, one row per object, and this is a matrix
    of several models (pages, then each translatable snippet) against every language, counted in a
    fixed number of queries. Editors and moderators see every language; translators and reviewers
    their own, without English pages never published (``website.permissions.reported_locale_ids``,
    which the menu item asks too, so the URL opens for exactly those the menu shows it to).
    """

    template_name = "website/admin/translation_coverage.html"
    page_title = _("Translation coverage")
    header_icon = "site"

    def dispatch(self, request, *args, **kwargs):
        self.locale_ids = reported_locale_ids(request.user)
        if not self.locale_ids:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    # No breadcrumbs: Wagtail then heads the page with its title (a slim header names it to screen readers only).
    breadcrumbs_items = []

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        section = self.request.GET.get("section", "")
        section_id = whole_number(section)
        language = self.request.GET.get("language", "")
        every_language = self.locale_ids == ALL_LANGUAGES
        shown = {
            locale.language_code for locale in Locale.objects.all() if every_language or locale.pk in self.locale_ids
        }
        codes = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE and code in shown]
        language = language if language in codes else ""
        may_start = self.request.user.has_perm("wagtail_localize.submit_translation")
        tables, sections = coverage(
            section_id=section_id,
            language=language or None,
            locale_ids=None if every_language else self.locale_ids,
            may_start=may_start,
            drafts=every_language,
        )
        # "Translate next" searches again what readers looked for: for one language at a time.
        demand_code = language or (codes[0] if len(codes) == 1 else "")
        wanted = demand(Locale.objects.get(language_code=demand_code), may_start) if demand_code else None
        context.update(
            {
                "tables": tables,
                "sections": sections,
                "selected_section": section_id,
                "selected_language": language,
                "languages": [(code, name) for code, name in settings.LANGUAGES if code in codes],
                "statuses": STATUSES,
                "demand": wanted,
                "demand_language": dict(settings.LANGUAGES).get(demand_code, ""),
            }
        )
        return context


def translation_editor_actions(request, instance):
    """``before_edit_page``/``before_edit_snippet``, ahead of wagtail-localize's editor: the review actions.

    An alias whose translation has been started (readers keep the English page until it is approved)
    opens in the translation editor.

    "Submit for review" (the editor's main action for those who may not publish) sends the translation to
    its language's reviewers. Publishing (moderators) is refused while segments are untranslated
    (``website.review``). Anything else goes on to wagtail-localize.
    """
    translation = review.translation_of(instance)
    if translation is None:
        return None
    action = request.POST.get("action") if request.method == "POST" else None
    if action == "submit-for-review":
        try:
            state = review.submit_translation_for_review(instance, request.user)
        except review.NotReady as reason:
            messages.error(request, str(reason))
        else:
            messages.success(
                request,
                _("“%(title)s” was sent for review (%(task)s).")
                % {"title": instance, "task": state.current_task_state.task.name},
            )
        return redirect(request.path)
    if action == "publish":
        try:
            review.check_complete(translation)
        except review.NotReady as reason:
            messages.error(request, str(reason))
            return redirect(request.path)
    if getattr(instance, "alias_of_id", None):
        return localize_compat.editor_for_alias_in_translation(request, instance, translation)
    return None


@require_POST
def start_translation(request, page_id):
    """A translator starts translating a page not translated yet into their language (it is an alias there).

    Editors send pages for translation into any language ("Translate this page"); a translator may start
    one only in a language they translate. Readers keep the English page, marked, until it is approved.
    """
    page = get_object_or_404(Page, pk=page_id, alias_of__isnull=False)
    if page.locale_id == locales.source_locale().pk or not may_edit_locale(request.user, page.locale_id):
        raise PermissionDenied
    source = page.alias_of.specific
    with transaction.atomic(), localize_compat.aliases_kept(source):
        translate_object(source, [page.locale], user=request.user)
    return redirect("wagtailadmin_pages:edit", page.pk)
