"""The introduction of these pages becomes rich text, like every other page type's; existing text is wrapped in <p>."""

import wagtail.fields
from django.db import migrations
from django.utils.html import escape

APP = 'programme'
MODELS = ['meetingreportindexpage', 'programmepage']


def as_html(text):
    """Plain text to the rich text it reads as: each paragraph (blank-line separated) in a <p>, escaped."""
    if not text or text.lstrip().startswith("<"):
        return text
    return "".join(f"<p>{escape(part.strip())}</p>" for part in text.split("\n\n") if part.strip())


def introductions_to_html(apps, schema_editor):
    """Each page's introduction, and the introduction in its revisions (what the editor opens), as HTML."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    for model_name in MODELS:
        model = apps.get_model(APP, model_name)
        for page in model.objects.exclude(introduction=""):
            model.objects.filter(pk=page.pk).update(introduction=as_html(page.introduction))
        content_type = ContentType.objects.filter(app_label=APP, model=model_name).first()
        if content_type is None:
            continue
        for revision in Revision.objects.filter(content_type=content_type):
            text = revision.content.get("introduction")
            if text and as_html(text) != text:
                revision.content["introduction"] = as_html(text)
                revision.save(update_fields=["content"])


class Migration(migrations.Migration):

    dependencies = [
        ('wagtailcore', '0098_apitoken'),
        ('programme', '0001_initial'),
    ]

    operations = [
        migrations.AlterField(
            model_name='meetingreportindexpage',
            name='introduction',
            field=wagtail.fields.RichTextField(blank=True, verbose_name='introduction'),
        ),
        migrations.AlterField(
            model_name='programmepage',
            name='introduction',
            field=wagtail.fields.RichTextField(blank=True, help_text='One or two sentences.', verbose_name='introduction'),
        ),
        migrations.RunPython(introductions_to_html, migrations.RunPython.noop),
    ]
