"""Editors, Moderators, Translators and Reviewers of each language, and the review workflows (README, "Roles").

- Wagtail's own "Editors" group could add and change pages in every language (a grant on the root
  page); it now has that grant on the English home page only, so its members touch English alone.
- Wagtail's default workflow, "Moderators approval" on the root page, becomes "Editorial review":
  every English page and snippet is approved by a moderator before it is published.
- Each language's home page gets "Translation review (<language>)": approved by that language's
  reviewers or by a moderator.
Home pages made later get the same from ``website.roles``.
"""

from django.conf import settings
from django.db import migrations

from website.data_migrations import (
    EDITORIAL_REVIEW,
    EDITORS,
    MODERATORS,
    approval_workflow,
    ensure_permissions,
    give_home_its_roles,
    language_name,
    review_snippets,
    translation_review,
)

SITE_SNIPPETS = ["navigationmenu", "footertext"]


def set_up(apps, schema_editor):
    ensure_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")

    def named(app_label, *codenames):
        return list(Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames))

    editors = Group.objects.get_or_create(name=EDITORS)[0]
    moderators = Group.objects.get_or_create(name=MODERATORS)[0]
    access_admin = named("wagtailadmin", "access_admin")
    submit_translation = named("wagtail_localize", "submit_translation")
    search_terms = named("website", "view_searchquerystat")
    editors.permissions.add(*access_admin, *submit_translation, *search_terms)
    moderators.permissions.add(
        *access_admin,
        *submit_translation,
        *search_terms,
        *named("wagtailcore", *(f"{action}_{model}" for action in ("add", "change", "delete") for model in ("workflow", "task"))),
    )
    GroupPagePermission.objects.filter(group=editors, page__depth=1).delete()

    root = Page.objects.get(depth=1)
    default = Workflow.objects.filter(name="Moderators approval", workflow_pages__page=root).first()
    if default is not None and not Workflow.objects.filter(name=EDITORIAL_REVIEW).exists():
        default.name = EDITORIAL_REVIEW
        default.save(update_fields=["name"])
    editorial = approval_workflow(apps, EDITORIAL_REVIEW, "Moderators approval", [MODERATORS])
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": editorial})

    for code, _name in settings.LANGUAGES:
        if code != settings.LANGUAGE_CODE:
            Group.objects.get_or_create(name=f"Reviewers ({language_name(code)})")[0].permissions.add(*access_admin)
            translation_review(apps, code)
    for home in Page.objects.filter(depth=2).select_related("locale"):
        give_home_its_roles(apps, home.pk, home.locale.language_code, settings.LANGUAGE_CODE)

    review_snippets("website", SITE_SNIPPETS)(apps, schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("website", "0006_reviewed_snippets"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(set_up, migrations.RunPython.noop)]
