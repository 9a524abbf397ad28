"""Search's own tables: the facts results are filtered and sorted by, and what readers searched for."""

from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchFacts(models.Model):
    """Kind, topics and date of one indexed object, written by the search index alongside its entry.

    The search page filters and counts results by these whatever backend found them (the database or
    Elasticsearch), in one query for all matches, without loading each page's specific type.
    """

    model = models.CharField(max_length=100)  # label of the root model, e.g. "wagtailcore.page"
    object_id = models.BigIntegerField()
    kind = models.CharField(max_length=20)
    topics = ArrayField(models.CharField(max_length=32), default=list, blank=True)
    date = models.DateField(null=True, blank=True)
    # What ranking multiplies the object's text score by (none: its kind's prior), and whether it is written for
    # newcomers (website.search.ranking).
    prior = models.FloatField(null=True, blank=True)
    introductory = models.BooleanField(default=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["model", "object_id"], name="search_facts_unique_object")]
        verbose_name = _("search facts")
        verbose_name_plural = _("search facts")

    def __str__(self):
        return f"{self.model}:{self.object_id} ({self.kind})"


class SearchQueryStat(models.Model):
    """How often readers of one language searched for one query, and how often nothing was found."""

    language_code = models.CharField(_("language"), max_length=15)
    query = models.CharField(_("query"), max_length=200)
    searches = models.PositiveIntegerField(_("searches"), default=0)
    zero_result_searches = models.PositiveIntegerField(_("searches with no result"), default=0)
    last_searched = models.DateTimeField(_("last searched"))

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["language_code", "query"], name="search_query_stat_unique_query")
        ]
        verbose_name = _("search query")
        verbose_name_plural = _("search queries")

    def __str__(self):
        return f"{self.query} ({self.language_code})"
