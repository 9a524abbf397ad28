from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    """The knowledge base: topics, explainers, glossary, RFC and working-group references."""

    name = "knowledge"
    verbose_name = _("Knowledge base")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete, post_save  # noqa: PLC0415 - signals are wired in ready()
        from wagtail.signals import page_published, page_unpublished  # noqa: PLC0415 - signals are wired in ready()

        from knowledge.glossary import invalidate  # noqa: PLC0415 - imports models: needs the registry ready
        from knowledge.models import GlossaryTerm  # noqa: PLC0415 - models need the app registry ready

        post_save.connect(invalidate, sender=GlossaryTerm, dispatch_uid="knowledge-glossary-saved")
        post_delete.connect(invalidate, sender=GlossaryTerm, dispatch_uid="knowledge-glossary-deleted")
        # The glossary page's URL is cached with the terms; any page published may have moved it.
        page_published.connect(invalidate, dispatch_uid="knowledge-glossary-page-published")
        page_unpublished.connect(invalidate, dispatch_uid="knowledge-glossary-page-unpublished")

    def seed_demo(self, run):
        from knowledge.seed import seed_knowledge  # noqa: PLC0415 - imports models: needs the registry ready

        seed_knowledge(run)
