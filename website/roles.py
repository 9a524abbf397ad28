"""Roles every installation has, not only the demo: one "Translators (<language>)" group per language.

The groups and their model permissions (admin access, "change" on translatable snippets) are made
by migrations, so production has them: ``website`` 0004 for the site's snippets, each app's own
migration for its snippets. A group's right over its language's pages is a grant of Wagtail's
"change" permission on that language's home page (see ``website.permissions``); a home page only
exists once the language has content, so the grant is made when the home page is saved (and by
the migration for home pages already there).
"""

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db.models.signals import post_save
from django.utils.translation import get_language_info
from wagtail.models import GroupPagePermission

from website.locales import language_code_of
from website.permissions import LANGUAGE_HOME_DEPTH

TRANSLATORS = "Translators ({language})"


def translator_group_name(language_code: str) -> str:
    return TRANSLATORS.format(language=get_language_info(language_code)["name"])


def grant_language_home(sender, instance, raw=False, **kwargs):
    """A language's home page: its translators may change the pages of that language (and publish none)."""
    if raw or instance.depth != LANGUAGE_HOME_DEPTH:
        return
    language = language_code_of(instance.locale_id)
    if language == settings.LANGUAGE_CODE:
        return
    group, _created = Group.objects.get_or_create(name=translator_group_name(language))
    change_page = Permission.objects.get(content_type__app_label="wagtailcore", codename="change_page")
    GroupPagePermission.objects.get_or_create(group=group, page_id=instance.pk, permission=change_page)


def connect(home_page_model) -> None:
    post_save.connect(grant_language_home, sender=home_page_model, dispatch_uid="website.roles.grant_language_home")
