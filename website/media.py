"""Uploaded images served by the site itself, in production too (``/media/images/…``, ``/media/original_images/…``).

WhiteNoise serves only the files it finds at start-up, and Django serves media only with DEBUG,
so without this an image uploaded in production was a 404. Images and their renditions are
public: a rendition's name carries its filter and a hash, so they are cached for a year. Documents
are not served from here: they go through Wagtail's document view, which checks the privacy of
their collection. Behind a reverse proxy, let it serve ``MEDIA_ROOT/images`` and
``MEDIA_ROOT/original_images`` directly (README, "Production"); this view is then never reached.
"""

import posixpath

from django.conf import settings
from django.http import Http404
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe
from django.views.static import serve

PUBLIC_FOLDERS = ("images/", "original_images/")


@require_safe
@cache_control(public=True, max_age=365 * 24 * 3600, immutable=True)
def serve_image(request, path):
    path = posixpath.normpath(path)  # "images/../documents/x" is a document, not an image
    if not path.startswith(PUBLIC_FOLDERS):
        raise Http404
    # Django's static view: safe_join against MEDIA_ROOT (no way out of it), streamed, If-Modified-Since.
    return serve(request, path, document_root=settings.MEDIA_ROOT)
