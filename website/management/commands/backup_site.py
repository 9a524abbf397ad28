"""``make backup``: the database and the uploaded files in one timestamped archive (see ``website.backup``)."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from website import backup


class Command(BaseCommand):
    help = "Write the database (pg_dump, custom format) and the media folder into one timestamped tar archive."

    def add_arguments(self, parser):
        parser.add_argument(
            "--folder", type=Path, default=None, help="where to write the archive (default: BACKUP_DIR)"
        )

    def handle(self, *args, folder=None, **options):
        archive = backup.create(folder or Path(settings.BACKUP_DIR))
        self.stdout.write(str(archive))
