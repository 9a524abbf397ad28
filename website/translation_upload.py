"""A guard in front of wagtail-localize's PO upload.

wagtail-localize 1.14 answers a PO file without its ``X-WagtailLocalize-TranslationID`` header,
or a request without a file, with a server error. Translators upload files by hand, so such
mistakes are expected: this view checks the upload first and, if it cannot be used, says why in
the admin and changes nothing. A good file goes on to wagtail-localize's own view unchanged.
"""

import contextlib
import os
import tempfile

import polib
from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail_localize.models import Translation
from wagtail_localize.views.edit_translation import upload_pofile, user_can_edit_instance

from website.permissions import may_edit_locale

TRANSLATION_ID_HEADER = "X-WagtailLocalize-TranslationID"


def language_guard(view):
    """Wrap a wagtail-localize translation-editor view: the user must be allowed the target language.

    wagtail-localize checks only model permissions for snippets, which would let a translator of
    one language change another language's glossary terms through the editor's API.
    """

    def guarded(request, translation_id, *args, **kwargs):
        translation = get_object_or_404(Translation, id=translation_id)
        if not may_edit_locale(request.user, translation.target_locale_id):
            raise PermissionDenied
        return view(request, translation_id, *args, **kwargs)

    return guarded


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
    if not user_can_edit_instance(request.user, target) or not may_edit_locale(request.user, target.locale_id):
        raise PermissionDenied
    problem = problem_with(request.FILES.get("file"), translation)
    if problem:
        messages.error(request, problem)
        return redirect(get_valid_next_url_from_request(request) or reverse("wagtailadmin_home"))
    return upload_pofile(request, translation_id)
