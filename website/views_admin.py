"""Admin views of the site: the translation coverage report."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from website.coverage import STATUSES, coverage


class TranslationCoverageView(WagtailAdminTemplateMixin, TemplateView):
    """Pages and snippets × languages: what is translated, outdated, shown in English, or missing.

    Not a Wagtail ``ReportView``: that lists one queryset, one row per object, and this is a matrix
    of several models (pages, then each translatable snippet) against every language, counted in a
    fixed number of queries. Like its menu item (``AdminOnlyMenuItem``), it is for superusers: the
    view checks that itself, so the URL does not open for anyone the menu hides it from.
    """

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_superuser:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    template_name = "website/admin/translation_coverage.html"
    page_title = _("Translation coverage")
    header_icon = "site"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        section = self.request.GET.get("section", "")
        section_id = int(section) if section.isdigit() else None
        language = self.request.GET.get("language", "")
        codes = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
        language = language if language in codes else ""
        tables, sections = coverage(section_id=section_id, language=language or None)
        context.update(
            {
                "tables": tables,
                "sections": sections,
                "selected_section": section_id,
                "selected_language": language,
                "languages": [(code, name) for code, name in settings.LANGUAGES if code in codes],
                "statuses": STATUSES,
            }
        )
        return context
