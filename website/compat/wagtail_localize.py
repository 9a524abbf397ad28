"""Workarounds for wagtail-localize 1.14.

1. **PO upload without checks.** ``upload_pofile`` answers a file without its
   ``X-WagtailLocalize-TranslationID`` header, an unreadable file, or a request without a file,
   with a server error. Translators upload files by hand, so such mistakes are expected:
   ``guarded_upload_pofile`` checks the upload first and, if it cannot be used, says why in the
   admin and changes nothing. A good file goes on to wagtail-localize's own view unchanged.
2. **Translation editor views check model permissions, not the language.** For snippets, a
   translator of one language could change another language's glossary terms through the editor's
   API, stop another language's translation, or download its PO file. ``language_guard`` wraps
   those views with the language check.
3. **Converting a translation to an alias needs only the right to edit it.** It deletes the
   translation and makes the page show English: a publishing decision. ``publish_guard`` asks
   for the right to publish the page, and ``alias_action_for_publishers_only`` takes the
   "Convert to alias page" action out of the editor of anyone without that right (a translator's
   main button was this destructive action).
4. **The translation editor offers translators no review.** Its only actions are publishing and
   converting to an alias; ``templates/wagtail_localize/admin/edit_translation.html`` is this
   version's template with the review bar of ``website.review`` (submit for review as the main
   action of those who may not publish, progress, the review's state) and without the alias action
   for them. It relies on the props ``edit_translation`` builds (``perms``, ``links``).
5. **"Sync translated pages" publishes unreviewed, half-translated pages.** Its "Publish immediately"
   option publishes every translation with the original's text in place of what is not translated
   yet, for anyone who may send pages for translation (editors too). ``GuardedUpdateTranslationsView``
   offers the option only to those who may publish every translation, and publishes only the
   complete ones: the others are updated and stay as they are for readers, and the user is told.
6. **Sending an untranslated page for translation shows English as if translated.** Until a page is
   translated, each language has an alias of the English page, which readers get with a "not
   translated yet" notice. "Translate this page" turns that alias into an ordinary page holding
   the English text (its draft save writes the live page), so readers lose the notice and
   ``lang="en"``. ``AliasKeepingSubmitPageTranslationView`` makes the page an alias again once the
   translation is set up: readers keep the English page, marked, until the translation is
   approved, which publishes it as wagtail-localize does (``website.workflow_finish``). The
   translation editor opens on such an alias (``editor_for_alias_in_translation``), where
   wagtail-localize would offer to start the translation again. (Pages sent with their subtree are
   translated in the background by wagtail-localize and are not covered.)
7. **Dates in the translation editor are English in every language.** wagtail-localize writes them
   with ``strftime("%-d %B %Y")`` ("1 December 2026" in the French admin). ``localized_dates``
   rewrites them in the admin's language: in the editor's props (``website.templatetags.review_tags``)
   and in the answers of the string-editing API (``localized_response``).
8. **The translations report opens for any admin user**, listing every language's translations;
   ``submitter_guard`` keeps it to those who may submit translations.

The guards are installed by ``admin_url_overrides()``: URLs for the same paths as wagtail-localize's,
registered through ``register_admin_urls`` by ``website`` (which comes before wagtail_localize in
INSTALLED_APPS, so its URLs are matched first).

Every wagtail-localize admin URL is either guarded here or listed, with the reason it needs no
guard, in ``tests/website/test_admin_endpoints.py``, which walks the URL patterns.

Delete when wagtail-localize validates uploads itself, checks the target locale in its editor
views and asks for a publishing right where it unpublishes (none has an upstream fix as of 1.14.5).
"""

import contextlib
import datetime
import os
import re
import tempfile

import polib
from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.models import Page
from wagtail_localize.models import Translation
from wagtail_localize.views import convert, edit_translation, report, submit_translations, update_translations

from website.permissions import may_edit_locale

UPSTREAM = ("wagtail-localize", "1.14.5")
FOLLOWS = {
    # The view that fails on a bad upload, and the import that reads the translation id header.
    "wagtail_localize.views.edit_translation:upload_pofile": "daf724897752be8d",
    "wagtail_localize.models:Translation.import_po": "f7a2eb4f7b56e291",
    # The admin URLs (paths) that admin_url_overrides() shadows.
    "wagtail_localize.wagtail_hooks:register_admin_urls": "b2f3ff78bf5048f7",
    # The checks the guards add to: the right to edit, with no language and no right to publish asked.
    "wagtail_localize.views.edit_translation:stop_translation": "26c20a932d1ebd1f",
    "wagtail_localize.views.edit_translation:download_pofile": "a4471e43af2d61ca",
    "wagtail_localize.views.edit_translation:preview_translation": "7dbec816395e1ff8",
    "wagtail_localize.views.convert:convert_to_alias": "93d45a64ec977a4e",
    "wagtail_localize.views.report:TranslationsReportView": "0ad34ae74dad4b04",
    "wagtail_localize.views.submit_translations:SubmitTranslationView.form_valid": "01c1906d523ea331",
    "wagtail_localize.views.convert:sync_alias": "7476e77e28299f1d",
    "wagtail_localize.models:TranslationSource.create_or_update_translation": "01b8971d2e0a4d9c",
    "wagtail_localize.models:StringTranslation.get_comment": "08b75c0b81bf8a02",
    "wagtail_localize.views.update_translations:UpdateTranslationsView.form_valid": "3f4c4d42368d7030",
    "wagtail_localize.views.update_translations:UpdateTranslationsView.get_form": "97e1fd04fb7b8ed3",
    "wagtail_localize.wagtail_hooks:ConvertToAliasPageActionMenuItem": "8fea368aecd20c87",
    # The editor whose template is overridden, and the hook that opens it for a translation.
    "wagtail_localize.views.edit_translation:edit_translation": "bb9d4d46c0179806",
    "wagtail_localize.wagtail_hooks:before_edit_page": "3bbed5cf6e83df57",
}

# wagtail-localize writes this header into exported PO files and ignores a file whose id is not
# the translation's own (it names no constant for it).
TRANSLATION_ID_HEADER = "X-WagtailLocalize-TranslationID"


ENGLISH_DATE = re.compile(
    r"\b\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|November|December) \d{4}\b"
)


def localized_dates(text):
    """wagtail-localize's English dates ("1 December 2026") in the active language's date format (see 7. above)."""
    if not isinstance(text, str):
        return text
    return ENGLISH_DATE.sub(
        lambda match: date_format(datetime.datetime.strptime(match.group(0), "%d %B %Y").date(), "DATE_FORMAT"), text
    )


def localized_response(view):
    """Wrap a string-editing API view: the comment it answers with ("Translated … on <date>") gets a local date."""

    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        data = getattr(response, "data", None)
        if isinstance(data, dict) and "comment" in data:
            data["comment"] = localized_dates(data["comment"])
        return response

    return wrapped


def language_guard(view, changes=False, publishes=False):
    """Wrap a translation-editor view: the user must be allowed the translation's target language.

    A view that ``changes`` the translation is also refused while its target is locked for the user:
    in review, a translation is locked for everyone but its reviewers (``website.review``), so what
    they approve is what is published. A view that ``publishes`` in effect (stopping a translation
    leaves the page to drift from its original) asks for the right to publish the target.
    """

    def guarded(request, translation_id, *args, **kwargs):
        translation = get_object_or_404(Translation, id=translation_id)
        if not may_edit_locale(request.user, translation.target_locale_id):
            raise PermissionDenied
        if changes and locked_for(request.user, translation):
            raise PermissionDenied
        if publishes and not may_publish_target(request.user, translation):
            raise PermissionDenied
        return view(request, translation_id, *args, **kwargs)

    guarded.checks = "language+publish" if publishes else "language"
    return guarded


def may_publish_target(user, translation) -> bool:
    try:
        target = translation.get_target_instance()
    except ObjectDoesNotExist:
        return False
    if isinstance(target, Page):
        return target.permissions_for_user(user).can_publish()
    return user.has_perm(f"{target._meta.app_label}.publish_{target._meta.model_name}")


def publish_guard(view):
    """Wrap a page view that unpublishes a translation in effect: the user must be allowed to publish the page."""

    def guarded(request, page_id, *args, **kwargs):
        page = get_object_or_404(Page, id=page_id)
        if not page.permissions_for_user(request.user).can_publish():
            raise PermissionDenied
        return view(request, page_id, *args, **kwargs)

    guarded.checks = "publish"
    return guarded


def submitter_guard(view):
    """Wrap a view of every language's translations: only those who may submit translations (not translators)."""

    def guarded(request, *args, **kwargs):
        if not request.user.has_perm("wagtail_localize.submit_translation"):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    guarded.checks = "submit_translation"
    return guarded


def locked_for(user, translation) -> bool:
    try:
        target = translation.get_target_instance()
    except ObjectDoesNotExist:
        return False
    lock = target.get_lock() if hasattr(target, "get_lock") else None
    return bool(lock and lock.for_user(user))


CONVERT_TO_ALIAS_ACTION = "localize-convert-to-alias"


def alias_action_for_publishers_only(menu_items, request, context):
    """A ``construct_page_action_menu`` hook: no "Convert to alias page" for someone who may not publish."""
    page = context.get("page")
    if page is not None and not page.permissions_for_user(request.user).can_publish():
        menu_items[:] = [item for item in menu_items if item.name != CONVERT_TO_ALIAS_ACTION]


class GuardedUpdateTranslationsView(update_translations.UpdateTranslationsView):
    """ "Sync translated pages" that publishes only complete translations, for those who may publish them."""

    def may_publish(self):
        return all(
            may_publish_target(self.request.user, translation)
            for translation in self.object.translations.filter(enabled=True)
        )

    def get_form(self):
        form = super().get_form()
        if not self.may_publish():
            del form.fields["publish_translations"]
        return form

    def form_valid(self, form):
        from website.review import progress_of  # noqa: PLC0415 - website.review imports wagtail_localize's models

        publish = form.cleaned_data.get("publish_translations", False) and self.may_publish()
        form.cleaned_data["publish_translations"] = False
        response = super().form_valid(form)
        if publish:
            held = []
            for translation in self.object.translations.filter(enabled=True).select_related("target_locale"):
                if progress_of(translation).complete:
                    translation.save_target(user=self.request.user, publish=True)
                else:
                    held.append(translation.target_locale.get_display_name())
            if held:
                messages.warning(
                    self.request,
                    _("Not published, because parts are not translated yet: %(languages)s.")
                    % {"languages": ", ".join(held)},
                )
        return response


class AliasKeepingSubmitPageTranslationView(submit_translations.SubmitPageTranslationView):
    """ "Translate this page" that leaves each language's alias in place for readers (see 6. above)."""

    def form_valid(self, form):
        with aliases_kept(self.object):
            return super().form_valid(form)


@contextlib.contextmanager
def aliases_kept(source):
    """Translations of ``source`` started inside this block leave its aliases in place (see 6. above)."""
    aliases = list(
        Page.objects.filter(translation_key=source.translation_key, alias_of__isnull=False).values_list("pk", flat=True)
    )
    yield
    for page_id in aliases:
        page = Page.objects.get(pk=page_id)
        if page.alias_of_id is None:
            Page.objects.filter(pk=page_id).update(alias_of_id=source.pk)
            page.alias_of_id = source.pk
            convert.sync_alias(source, page.specific)


def editor_for_alias_in_translation(request, page, translation):
    """The translation editor for an alias whose translation has been started (see 6. above)."""
    return edit_translation.edit_translation(request, translation, page.specific)


def problem_with(upload, translation) -> str | None:
    """Why an uploaded file cannot be imported into ``translation``, or None if it can."""
    if upload is None:
        return _("Choose a PO file to upload.")
    # polib reads a path if it is given a string that names a file, so the upload goes through a file of its own.
    with tempfile.NamedTemporaryFile(delete=False, suffix=".po") as handle:
        handle.write(upload.read())
    upload.seek(0)
    try:
        po = polib.pofile(handle.name)
    except (OSError, UnicodeDecodeError, ValueError):
        return _(
            "This is not a PO file that can be read. Download the PO file of this translation again and fill it in."
        )
    finally:
        with contextlib.suppress(OSError):
            os.unlink(handle.name)
    header = po.metadata.get(TRANSLATION_ID_HEADER)
    if not header:
        return _(
            "This PO file has no translation header, so it cannot be matched to this translation. "
            "Download the PO file of this translation and fill in that file."
        )
    if header != str(translation.uuid):
        return _("This PO file was made for a different translation. Nothing was imported.")
    return None


@require_POST
def guarded_upload_pofile(request, translation_id):
    translation = get_object_or_404(Translation, id=translation_id)
    try:
        target = translation.get_target_instance()
    except ObjectDoesNotExist:
        raise Http404(_("This translation has not been started yet.")) from None
    if (
        not edit_translation.user_can_edit_instance(request.user, target)
        or not may_edit_locale(request.user, target.locale_id)
        or locked_for(request.user, translation)
    ):
        raise PermissionDenied
    problem = problem_with(request.FILES.get("file"), translation)
    if problem:
        messages.error(request, problem)
        return redirect(get_valid_next_url_from_request(request) or reverse("wagtailadmin_home"))
    return edit_translation.upload_pofile(request, translation_id)


guarded_upload_pofile.checks = "language"


alias_keeping_submit_page_translation = AliasKeepingSubmitPageTranslationView.as_view()
alias_keeping_submit_page_translation.checks = "submit_translation"
guarded_update_translations = GuardedUpdateTranslationsView.as_view()
guarded_update_translations.checks = "submit_translation+publish"


def admin_url_overrides() -> list:
    """Admin URLs matched before wagtail-localize's own for the same paths."""
    return [
        path("localize/translate/<int:translation_id>/pofile/upload/", guarded_upload_pofile),
        path(
            "localize/translate/<int:translation_id>/strings/<int:string_segment_id>/edit/",
            language_guard(localized_response(edit_translation.edit_string_translation), changes=True),
        ),
        path(
            "localize/translate/<int:translation_id>/overrides/<int:overridable_segment_id>/edit/",
            language_guard(localized_response(edit_translation.edit_override), changes=True),
        ),
        path(
            "localize/translate/<int:translation_id>/machine_translate/",
            language_guard(edit_translation.machine_translate, changes=True),
        ),
        path(
            "localize/translate/<int:translation_id>/disable/",
            language_guard(edit_translation.stop_translation, publishes=True),
        ),
        path(
            "localize/translate/<int:translation_id>/pofile/download/",
            language_guard(edit_translation.download_pofile),
        ),
        path("localize/translate/<int:translation_id>/preview/", language_guard(edit_translation.preview_translation)),
        path(
            "localize/translate/<int:translation_id>/preview/<str:mode>/",
            language_guard(edit_translation.preview_translation),
        ),
        path("localize/page/<int:page_id>/convert_to_alias/", publish_guard(convert.convert_to_alias)),
        path("localize/update/<int:translation_source_id>/", guarded_update_translations),
        path("localize/submit/page/<int:page_id>/", alias_keeping_submit_page_translation),
        # wagtail-localize's report of every translation in every language opens for any admin user.
        path("localize/reports/translations/", submitter_guard(report.TranslationsReportView.as_view())),
        path(
            "localize/reports/translations/results/",
            submitter_guard(report.TranslationsReportView.as_view(results_only=True)),
        ),
    ]
