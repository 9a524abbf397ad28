"""Write the PO files translators fill in for the demo content (``content/locale/<lang>/<key>.po``).

Run after changing the English content files and ``seed_demo --force``: entries already
translated keep their translation, new or changed text appears untranslated.
"""

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from website.content.po import export_po
from website.seed import SeedRun, seed_site_chrome


class Command(BaseCommand):
    help = "Export PO files of the demo content for the given languages (default: all but English)."

    def add_arguments(self, parser):
        parser.add_argument("languages", nargs="*")
        parser.add_argument("--only", help="Only keys starting with this prefix, e.g. pages/ or knowledge/")

    def handle(self, *args, languages=(), only=None, **options):
        codes = list(languages) or [code for code, _ in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
        unknown = set(codes) - {code for code, _ in settings.LANGUAGES}
        if unknown:
            raise CommandError(f"Unknown language(s): {', '.join(sorted(unknown))}")
        # A dry seed run (nothing is created when the content exists) lists what is translated, in order.
        run = SeedRun()
        for config in apps.get_app_configs():
            if hasattr(config, "seed_demo"):
                config.seed_demo(run)
        seed_site_chrome(run)
        written = 0
        for code in codes:
            for instance, key, _own_fields in run.translatables:
                if only and not key.startswith(only):
                    continue
                export_po(instance, code, key, run.locale_dir)
                written += 1
        self.stdout.write(f"Wrote {written} PO file(s).")
