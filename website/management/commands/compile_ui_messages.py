"""Compile UI translations (``*/LC_MESSAGES/*.po`` in each of ``LOCALE_PATHS``) to ``.mo`` files.

Django's own ``compilemessages`` needs GNU gettext installed; this uses polib (already a
dependency of wagtail-localize), so set-up needs nothing but Python.
"""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Compile the UI strings' .po files into .mo files (all of them, or the ones named)."

    def add_arguments(self, parser):
        parser.add_argument("po_files", nargs="*", help="PO files to compile (default: every one in locale/)")

    def handle(self, *args, po_files=(), **options):
        paths = [Path(path) for path in po_files] or sorted(
            path for directory in settings.LOCALE_PATHS for path in Path(directory).glob("*/LC_MESSAGES/*.po")
        )
        for path in paths:
            po = polib.pofile(str(path))
            po.save_as_mofile(str(path.with_suffix(".mo")))
        if options["verbosity"] > 1:
            self.stdout.write(f"Compiled {len(paths)} message file(s).")
