"""Ranking facts (prior, introductory) beside each indexed object, and pg_trgm for "did you mean".

pg_trgm is a trusted extension (PostgreSQL 13 and later): a database owner may create it, so this runs on the
embedded server and on a ``DATABASE_URL`` server alike.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("website", "0009_seeded_content_files")]

    operations = [
        TrigramExtension(),
        migrations.AddField(model_name="searchfacts", name="prior", field=models.FloatField(blank=True, null=True)),
        migrations.AddField(model_name="searchfacts", name="introductory", field=models.BooleanField(default=False)),
    ]
