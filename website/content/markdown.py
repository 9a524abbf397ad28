"""English content files: Markdown with a YAML front matter, turned into StreamField data.

``##``/``###`` lines become heading blocks, ``::: name arguments`` ... ``:::`` fences become the
block a directive handler makes of them (apps add their own), and the text between becomes
rich-text paragraphs. Block ids derive from content, so PO files stay valid across databases.
"""

import json
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import markdown
import yaml

FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n?(.*)\Z", re.DOTALL)
DIRECTIVE_OPEN = re.compile(r"^:::\s*([\w-]+)\s*(.*)$")
HEADING = re.compile(r"^(#{2,3})\s+(.+?)\s*#*$")
LIST_ITEM = re.compile(r"^\s*([-*+]|\d+[.)])\s")

BLOCK_ID_NAMESPACE = uuid.UUID("5b1f0a52-8d55-4a3e-9d1e-6f1c2a7e4b10")

# A directive handler turns (arguments, inner Markdown) into one raw StreamField block.
DirectiveHandler = Callable[[str, str], dict]


def read_markdown_file(path: Path) -> tuple[dict, str]:
    """Split a content file into its front matter (a dict) and its Markdown body."""
    text = path.read_text(encoding="utf-8")
    match = FRONT_MATTER.match(text)
    if not match:
        raise ValueError(f"{path}: no YAML front matter")
    return yaml.safe_load(match.group(1)) or {}, match.group(2).strip()


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
