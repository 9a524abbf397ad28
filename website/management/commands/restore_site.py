"""``make restore FILE=…``: a backup archive back into an empty database and media folder (``website.backup``)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from website import backup


class Command(BaseCommand):
    help = "Restore a backup archive (make backup) into an empty database and an empty media folder."

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path)

    def handle(self, *args, archive, **options):
        if not archive.is_file():
            raise CommandError(f"No such backup archive: {archive}")
        try:
            manifest = backup.restore(archive)
        except backup.RestoreRefused as refusal:
            raise CommandError(
                f"Not restored: {refusal}. Restore into an empty data folder (a new DATA_DIR, or after "
                "make clean-data), or into an empty database named by DATABASE_URL."
            ) from refusal
        self.stdout.write(f"Restored the backup of {manifest['created']} (PostgreSQL {manifest['server_version']}).")
