"""Moderators see and lift sign-in lockouts (README, "Sign-in"): django-axes's view and delete permissions on its
access attempts, which ``website.sign_in.views`` asks for."""

from django.db import migrations

from website.data_migrations import MODERATORS, ensure_permissions


def grant(apps, schema_editor):
    ensure_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    moderators = Group.objects.get_or_create(name=MODERATORS)[0]
    moderators.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="axes", codename__in=["view_accessattempt", "delete_accessattempt"]
        )
    )


class Migration(migrations.Migration):
    dependencies = [
        ("website", "0007_editorial_roles_and_workflows"),
        ("axes", "0010_accessattemptexpiration"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
