"""The editorial roles every installation has, not only the demo (README, "Roles").

- *Editors* add and change English pages and snippets and submit them for review; they publish nothing.
- *Moderators* review and publish anything in any language, and manage workflows.
- *Translators (<language>)* translate that language's pages and snippets and submit them for review.
- *Reviewers (<language>)* approve or send back that language's submitted translations.

Groups, model permissions and workflows are made by migrations (``website`` 0004 and 0007, and
each app's own migration for its snippets). Rights over a language's pages are grants on that
language's home page, and its pages' workflow is assigned there too; a home page exists only once
the language has content, so both are given when a home page is first saved (and by the migration
for home pages already there). Language rights for snippets follow from the same grants
(``website.permissions``).
"""

from django.apps import apps
from django.conf import settings
from django.db.models.signals import post_save

from website.data_migrations import EDITORS, MODERATORS, give_home_its_roles, language_name
from website.locales import language_code_of
from website.permissions import LANGUAGE_HOME_DEPTH

__all__ = ["EDITORS", "MODERATORS", "reviewer_group_name", "translator_group_name"]


def translator_group_name(language_code: str) -> str:
    return f"Translators ({language_name(language_code)})"


def reviewer_group_name(language_code: str) -> str:
    return f"Reviewers ({language_name(language_code)})"


def grant_language_home(sender, instance, created=False, raw=False, **kwargs):
    if raw or not created or instance.depth != LANGUAGE_HOME_DEPTH:
        return
    give_home_its_roles(apps, instance.pk, language_code_of(instance.locale_id), settings.LANGUAGE_CODE)


def connect(home_page_model) -> None:
    post_save.connect(grant_language_home, sender=home_page_model, dispatch_uid="website.roles.grant_language_home")
