"""Rebuild the search index of one language, or of all (then it is Wagtail's own ``update_index``)."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from modelsearch.backends.database.postgres.postgres import IndexEntry
from modelsearch.index import get_indexed_models
from wagtail.models import TranslatableMixin

from website.search import facts
from website.search.backends import backend_for, get_backend, uses_elasticsearch

CHUNK = 200


class Command(BaseCommand):
    help = "Rebuild the search index: every language (Wagtail's update_index), or one with --language."

    def add_arguments(self, parser):
        parser.add_argument("--language", help="Only this language, e.g. fr or zh-hans.")

    def handle(self, *args, language=None, **options):
        codes = [code for code, _name in settings.LANGUAGES]
        if not language:
            call_command("update_index", verbosity=options["verbosity"], stdout=self.stdout)
            return
        if language not in codes:
            raise CommandError(f"Unknown language {language!r}; choose one of {', '.join(codes)}.")
        backends = [get_backend("default")]
        if uses_elasticsearch(language):
            backends.append(backend_for(language))
        for model in get_indexed_models():
            if not issubclass(model, TranslatableMixin):
                continue
            objects = model.get_indexed_objects().filter(locale__language_code=language)
            total = objects.count()
            if not total:
                continue
            # Entries of this language's objects are replaced; other languages are not touched.
            IndexEntry.objects.filter(
                content_type__in=_content_types(model),
                object_id__in=[str(pk) for pk in objects.values_list("pk", flat=True)],
            ).delete()
            done = 0
            for start in range(0, total, CHUNK):
                chunk = list(objects.order_by("pk")[start : start + CHUNK])
                for backend in backends:
                    index = backend.get_index_for_model(model)
                    index.add_model(model)
                    index.add_items(model, chunk)
                done += len(chunk)
                self.stdout.write(f"{language}: {model._meta.label}: {done}/{total}")
        facts.delete_stale()
        self.stdout.write(self.style.SUCCESS(f"Search index of {language} rebuilt."))


def _content_types(model):
    return [ContentType.objects.get_for_model(model)]
