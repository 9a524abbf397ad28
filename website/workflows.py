"""Review before publishing, for translatable snippets as for pages.

Wagtail gives a page the workflow of its nearest ancestor with one, so each language's pages go
through the workflow set on that language's home page ("Translation review (French)"), and
English pages through the root page's ("Editorial review"). A snippet has no tree: Wagtail gives
every instance of a model the one workflow assigned to its content type. ``ReviewedSnippet``
gives a snippet the workflow of its language's home page instead, so a French glossary term is
reviewed by the French reviewers, like a French page, and an English term by the moderators.
"""

from wagtail.models import DraftStateMixin, LockableMixin, Page, RevisionMixin, WorkflowMixin

from website.permissions import LANGUAGE_HOME_DEPTH


class ReviewedSnippet(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin):
    """A snippet with drafts, revisions, locking and its language's review workflow (for one that is not
    translated, such as an RFC, the workflow of its content type: the editorial review).

    The row holds what readers see; unpublished changes live in revisions (Wagtail's draft state),
    so readers' queries ask for ``live=True`` only to leave out items never published.
    """

    class Meta:
        abstract = True

    def get_workflow(self):
        locale_id = getattr(self, "locale_id", None)
        if locale_id is None:
            return self.get_default_workflow()
        home = Page.objects.filter(depth=LANGUAGE_HOME_DEPTH, locale_id=locale_id).first()
        if home is not None:
            return home.get_workflow()
        return self.get_default_workflow()
