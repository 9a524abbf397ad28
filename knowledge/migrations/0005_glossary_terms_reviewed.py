"""Glossary terms go through review like pages (website 0007); editors and moderators keep the RFC and
working-group library."""

from django.db import migrations

from website.data_migrations import EDITORS, MODERATORS, permissions, review_snippets


def library(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    editors = Group.objects.get_or_create(name=EDITORS)[0]
    moderators = Group.objects.get_or_create(name=MODERATORS)[0]
    for model_name in ("rfc", "workinggroup"):
        editors.permissions.add(*permissions(apps, "knowledge", model_name, ["add", "change"]))
        moderators.permissions.add(*permissions(apps, "knowledge", model_name, ["add", "change", "delete"]))


class Migration(migrations.Migration):
    dependencies = [
        ("knowledge", "0004_reviewed_snippets"),
        ("website", "0007_editorial_roles_and_workflows"),
    ]

    operations = [
        migrations.RunPython(review_snippets("knowledge", ["glossaryterm"]), migrations.RunPython.noop),
        migrations.RunPython(library, migrations.RunPython.noop),
    ]
