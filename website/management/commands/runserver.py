"""``runserver`` whose autoreloading parent holds the embedded PostgreSQL (``make run``).

Django's autoreloader runs the site in a child process and starts a new child on every code
change. Only the child connects, so without this the server would be counted as unused, and
stopped, between one child and the next. The parent counts as a user instead, for as long as
``make run`` runs (see ``website.database.embedded``).
"""

import os

from django.conf import settings
from django.contrib.staticfiles.management.commands.runserver import Command as StaticfilesRunserver

from website.database import embedded


class Command(StaticfilesRunserver):
    def run(self, **options):
        database = settings.DATABASES["default"]
        if database["ENGINE"] == "website.database" and os.environ.get("RUN_MAIN") != "true":
            embedded.ensure_running(database["OPTIONS"]["embedded_data_dir"])
        super().run(**options)
