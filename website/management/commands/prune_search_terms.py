"""Daily pruning of what readers searched for (README, "Production schedule").

The site's own counts (``website.search.stats``, the "Search terms" report) lose the queries nobody
asked for in a year and those asked once, in vain, over a month ago; then Wagtail's
``searchpromotions_garbage_collect`` clears search promotions' daily hits older than
``WAGTAILSEARCH_HITS_MAX_AGE`` and the queries left without hits or promotions.
"""

from django.core.management import call_command
from django.core.management.base import BaseCommand

from website.search import stats


class Command(BaseCommand):
    help = "Delete stale search-terms counts, then run Wagtail's searchpromotions_garbage_collect."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=stats.KEEP_DAYS, help="Keep queries searched this recently.")
        parser.add_argument(
            "--unfound-days",
            type=int,
            default=stats.KEEP_UNFOUND_DAYS,
            help="Keep queries searched once without a result only this long.",
        )

    def handle(self, *args, days, unfound_days, **options):
        deleted = stats.prune(keep_days=days, keep_unfound_days=unfound_days)
        if options["verbosity"]:
            self.stdout.write(f"Search terms: {deleted} stale queries deleted.")
        call_command("searchpromotions_garbage_collect", verbosity=options["verbosity"], stdout=self.stdout)
