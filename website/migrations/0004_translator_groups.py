"""One "Translators (<language>)" group per language, with admin access and "change" on the site's snippets.

The grant on each language's home page is made here for home pages that exist already, and by
``website.roles`` whenever a language's home page is saved. Apps add "change" on their own
translatable snippets in their own migrations.
"""

from django.conf import settings
from django.db import migrations
from django.utils.translation import get_language_info

from website.data_migrations import ensure_permissions

SITE_SNIPPETS = ["navigationmenu", "footertext"]


def create_groups(apps, schema_editor):
    ensure_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    access_admin = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    change_page = Permission.objects.get(content_type__app_label="wagtailcore", codename="change_page")
    snippets = Permission.objects.filter(
        content_type__app_label="website", codename__in=[f"change_{name}" for name in SITE_SNIPPETS]
    )
    for code, _name in settings.LANGUAGES:
        if code == settings.LANGUAGE_CODE:
            continue
        group, _created = Group.objects.get_or_create(name=f"Translators ({get_language_info(code)['name']})")
        group.permissions.add(access_admin, *snippets)
        for home in Page.objects.filter(depth=2, locale__language_code=code):
            GroupPagePermission.objects.get_or_create(group=group, page=home, permission=change_page)


class Migration(migrations.Migration):
    dependencies = [
        ("website", "0003_search_title_body_index"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0098_apitoken"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]
