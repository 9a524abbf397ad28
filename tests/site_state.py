"""What a site holds, as plain data to compare two databases with (the backup round trip).

Run inside a Django process: ``summary()`` on the test database, and the same in a process
started on the restored data folder (``python -m tests.site_state``, printing JSON).
"""

import json
from collections import Counter

# One word per language that the demo content answers (the site's own search, in that language's analyser).
SEARCHES = {
    "en": "routing",
    "fr": "routage",
    "es": "enrutamiento",
    "pt": "roteamento",
    "ru": "маршрутизация",
    "ar": "التوجيه",
    "zh-hans": "路由",
}


def summary() -> dict:
    from wagtail.models import Page, Revision  # noqa: PLC0415 - needs Django set up
    from wagtail_localize.models import StringTranslation, Translation  # noqa: PLC0415

    from knowledge.models import GlossaryTerm  # noqa: PLC0415
    from website.search.service import find_matches  # noqa: PLC0415

    pages = [
        [page.path, page.locale.language_code, page.slug, page.title, page.live, page.alias_of_id is not None]
        for page in Page.objects.select_related("locale").order_by("path")
    ]
    revisions = Counter(
        f"{app}.{model}"
        for app, model in Revision.objects.values_list("content_type__app_label", "content_type__model")
    )
    translated = Counter(StringTranslation.objects.values_list("locale__language_code", flat=True))
    terms = Counter(GlossaryTerm.objects.values_list("locale__language_code", flat=True))
    searches = {
        language: [f"{hit.model}:{hit.object_id}" for hit in find_matches(query, language)]
        for language, query in SEARCHES.items()
    }
    return {
        "pages": pages,
        "revisions": dict(sorted(revisions.items())),
        "string_translations": dict(sorted(translated.items())),
        "translations": Translation.objects.count(),
        "glossary_terms": dict(sorted(terms.items())),
        "searches": searches,
    }


if __name__ == "__main__":
    import django

    django.setup()
    print(json.dumps(summary()))
