"""Reports > Terminology: where a translation names a glossary term otherwise than the term base, per language.

For the translators and reviewers of a language (their own languages only) and for editors (every language):
each finding with its segment, the English page or snippet it belongs to and a link to the translation editor,
then the interface strings, then the accepted exceptions with their reasons. The check is
``knowledge.terminology``, the same that ``make test`` runs over the PO files.
"""

from collections import Counter

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale

from knowledge.models import GlossaryTerm
from knowledge.terminology import check_database, own_variants, split_variants
from website.locales import source_locale
from website.permissions import ALL_LANGUAGES, may_edit_locale, reported_locale_ids


class TerminologyReportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "knowledge/admin/terminology_report.html"
    page_title = _("Terminology")
    header_icon = "doc-full"
    breadcrumbs_items = []

    def dispatch(self, request, *args, **kwargs):
        self.locale_ids = reported_locale_ids(request.user)
        if not self.locale_ids:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def languages(self) -> list[Locale]:
        """The languages this user may see, in the site's order."""
        order = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
        locales = [
            locale
            for locale in Locale.objects.filter(language_code__in=order)
            if self.locale_ids == ALL_LANGUAGES or locale.pk in self.locale_ids
        ]
        return sorted(locales, key=lambda locale: order.index(locale.language_code))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        languages = self.languages()
        wanted = self.request.GET.get("language", "")
        locale = next((item for item in languages if item.language_code == wanted), languages[0] if languages else None)
        report = check_database(locale, settings.BASE_DIR) if locale else None
        findings = report.findings if report else []
        may_edit = locale is not None and may_edit_locale(self.request.user, locale.pk)
        context.update(
            {
                "languages": languages,
                "locale": locale,
                "content_findings": [finding for finding in findings if not finding.pair.where.endswith(".po")],
                "interface_findings": [finding for finding in findings if finding.pair.where.endswith(".po")],
                "accepted": report.accepted if report else [],
                "by_term": Counter(finding.term for finding in findings).most_common(),
                "term_base": term_base_rows(locale) if locale else [],
                "may_edit": may_edit,
            }
        )
        return context


def term_base_rows(locale) -> list[dict]:
    """Each English term beside its translation into ``locale``: what the check accepts there."""
    english = GlossaryTerm.objects.filter(locale=source_locale(), live=True).order_by("term")
    translated = {
        term.translation_key: term
        for term in GlossaryTerm.objects.filter(locale=locale, translation_key__in=english.values("translation_key"))
    }
    rows = []
    for term in english:
        other = translated.get(term.translation_key)
        rows.append(
            {
                "english": term,
                "translation": other,
                "variants": split_variants(own_variants(other, term)) if other is not None else [],
            }
        )
    return rows


class VariantsForm(forms.Form):
    variants = forms.CharField(
        label=_("Approved variants"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=GlossaryTerm._meta.get_field("variants").help_text,
    )


class VariantsEditView(WagtailAdminTemplateMixin, FormView):
    """A translator or reviewer of a language edits the approved variants of one glossary term in it.

    Variants are not translated (``GlossaryTerm.translatable_fields``), so the translation editor does not show
    them; this form does, for those who may change that language's content.
    """

    template_name = "knowledge/admin/terminology_variants.html"
    form_class = VariantsForm
    header_icon = "doc-full"
    breadcrumbs_items = []

    def dispatch(self, request, *args, **kwargs):
        self.term = get_object_or_404(GlossaryTerm.objects.exclude(locale=source_locale()), pk=kwargs["term_id"])
        if not may_edit_locale(request.user, self.term.locale_id):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Approved variants of “%(term)s”") % {"term": self.term.term}

    def get_initial(self):
        return {"variants": own_variants(self.term, self.term.get_translation_or_none(source_locale()))}

    def get_context_data(self, **kwargs):
        return super().get_context_data(term=self.term, **kwargs)

    def form_valid(self, form):
        self.term.variants = "\n".join(split_variants(form.cleaned_data["variants"]))
        self.term.save(update_fields=["variants"])
        messages.success(self.request, _("The approved variants of “%(term)s” are saved.") % {"term": self.term.term})
        return redirect(reverse("terminology_report") + f"?language={self.term.locale.language_code}#term-base")
