"""A GIN index on ``title || body`` of Wagtail's search index table.

The PostgreSQL search backend matches ``(title || body) @@ query``; the table's own GIN indexes are on
``title`` and ``body`` separately, so without this one every search scans the whole table
(145 ms for a common French word on the benchmark corpus, 28 ms with it; see bench/search_bench.py).
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("website", "0002_search_facts_and_query_stats"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS website_search_title_body ON wagtailsearch_indexentry USING gin ((title || body))",
            reverse_sql="DROP INDEX IF EXISTS website_search_title_body",
        ),
    ]
