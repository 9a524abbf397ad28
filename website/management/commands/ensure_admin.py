"""Create the first admin account if there is none, and say how to log in.

The password comes from ``ADMIN_PASSWORD``, or is generated once and kept in
``.data/admin-password`` (readable by its owner only), so it is never a fixed, guessable one.
"""

import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

USERNAME = "admin"


class Command(BaseCommand):
    help = "Create the admin account on first run and print how to log in."

    def handle(self, *args, **options):
        User = get_user_model()
        password_file = settings.DATA_DIR / "admin-password"
        from_environment = os.environ.get("ADMIN_PASSWORD", "").strip()
        if not User.objects.filter(username=USERNAME).exists():
            password = from_environment
            if not password:
                password = secrets.token_urlsafe(12)
                settings.DATA_DIR.mkdir(parents=True, exist_ok=True)
                password_file.write_text(password + "\n")
                password_file.chmod(0o600)
            User.objects.create_superuser(USERNAME, email="admin@example.org", password=password)
        if from_environment:
            shown = "the value of ADMIN_PASSWORD"
        elif password_file.exists():
            shown = password_file.read_text().strip()
        else:
            shown = "the one set when the account was made"
        url = f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}/admin/"
        self.stdout.write(f"Log in at {url} as '{USERNAME}', password: {shown}")
