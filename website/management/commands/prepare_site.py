"""Everything ``make run`` and ``make serve`` do before serving, in one process."""

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Migrate the database, load the demo content and make sure an admin account (and one per role) exists."

    def handle(self, *args, **options):
        call_command("migrate", interactive=False, verbosity=0)
        call_command("seed_demo")
        call_command("ensure_admin", role_accounts=True)
