"""Whole-page caching for anonymous readers, dropped exactly when something a page shows changes.

Why not a library: wagtail-cache (the kept one for Wagtail) supports Wagtail before 8 only, and it forgets
pages by URL patterns kept in one shared key, or all at once; Django's cache middleware forgets nothing. What
is kept from libraries: Django's cache framework (Redis when ``REDIS_URL`` is set), its conditional-response
rules, django-compression-middleware's choice of encoding, Wagtail's reference index (which pages link to
what) and Wagtail's front-end cache backends for CDN purges.

- ``store``: cached copies and the version tokens they were made under;
- ``middleware``: serves a copy before any other middleware runs, and keeps a new one after a page is served;
- ``dependencies``: which pages show a changed page or object;
- ``signals``: publishing, unpublishing, moving, deleting and saving, turned into those pages' new versions
  (and CDN purges) once the change is committed.
"""
