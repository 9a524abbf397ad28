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
