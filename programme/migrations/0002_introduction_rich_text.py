"""The introduction of these pages becomes rich text, like every other page type's; existing text is wrapped in <p>."""

import wagtail.fields
from django.db import migrations

from website.data_migrations import plain_field_to_rich_text


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
        migrations.RunPython(
            plain_field_to_rich_text('programme', ['meetingreportindexpage', 'programmepage'], "introduction"), migrations.RunPython.noop
        ),
    ]
