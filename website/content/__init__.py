"""Demo content kept as data: English Markdown pages, PO files per language (see ``content/``).

- ``markdown``: a content file's front matter and its body as StreamField blocks;
- ``po``: the PO files translators fill in, imported through wagtail-localize's own import;
- ``locales``: one Locale per language, and every language's tree following the English one.

Where the files live is the seed run's choice (``seed_demo --content DIR``); by default the
project's ``content/`` folder.
"""

from pathlib import Path

from django.conf import settings


def default_content_dir() -> Path:
    return Path(settings.BASE_DIR) / "content"
