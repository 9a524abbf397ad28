"""StreamField blocks shared by every page type.

Each block has a description and a preview value, so the block chooser in the admin shows
what it makes. Text in blocks is translated with wagtail-localize; the table block teaches
wagtail-localize how to translate its cells.
"""

from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock as WagtailTableBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock
from wagtail_localize.segments import StringSegmentValue

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul", "h3", "superscript", "subscript"]


# Ids the site frame itself uses (base.html); a page type adds its own in ``reserved_anchors``.
FRAME_IDS = frozenset({"main", "site-search"})


def anchor_for(text: str) -> str:
    """A stable fragment id for a heading: its text slugified, scripts other than Latin kept."""
    return slugify(text, allow_unicode=True) or "section"


def heading_anchors(page) -> dict[int, str]:
    """Unique fragment ids for the headings of ``page.body``, by heading value (computed once per page).

    Two headings with the same text get ``text`` and ``text-2``; a heading whose text is an id the
    page's own template uses ("References" on an explainer) gets the next free one.
    """
    anchors = getattr(page, "_heading_anchors", None)
    if anchors is None:
        taken = set(FRAME_IDS) | set(getattr(page, "reserved_anchors", ()))
        anchors = {}
        for block in getattr(page, "body", None) or ():
            if block.block_type != "heading":
                continue
            base = anchor = anchor_for(block.value["text"])
            number = 2
            while anchor in taken:
                anchor, number = f"{base}-{number}", number + 1
            taken.add(anchor)
            anchors[id(block.value)] = anchor
        page._heading_anchors = anchors
    return anchors


def table_of_contents(page, level: str = "h2") -> list[dict]:
    """The page's headings of ``level``, with the anchors their blocks render."""
    anchors = heading_anchors(page)
    return [
        {"text": block.value["text"], "anchor": anchors[id(block.value)]}
        for block in page.body
        if block.block_type == "heading" and block.value["level"] == level
    ]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Text"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section heading (h2)")), ("h3", _("Subsection heading (h3)"))],
        default="h2",
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        page = (parent_context or {}).get("page")
        anchors = heading_anchors(page) if page is not None else {}
        # Outside a page (the block preview), the text alone names it.
        context["anchor"] = anchors.get(id(value)) or anchor_for(value["text"])
        return context

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading_block.html"
        description = _("A section heading; it gets a stable link anchor and appears in the contents.")
        preview_value = {"text": "How a name becomes an address", "level": "h2"}


class RichTextBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Text")
        template = "blocks/rich_text_block.html"
        description = _("Paragraphs with bold, italic, links and lists.")
        preview_value = (
            "<p>The Internet Engineering Task Force writes the technical standards that let "
            "networks around the world work together.</p>"
        )


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("Kind"),
        choices=[("note", _("Note")), ("tip", _("Tip")), ("important", _("Important"))],
        default="note",
    )
    title = blocks.CharBlock(label=_("Title"), max_length=120, required=False)
    text = RichTextBlock(label=_("Text"))

    class Meta:
        icon = "help"
        label = _("Callout")
        template = "blocks/callout_block.html"
        description = _("A boxed note that stands out from the text around it.")
        preview_value = {
            "kind": "tip",
            "title": "Good to know",
            "text": "<p>Anyone can take part in IETF working groups; there is no membership fee.</p>",
        }


class FigureImageBlock(ImageBlock):
    """Wagtail's image block: alt text (or marked decorative), offered for translation by wagtail-localize."""

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/image_block.html"
        description = _("An image with alternative text for screen readers, in each language.")


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quotation"))
    attribution = blocks.CharBlock(label=_("Attribution"), max_length=200, required=False)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote_block.html"
        description = _("A quotation with the name of who said or wrote it.")
        preview_value = {
            "text": "We reject kings, presidents and voting. We believe in rough consensus and running code.",
            "attribution": "David Clark, 1992",
        }


class TableBlock(WagtailTableBlock):
    """Wagtail's table block, with its caption and cells offered to translators cell by cell."""

    def get_translatable_segments(self, value):
        if not value:
            return []
        segments = []
        if value.get("table_caption"):
            segments.append(StringSegmentValue("caption", value["table_caption"]))
        for row_index, row in enumerate(value.get("data") or []):
            for column_index, cell in enumerate(row):
                if cell not in (None, ""):
                    segments.append(StringSegmentValue(f"{row_index}.{column_index}", str(cell)))
        return segments

    def restore_translated_segments(self, value, segments):
        value = dict(value)
        data = [list(row) for row in value.get("data") or []]
        for segment in segments:
            if segment.path == "caption":
                value["table_caption"] = segment.render_text()
            else:
                row_index, column_index = (int(part) for part in segment.path.split("."))
                data[row_index][column_index] = segment.render_text()
        value["data"] = data
        return value

    class Meta:
        icon = "table"
        label = _("Table")
        template = "blocks/table_block.html"
        description = _("A table of text with an optional header row and caption.")
        preview_value = {
            "first_row_is_table_header": True,
            "first_col_is_header": False,
            "table_caption": "Standards maturity levels",
            "data": [
                ["Level", "Meaning"],
                ["Proposed Standard", "Stable and reviewed by the community"],
                ["Internet Standard", "Mature, widely deployed and interoperable"],
            ],
        }


class EmbeddedMediaBlock(EmbedBlock):
    class Meta:
        icon = "media"
        label = _("Embedded media")
        template = "blocks/embed_block.html"
        description = _("A video or other media from a link (for example a recorded IETF session).")


class BaseContentBlocks(blocks.StreamBlock):
    """The blocks every page body offers; apps extend it with their own."""

    heading = HeadingBlock()
    paragraph = RichTextBlock()
    callout = CalloutBlock()
    image = FigureImageBlock()
    quote = QuoteBlock()
    table = TableBlock()
    embed = EmbeddedMediaBlock()
