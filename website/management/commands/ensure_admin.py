"""Create the first admin account if there is none, and say how to log in.

The password comes from ``ADMIN_PASSWORD``, or is generated once and kept in
``.data/admin-password`` (readable by its owner only), so it is never a fixed, guessable one. A
generated password is printed only by the run that makes it; later runs say where it is kept.

With ``--role-accounts`` (the demo: ``prepare_site``), one account per role is made too, with the
same password, so each role can be tried: ``editor``, ``moderator``, ``translator-fr`` and
``reviewer-fr`` (README, "Roles").
"""

import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand

USERNAME = "admin"
ROLE_ACCOUNTS = {
    "editor": "Editors",
    "moderator": "Moderators",
    "translator-fr": "Translators (French)",
    "reviewer-fr": "Reviewers (French)",
}


class Command(BaseCommand):
    help = "Create the admin account on first run and print how to log in."

    def add_arguments(self, parser):
        parser.add_argument("--role-accounts", action="store_true", help="Also make one account per editorial role")

    def handle(self, *args, role_accounts=False, **options):
        User = get_user_model()
        password_file = settings.DATA_DIR / "admin-password"
        from_environment = os.environ.get("ADMIN_PASSWORD", "").strip()
        created = None
        if not User.objects.filter(username=USERNAME).exists():
            password = from_environment
            if not password:
                password = secrets.token_urlsafe(12)
                settings.DATA_DIR.mkdir(parents=True, exist_ok=True)
                password_file.write_text(password + "\n")
                password_file.chmod(0o600)
                created = password
            User.objects.create_superuser(USERNAME, email="admin@example.org", password=password)
        # The password is shown once, on the run that makes it: later runs' output may end up in a server's log.
        if from_environment:
            shown = "the value of ADMIN_PASSWORD"
        elif created:
            shown = f"{created} (shown this once; it is kept in {password_file})"
        elif password_file.exists():
            shown = f"the one in {password_file}"
        else:
            shown = "the one set when the account was made"
        url = f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}/admin/"
        self.stdout.write(f"Log in at {url} as '{USERNAME}', password: {shown}")
        password = from_environment or (password_file.read_text().strip() if password_file.exists() else "")
        if role_accounts and password:
            for username, group in ROLE_ACCOUNTS.items():
                if not User.objects.filter(username=username).exists():
                    user = User.objects.create_user(username, email=f"{username}@example.org", password=password)
                    user.groups.add(Group.objects.get(name=group))
            self.stdout.write(f"To try each role, the same password works for: {', '.join(ROLE_ACCOUNTS)}")
