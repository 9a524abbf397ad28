from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammeConfig(AppConfig):
    """The programme: programme pages, IETF meeting editions, meeting reports and their feeds."""

    name = "programme"
    verbose_name = _("Programme")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.signals import page_published, page_unpublished  # noqa: PLC0415 - signals are wired in ready()

        from programme.context_processors import invalidate  # noqa: PLC0415 - imports models: needs the registry ready

        # Feed links in every page's <head> are cached per language; a report index published,
        # moved or unpublished changes them.
        page_published.connect(invalidate, dispatch_uid="programme-feeds-published")
        page_unpublished.connect(invalidate, dispatch_uid="programme-feeds-unpublished")

    def seed_demo(self, run):
        from programme.seed import seed_programme  # noqa: PLC0415 - imports models: needs the registry ready

        seed_programme(run)
