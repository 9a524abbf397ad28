"""Load the demo content in every language. Safe to run again: it changes nothing the second time."""

from pathlib import Path

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError

from website.bulk import indexes_updated_at_the_end
from website.content import default_content_dir
from website.content.fingerprints import changed_files, digests, is_unchanged, record, seeded_digests
from website.content.locales import ensure_locales, synchronise_locales
from website.page_cache.signals import changes_not_followed
from website.seed import SeedRun, seed_site_chrome


class Command(BaseCommand):
    help = "Load the demo content (English pages and snippets, then each language's PO translations)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Overwrite content edited in the admin with the content files, and re-import translations.",
        )
        parser.add_argument(
            "--content",
            type=Path,
            default=None,
            help="Folder of content files (default: the project's content/). Its locale/ holds the PO files.",
        )

    # Deliberately not one transaction: wagtail-localize publishes a translation in an on_commit
    # callback, with the page as it was when translated. Deferred to the end of one big
    # transaction, that would write back a parent page's stale child count and break routing.
    # Each object's translation commits on its own instead (see website.content.po.translate_from_po).
    def handle(self, *args, force=False, content=None, verbosity=1, **options):
        content = content or default_content_dir()
        if not (content / "pages" / "home.md").is_file():
            raise CommandError(f"{content} is not a content folder (it has no pages/home.md).")
        current = digests(content)
        if not force and is_unchanged(current):
            if verbosity:
                self.stdout.write("Demo content: unchanged since the last seed.")
            return
        ensure_locales()
        run = SeedRun(
            force=force,
            content=content,
            stdout=self.stdout if verbosity > 1 else None,
            changed=changed_files(current, seeded_digests()),
        )
        with indexes_updated_at_the_end(), changes_not_followed():
            for config in apps.get_app_configs():
                seed = getattr(config, "seed_demo", None)
                if seed is not None:
                    seed(run)
            seed_site_chrome(run)
            translated = run.import_translations()
            synchronise_locales()
        record(current)
        if verbosity:
            self.stdout.write(
                f"Demo content: {run.created} page(s) created, {run.updated} updated, "
                f"{translated} translation(s) in place."
            )
