"""What the demo content was last seeded from: one digest per content file, and one for the whole folder."""

from django.db import models


class SeededContentFile(models.Model):
    """A content file's digest as of the last complete ``seed_demo`` (``path`` relative to the content folder).

    The row whose path is ``WHOLE_FOLDER`` digests every file at once: while it matches, a seed has
    nothing to do and returns at once. Kept in the database rather than beside it, so that a
    restored or copied database carries what it was seeded from.
    """

    WHOLE_FOLDER = "*"

    path = models.CharField(max_length=500, unique=True)
    digest = models.CharField(max_length=64)

    def __str__(self):
        return self.path
