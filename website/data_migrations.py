"""Steps that more than one app's data migrations take. Migrations run forever after they are written, so a
function here never changes what it does once a migration uses it: a different step gets a new function.
"""

from django.utils.html import escape


def as_html(text):
    """Plain text as the rich text it reads as: each paragraph (blank-line separated) in a <p>, escaped."""
    if not text or text.lstrip().startswith("<"):
        return text
    return "".join(f"<p>{escape(part.strip())}</p>" for part in text.split("\n\n") if part.strip())


def plain_field_to_rich_text(app_label: str, model_names: list[str], field: str):
    """A ``RunPython`` step: ``field`` of each page of these models, and in each of its revisions (what the
    editor opens), from plain text to HTML."""

    def run(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")
        Revision = apps.get_model("wagtailcore", "Revision")
        for model_name in model_names:
            model = apps.get_model(app_label, model_name)
            for page in model.objects.exclude(**{field: ""}):
                model.objects.filter(pk=page.pk).update(**{field: as_html(getattr(page, field))})
            content_type = ContentType.objects.filter(app_label=app_label, model=model_name).first()
            if content_type is None:
                continue
            for revision in Revision.objects.filter(content_type=content_type):
                text = revision.content.get(field)
                if text and as_html(text) != text:
                    revision.content[field] = as_html(text)
                    revision.save(update_fields=["content"])

    return run


# Roles and review workflows (website 0007 and the signal in website.roles for home pages added later).
EDITORS = "Editors"
MODERATORS = "Moderators"
EDITORIAL_REVIEW = "Editorial review"


def language_name(code):
    from django.utils.translation import get_language_info  # noqa: PLC0415 - kept next to its one use

    return get_language_info(code)["name"]


def ensure_permissions(apps):
    """Permissions are made after all migrations by default; a migration granting them needs them now."""
    from django.contrib.auth.management import create_permissions  # noqa: PLC0415 - migrations only

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def approval_workflow(apps, name, task_name, group_names):
    """The active workflow ``name`` with one group-approval task, made if missing."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    workflow, created = Workflow.objects.get_or_create(name=name, defaults={"active": True})
    if created or not WorkflowTask.objects.filter(workflow=workflow).exists():
        task_type, _created = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
        task = GroupApprovalTask.objects.create(name=task_name, content_type=task_type, active=True)
        task.groups.set([Group.objects.get_or_create(name=group_name)[0] for group_name in group_names])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return workflow


def translation_review(apps, code):
    """ "Translation review (French)": approved by the French reviewers or by a moderator."""
    name = language_name(code)
    return approval_workflow(
        apps, f"Translation review ({name})", f"{name} review", [f"Reviewers ({name})", MODERATORS]
    )


def give_home_its_roles(apps, home_id, code, source_code):
    """A language's home page: who may change that language's pages, and which workflow they go through.

    English: the editors may add and change pages (and lock them while they work). Another language:
    its translators may change pages, and its pages go through that language's translation review.
    """
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")

    def grant(group_name, codenames):
        group = Group.objects.get_or_create(name=group_name)[0]
        for permission in Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=codenames):
            GroupPagePermission.objects.get_or_create(group=group, page_id=home_id, permission=permission)

    if code == source_code:
        grant(EDITORS, ["add_page", "change_page", "lock_page"])
        return
    name = language_name(code)
    grant(f"Translators ({name})", ["change_page"])
    access_admin = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    for group_name in (f"Translators ({name})", f"Reviewers ({name})"):
        Group.objects.get_or_create(name=group_name)[0].permissions.add(access_admin)
    WorkflowPage.objects.update_or_create(page_id=home_id, defaults={"workflow": translation_review(apps, code)})


def permissions(apps, app_label, model_name, actions):
    """The model permissions ``<action>_<model>``, made if missing: Wagtail makes "publish", "lock" and
    "unlock" of snippets only after all migrations."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _created = ContentType.objects.get_or_create(app_label=app_label, model=model_name)
    return [
        Permission.objects.get_or_create(
            content_type=content_type,
            codename=f"{action}_{model_name}",
            defaults={"name": f"Can {action} {model_name}"},
        )[0]
        for action in actions
    ]


def review_snippets(app_label, model_names, editor_actions=("add", "change", "delete")):
    """A ``RunPython`` step for an app's snippets under review (``website.workflows``): editors add, change
    and (unless ``editor_actions`` says otherwise) delete them (English only, by ``website.permissions``),
    moderators may also publish, lock and unlock them, and the editorial review is their content type's
    workflow (each language's instances of a translatable snippet go through that language's review instead)."""

    def run(apps, schema_editor):
        ensure_permissions(apps)
        Group = apps.get_model("auth", "Group")
        ContentType = apps.get_model("contenttypes", "ContentType")
        WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
        editorial = apps.get_model("wagtailcore", "Workflow").objects.get(name=EDITORIAL_REVIEW)
        editors = Group.objects.get_or_create(name=EDITORS)[0]
        moderators = Group.objects.get_or_create(name=MODERATORS)[0]
        for model_name in model_names:
            editors.permissions.add(*permissions(apps, app_label, model_name, list(editor_actions)))
            moderators.permissions.add(
                *permissions(apps, app_label, model_name, ["add", "change", "delete", "publish", "lock", "unlock"])
            )
            content_type = ContentType.objects.get(app_label=app_label, model=model_name)
            WorkflowContentType.objects.update_or_create(content_type=content_type, defaults={"workflow": editorial})

    return run
