"""Which content files changed since the last seed, so that ``seed_demo`` redoes only what they feed.

A second ``make run`` (or every ``make serve``) used to walk the whole seed to find it had nothing
to do: half a minute. The folder's digest settles that in one query. When it differs, the files
whose digest changed are the ones whose pages and translations are loaded again (as ``--force``
would, for them only); an admin's edits elsewhere survive.
"""

import hashlib
from pathlib import Path

from django.db import transaction

from website.content.models import SeededContentFile


def digests(content: Path) -> dict[str, str]:
    """Each file's digest by its path relative to ``content``, and the whole folder's under ``WHOLE_FOLDER``."""
    whole = hashlib.sha256()
    found = {}
    for file in sorted(path for path in content.rglob("*") if path.is_file()):
        name = file.relative_to(content).as_posix()
        data = file.read_bytes()
        found[name] = hashlib.sha256(data).hexdigest()
        whole.update(name.encode() + b"\0" + found[name].encode())
    found[SeededContentFile.WHOLE_FOLDER] = whole.hexdigest()
    return found


def seeded_digests() -> dict[str, str]:
    return dict(SeededContentFile.objects.values_list("path", "digest"))


def is_unchanged(current: dict[str, str]) -> bool:
    """True when the last complete seed was made from exactly these files (one query)."""
    whole = SeededContentFile.WHOLE_FOLDER
    return SeededContentFile.objects.filter(path=whole, digest=current[whole]).exists()


def changed_files(current: dict[str, str], seeded: dict[str, str]) -> set[str]:
    """Files added or changed since the last seed; none when nothing was recorded (a database seeded before)."""
    if not seeded:
        return set()
    return {path for path, digest in current.items() if seeded.get(path) != digest}


@transaction.atomic
def record(current: dict[str, str]) -> None:
    """Remember what this complete seed was made from."""
    SeededContentFile.objects.all().delete()
    SeededContentFile.objects.bulk_create(SeededContentFile(path=path, digest=d) for path, d in current.items())
