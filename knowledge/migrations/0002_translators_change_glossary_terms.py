"""Translator groups (website 0004) may change glossary terms: in their own language only (website.permissions)."""

from django.db import migrations

from website.data_migrations import ensure_permissions


def grant(apps, schema_editor):
    ensure_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    change_term = Permission.objects.get(content_type__app_label="knowledge", codename="change_glossaryterm")
    for group in Group.objects.filter(name__startswith="Translators ("):
        group.permissions.add(change_term)


class Migration(migrations.Migration):
    dependencies = [
        ("knowledge", "0001_initial"),
        ("website", "0004_translator_groups"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
