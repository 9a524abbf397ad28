"""Uploaded documents: a size limit (Wagtail has one for images only) and how they are served.

The limit is checked on the uploaded file's size, which Django knows without reading it: an
upload over ``FILE_UPLOAD_MAX_MEMORY_SIZE`` is streamed to a temporary file, never held in memory.
Both the single and the multiple uploader use this form (``WAGTAILDOCS_DOCUMENT_FORM_BASE``).
"""

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm


class DocumentForm(BaseDocumentForm):
    def clean_file(self):
        file = self.cleaned_data.get("file")
        limit = settings.DOCUMENTS_MAX_UPLOAD_SIZE
        if file is not None and "file" in self.changed_data and file.size > limit:
            raise forms.ValidationError(
                _("This file is %(size)s; documents can be at most %(limit)s. Make it smaller or link to it instead."),
                code="file_too_large",
                params={"size": filesizeformat(file.size), "limit": filesizeformat(limit)},
            )
        return file
