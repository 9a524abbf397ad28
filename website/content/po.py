"""Translations of the demo content: PO files under ``<content>/locale/<language>/<key>.po``.

They are exported from wagtail-localize and imported through its own ``Translation.import_po``,
exactly as a translator's upload in the admin would be. A key names a file (``pages/about``) or a
part of one (``knowledge/glossary#dns``: the entries whose context starts with ``dns::``), so one
file can hold many small objects, such as every glossary term of a language.
"""

import copy
from functools import lru_cache
from pathlib import Path

import polib
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Page
from wagtail_localize.models import (
    String,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationContext,
    TranslationSource,
)
from wagtail_localize.strings import StringValue, validate_translation_links

from website.compat.wagtail_localize import TRANSLATION_ID_HEADER

FRAGMENT_SEPARATOR = "::"
# Entries a translator may leave empty on purpose: the English value is then kept.
OPTIONAL_CONTEXTS = {"slug"}


def po_path(locale_dir: Path, language_code: str, key: str) -> Path:
    return Path(locale_dir) / language_code / f"{key.partition('#')[0]}.po"


def load_po(path: Path) -> polib.POFile:
    """The PO file at ``path``, without wagtail-localize's translation id.

    Content PO files live across databases, so they never carry the id (wagtail-localize ignores a
    file whose id is not the translation's own). A file shared by many objects is read once.
    """
    stat = path.stat()
    return _parsed(str(path), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=64)
def _parsed(path: str, _mtime_ns: int, _size: int) -> polib.POFile:
    po = polib.pofile(path, wrapwidth=0)
    po.metadata.pop(TRANSLATION_ID_HEADER, None)
    return po


def po_for_key(path: Path, key: str) -> polib.POFile:
    """The PO entries of ``key`` (a copy: the parsed file is shared): the whole file, or those of its ``#part``."""
    po = load_po(path)
    fragment = key.partition("#")[2]
    if not fragment:
        return copy.deepcopy(po)
    prefix = f"{fragment}{FRAGMENT_SEPARATOR}"
    part = polib.POFile(wrapwidth=0)
    part.metadata = dict(po.metadata)
    for entry in po:
        if entry.msgctxt and entry.msgctxt.startswith(prefix):
            part.append(polib.POEntry(msgctxt=entry.msgctxt[len(prefix) :], msgid=entry.msgid, msgstr=entry.msgstr))
    return part


def is_complete(po: polib.POFile) -> bool:
    """True when every entry is translated (but those allowed to stay empty).

    A translation in progress is not published: readers would get a page presented as their
    language with English passages in it. Until it is complete they get the English page,
    labelled as such.
    """
    entries = [entry for entry in po if not entry.obsolete]
    return bool(entries) and all(entry.msgstr or entry.msgctxt in OPTIONAL_CONTEXTS for entry in entries)


def keep_untranslated_slug(translation):
    """A slug the content PO file leaves out is the original's ("ietf-100", "home" read the same everywhere).

    Recorded as its translation, so the translation counts as complete (``website.review``): a slug
    is not prose a translator has left undone.
    """
    for segment in StringSegment.objects.filter(source=translation.source, context__path="slug").select_related(
        "string"
    ):
        StringTranslation.objects.get_or_create(
            translation_of_id=segment.string_id,
            locale=translation.target_locale,
            context_id=segment.context_id,
            defaults={
                "data": segment.string.data,
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                "tool_name": "content PO file",
            },
        )


def import_po(translation, po: polib.POFile, tool_name: str) -> None:
    """What ``Translation.import_po`` does, in a handful of queries for the whole file.

    wagtail-localize's own import asks four or five queries per entry (the string, its context,
    whether the string is used there, then get-or-create its translation): most of a seed's
    queries. This reads the source's strings, contexts and existing translations once, creates
    the new translations in one statement, and keeps the rest of its behaviour: blank or unknown
    entries are skipped, an entry whose string is not used in its context is ignored, a changed
    translation is updated, an invalid one is flagged (``has_error``, as ``StringTranslation.save``
    does), and a page title's translation is its draft title.
    """
    source = translation.source
    entries = [entry for entry in po if entry.msgstr]
    strings = {
        string.data_hash: string
        for string in String.objects.filter(
            locale_id=source.locale_id, data_hash__in={String._get_data_hash(entry.msgid) for entry in entries}
        )
    }
    contexts = {
        context.path: context
        for context in TranslationContext.objects.filter(
            object_id=source.object_id, path__in={entry.msgctxt for entry in entries}
        )
    }
    string_ids = [string.pk for string in strings.values()]
    context_ids = [context.pk for context in contexts.values()]
    pairs = {"string_id__in": string_ids, "context_id__in": context_ids}
    used = set(StringSegment.objects.filter(**pairs).values_list("string_id", "context_id"))
    known = StringTranslation.objects.filter(translation_of_id__in=string_ids, context_id__in=context_ids)
    used |= set(known.values_list("translation_of_id", "context_id"))
    existing = {(row.translation_of_id, row.context_id): row for row in known.filter(locale=translation.target_locale)}
    new = []
    for entry in entries:
        string = strings.get(String._get_data_hash(entry.msgid))
        context = contexts.get(entry.msgctxt)
        if string is None or context is None or (string.pk, context.pk) not in used:
            continue
        row = existing.get((string.pk, context.pk))
        if row is None:
            row = StringTranslation(
                translation_of=string,
                locale_id=translation.target_locale_id,
                context=context,
                data=entry.msgstr,
                updated_at=timezone.now(),
                translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
                tool_name=tool_name,
                has_error=not _valid(string.data, entry.msgstr),
            )
            existing[(string.pk, context.pk)] = row
            new.append(row)
        elif row.data != entry.msgstr:
            row.data, row.tool_name, row.last_translated_by = entry.msgstr, tool_name, None
            row.translation_type = StringTranslation.TRANSLATION_TYPE_MANUAL
            row.updated_at, row.has_error = timezone.now(), False
            if row.pk is None:
                row.has_error = not _valid(string.data, entry.msgstr)
            else:
                row.save()  # its own validation and signal, as wagtail-localize's import would
    StringTranslation.objects.bulk_create(new)
    for row in new:
        if row.context.path == "title":
            Page.objects.filter(translation_key=row.context.object_id, locale_id=row.locale_id).update(
                draft_title=row.data
            )


def _valid(original: str, translated: str) -> bool:
    """The check ``StringTranslation.save`` makes before it sets ``has_error``."""
    try:
        StringValue.from_translated_html(translated)
        validate_translation_links(original, translated)
    except ValueError:
        return False
    return True


def translate_from_po(
    instance,
    language_code: str,
    key: str,
    locale_dir: Path,
    *,
    force: bool = False,
    publish: bool = True,
    source: TranslationSource | None = None,
    own_fields: dict[str, str] | None = None,
):
    """Create or refresh ``instance``'s translation into ``language_code`` from its content PO file.

    Returns the translated instance, or None when there is no translation for it (partial coverage
    is real: such pages stay untranslated). An existing translation is left alone unless ``force``.
    ``source`` is the instance's ``TranslationSource`` when the caller has it already (one for
    every language). Each object commits on its own, so wagtail-localize's on-commit publishing
    sees fresh pages. ``own_fields``: values of fields each language keeps for itself (neither translated nor
    synchronised by wagtail-localize, so no PO entry holds them), set on the translation.
    """
    path = po_path(locale_dir, language_code, key)
    if not path.exists():
        return None
    po = po_for_key(path, key)
    if not is_complete(po):
        return None
    locale = Locale.objects.get(language_code=language_code)
    existing = instance.get_translation_or_none(locale)
    # An alias (the English page shown while there is no translation) is replaced by the translation.
    if existing is not None and not force and getattr(existing, "alias_of_id", None) is None:
        return existing
    with transaction.atomic():
        if source is None:
            source, _created = TranslationSource.update_or_create_from_instance(instance)
        translation, _created = Translation.objects.get_or_create(
            source=source, target_locale=locale, defaults={"enabled": True}
        )
        import_po(translation, po, tool_name="content PO file")
        keep_untranslated_slug(translation)
        translation.save_target(publish=publish)
        if own_fields:
            # After wagtail-localize's publishing, which it runs on commit and which writes the revision's values.
            rows = type(instance)._default_manager.filter(translation_key=instance.translation_key, locale=locale)
            transaction.on_commit(lambda: rows.update(**own_fields))
    return instance.get_translation(locale)


def export_po(instance, language_code: str, key: str, locale_dir: Path) -> Path:
    """Write the PO entries translators fill in for ``instance``, keeping translations already made.

    Entries are the source's segments in order, as wagtail-localize's own export lists them.
    """
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    segments = StringSegment.objects.filter(source=source).order_by("order").select_related("string", "context")
    path = po_path(locale_dir, language_code, key)
    fragment = key.partition("#")[2]
    prefix = f"{fragment}{FRAGMENT_SEPARATOR}" if fragment else ""
    existing = load_po(path) if path.exists() else None
    known = {(entry.msgctxt, entry.msgid): entry.msgstr for entry in existing or [] if entry.msgstr}
    fresh = [
        polib.POEntry(
            msgctxt=prefix + segment.context.path,
            msgid=segment.string.data,
            msgstr=known.get((prefix + segment.context.path, segment.string.data), ""),
        )
        for segment in segments
    ]
    po = polib.POFile(wrapwidth=0)
    po.metadata = {
        "Project-Id-Version": f"policymakers-content {key.partition('#')[0]}",
        "Language": language_code,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=utf-8",
        "Content-Transfer-Encoding": "8bit",
    }
    # Other parts of a shared file keep their place; this part's entries replace its old ones.
    placed = False
    for entry in existing or []:
        if prefix and not (entry.msgctxt or "").startswith(prefix):
            po.append(entry)
        elif not placed:
            po.extend(fresh)
            placed = True
    if not placed:
        po.extend(fresh)
    path.parent.mkdir(parents=True, exist_ok=True)
    po.save(str(path))
    return path
