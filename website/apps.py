from django.apps import AppConfig
from django.core import checks
from django.utils.translation import gettext_lazy as _


class WebsiteConfig(AppConfig):
    """Site-wide ground: home and standard pages, shared blocks, site settings, set-up commands."""

    name = "website"
    verbose_name = _("Website")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from website import chrome, privacy, queries, roles  # noqa: PLC0415 - signals are wired in ready()
        from website.database import replicas  # noqa: PLC0415 - signals are wired in ready()
        from website.models import HomePage  # noqa: PLC0415 - models need the app registry ready
        from website.page_cache import signals as page_cache_signals  # noqa: PLC0415 - signals are wired in ready()
        from website.search import signals  # noqa: PLC0415 - signals are wired in ready()
        from website.search.backends import check_elasticsearch_client  # noqa: PLC0415

        checks.register(check_elasticsearch_client)

        signals.connect()
        page_cache_signals.connect()
        chrome.connect()
        queries.connect()
        replicas.connect()
        privacy.connect()
        roles.connect(HomePage)

    def seed_demo(self, loader):
        from website.seed import seed_site_pages  # noqa: PLC0415 - imports models: needs the registry ready

        seed_site_pages(loader)
