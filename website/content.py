"""Demo content kept as data under ``content/``: Markdown pages in English, PO files per language.

English pages are Markdown files with a YAML front matter. Their bodies become StreamField
data: ``##``/``###`` lines become heading blocks, ``::: name arguments`` ... ``:::`` fences
become the block a directive handler makes of them, and the text between becomes rich-text
paragraphs. Translations are PO files exported from wagtail-localize and imported through its
own ``Translation.import_po``, exactly as a translator's upload in the admin would be.
"""

import json
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import markdown
import polib
import yaml
from django.conf import settings
from django.db import transaction
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, Translation, TranslationSource

CONTENT_DIR = Path(settings.BASE_DIR) / "content"
PO_LOCALE_DIR = CONTENT_DIR / "locale"
# wagtail-localize writes this header into exported PO files and ignores a file whose ID is not
# the translation's own. Content PO files live across databases, so they never carry it.
TRANSLATION_ID_HEADER = "X-WagtailLocalize-TranslationID"

FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n?(.*)\Z", re.DOTALL)
DIRECTIVE_OPEN = re.compile(r"^:::\s*([\w-]+)\s*(.*)$")
HEADING = re.compile(r"^(#{2,3})\s+(.+?)\s*#*$")

BLOCK_ID_NAMESPACE = uuid.UUID("5b1f0a52-8d55-4a3e-9d1e-6f1c2a7e4b10")

# A directive handler turns (arguments, inner Markdown) into one raw StreamField block.
DirectiveHandler = Callable[[str, str], dict]


def read_markdown_file(path: Path) -> tuple[dict, str]:
    """Split a content file into its front matter (a dict) and its Markdown body."""
    text = path.read_text(encoding="utf-8")
    match = FRONT_MATTER.match(text)
    if not match:
        raise ValueError(f"{path.relative_to(CONTENT_DIR)}: no YAML front matter")
    return yaml.safe_load(match.group(1)) or {}, match.group(2).strip()


LIST_ITEM = re.compile(r"^\s*([-*+]|\d+[.)])\s")


def unwrap(text: str) -> str:
    """Join the hard-wrapped lines of each paragraph or list item, so a translator sees whole sentences."""
    lines: list[str] = []
    for line in text.splitlines():
        if not line.strip() or not lines or not lines[-1].strip() or LIST_ITEM.match(line):
            lines.append(line.rstrip())
        else:
            lines[-1] = f"{lines[-1]} {line.strip()}"
    return "\n".join(lines)


def markdown_to_html(text: str) -> str:
    """Markdown to Wagtail's rich-text HTML (bold and italic as Draftail stores them)."""
    html = markdown.markdown(unwrap(text.strip()), extensions=["sane_lists"], output_format="html")
    html = html.replace(">\n<", "><")
    html = re.sub(r"<(/?)strong>", r"<\1b>", html)
    return re.sub(r"<(/?)em>", r"<\1i>", html)


def callout_directive(arguments: str, inner: str) -> dict:
    return {
        "type": "callout",
        "value": {"kind": "note", "title": arguments, "text": markdown_to_html(inner)},
    }


@dataclass
class MarkdownStream:
    """Converts Markdown bodies to raw StreamField data, with directives apps may add."""

    directives: dict[str, DirectiveHandler] = field(default_factory=lambda: {"callout": callout_directive})
    paragraph_block: str = "paragraph"
    heading_block: str = "heading"

    def convert(self, text: str, key: str) -> list[dict]:
        """Raw StreamField data for ``text``; ``key`` names the document (for stable block ids)."""
        blocks: list[dict] = []
        paragraph: list[str] = []
        lines = text.splitlines()

        def flush():
            chunk = "\n".join(paragraph).strip()
            paragraph.clear()
            if chunk:
                blocks.append({"type": self.paragraph_block, "value": markdown_to_html(chunk)})

        index = 0
        while index < len(lines):
            line = lines[index]
            heading = HEADING.match(line)
            directive = DIRECTIVE_OPEN.match(line)
            if heading:
                flush()
                level = "h2" if len(heading.group(1)) == 2 else "h3"
                blocks.append({"type": self.heading_block, "value": {"text": heading.group(2), "level": level}})
            elif directive and directive.group(1) in self.directives:
                flush()
                inner = []
                index += 1
                while index < len(lines) and lines[index].strip() != ":::":
                    inner.append(lines[index])
                    index += 1
                name, arguments = directive.group(1), directive.group(2).strip()
                blocks.append(self.directives[name](arguments, "\n".join(inner)))
            elif directive:
                raise ValueError(f"Unknown content directive '::: {directive.group(1)}'")
            else:
                paragraph.append(line)
            index += 1
        flush()
        return with_stable_ids(blocks, key)


def with_stable_ids(blocks: list[dict], key: str) -> list[dict]:
    """Give each block an id derived from its document, type and content.

    wagtail-localize identifies a translated string by its block id. Random ids would differ in
    every fresh database, and the PO files under ``content/locale`` would no longer match; ids
    derived from content stay the same across databases and when other blocks move or change.
    """
    seen: dict[str, int] = {}
    for block in blocks:
        # A directive may name what identifies its block when the value holds database ids.
        identity = block.pop("_identity", None) or [block["type"], block["value"]]
        content = json.dumps(identity, sort_keys=True, ensure_ascii=False)
        seen[content] = seen.get(content, 0) + 1
        block["id"] = str(uuid.uuid5(BLOCK_ID_NAMESPACE, f"{key}|{content}|{seen[content]}"))
    return blocks


def source_locale() -> Locale:
    return Locale.objects.get(language_code=settings.LANGUAGE_CODE)


def ensure_locales() -> dict[str, Locale]:
    """One wagtail Locale per configured language, English first."""
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code, _name in settings.LANGUAGES}


def synchronise_locales() -> None:
    """Make every language follow the English tree (wagtail-localize's "synchronise from" setting).

    A page not yet translated then exists in each language as an alias of the English page, so
    a reader in that language can still reach it, shown in English with a notice. Pages created
    later in the admin get their aliases from wagtail-localize as they are created.
    """
    from wagtail_localize.models import LocaleSynchronization
    from wagtail_localize.synctree import PageIndex, synchronize_tree

    source = source_locale()
    for locale in Locale.objects.exclude(pk=source.pk):
        LocaleSynchronization.objects.get_or_create(locale=locale, defaults={"sync_from": source})
        synchronize_tree(source, locale, page_index=PageIndex.from_database().sort_by_tree_position())


FRAGMENT_SEPARATOR = "::"


def po_path(language_code: str, key: str) -> Path:
    """``key`` names a PO file (``pages/about``), or a part of one (``knowledge/glossary#dns``)."""
    return PO_LOCALE_DIR / language_code / f"{key.partition('#')[0]}.po"


def load_po(path: Path) -> polib.POFile:
    po = polib.pofile(str(path), wrapwidth=0)
    po.metadata.pop(TRANSLATION_ID_HEADER, None)
    return po


def po_for_key(path: Path, key: str) -> polib.POFile:
    """The PO entries of ``key``: the whole file, or for ``file#part`` the entries whose context starts
    with ``part::`` (one file then holds many small objects, such as every glossary term of a language)."""
    po = load_po(path)
    fragment = key.partition("#")[2]
    if not fragment:
        return po
    prefix = f"{fragment}{FRAGMENT_SEPARATOR}"
    part = polib.POFile(wrapwidth=0)
    part.metadata = dict(po.metadata)
    for entry in po:
        if entry.msgctxt and entry.msgctxt.startswith(prefix):
            part.append(polib.POEntry(msgctxt=entry.msgctxt[len(prefix) :], msgid=entry.msgid, msgstr=entry.msgstr))
    return part


# Entries a translator may leave empty on purpose: the English value is then kept.
OPTIONAL_CONTEXTS = {"slug"}


def is_complete(po: polib.POFile) -> bool:
    """True when every entry is translated (but those allowed to stay empty).

    A translation in progress is not published: readers would get a page presented as their
    language with English passages in it. Until it is complete they get the English page,
    labelled as such.
    """
    entries = [entry for entry in po if not entry.obsolete]
    return bool(entries) and all(entry.msgstr or entry.msgctxt in OPTIONAL_CONTEXTS for entry in entries)


def translate_from_po(instance, language_code: str, key: str, *, force: bool = False, publish: bool = True):
    """Create or refresh ``instance``'s translation into ``language_code`` from its content PO file.

    Returns the translated instance, or None when there is no translation for it (partial coverage
    is real: such pages stay untranslated). An existing translation is left alone unless ``force``.
    Each object commits on its own, so wagtail-localize's on-commit publishing sees fresh pages.
    """
    path = po_path(language_code, key)
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
        source, _created = TranslationSource.update_or_create_from_instance(instance)
        translation, _created = Translation.objects.get_or_create(
            source=source, target_locale=locale, defaults={"enabled": True}
        )
        translation.import_po(po, tool_name="content PO file")
        translation.save_target(publish=publish)
    return instance.get_translation(locale)


def export_po(instance, language_code: str, key: str) -> Path:
    """Write the PO entries translators fill in for ``instance``, keeping translations already made.

    Entries are the source's segments in order, as wagtail-localize's own export lists them.
    """
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    segments = StringSegment.objects.filter(source=source).order_by("order").select_related("string", "context")
    path = po_path(language_code, key)
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
