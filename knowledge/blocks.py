"""StreamField blocks of explainers, on top of the shared ones."""

from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from knowledge.diagrams import DRAWINGS, drawing_choices, render
from website.blocks import BaseContentBlocks, RichTextBlock


class KeyConceptBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Concept"), max_length=120)
    text = RichTextBlock(label=_("Explanation"))

    class Meta:
        icon = "pick"
        label = _("Key concept")
        template = "knowledge/blocks/key_concept_block.html"
        description = _("One idea explained in a box, for readers who want the essentials.")
        preview_value = {
            "title": "Recursive resolver",
            "text": "<p>The server that looks up names on your behalf, usually run by your Internet provider.</p>",
        }


class WorkedExampleBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=160)
    text = RichTextBlock(label=_("Steps"))

    class Meta:
        icon = "list-ol"
        label = _("Worked example")
        template = "knowledge/blocks/worked_example_block.html"
        description = _("A concrete story, step by step: what happens when someone does something.")
        preview_value = {
            "title": "Opening a ministry's website",
            "text": "<ol><li>The browser asks a resolver for the name.</li>"
            "<li>The resolver asks the root, then the top-level domain.</li></ol>",
        }


class RfcReferenceBlock(blocks.StructBlock):
    rfc = SnippetChooserBlock("knowledge.Rfc", label=_("RFC"))
    note = RichTextBlock(label=_("Why it matters here"), required=False)

    def get_preview_value(self):
        from knowledge.models import Rfc  # noqa: PLC0415 - knowledge.models imports this module: circular

        return self.to_python(
            {
                "rfc": Rfc.objects.filter(number=4033).values_list("pk", flat=True).first(),
                "note": "<p>The introduction to DNSSEC: what it protects, and what it does not.</p>",
            }
        )

    class Meta:
        icon = "doc-full"
        label = _("RFC reference")
        template = "knowledge/blocks/rfc_reference_block.html"
        description = _("Points to an RFC, with its title and year added automatically, and a short note.")


class FigureBlock(blocks.StructBlock):
    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), max_length=250)

    class Meta:
        icon = "image"
        label = _("Figure")
        template = "knowledge/blocks/figure_block.html"
        description = _("A diagram or picture with a caption, both translated.")


class DiagramBlock(blocks.StructBlock):
    """One of the site's drawings (``knowledge.diagrams``), drawn on the server with this page's own labels."""

    drawing = blocks.ChoiceBlock(label=_("Drawing"), choices=drawing_choices)
    caption = blocks.CharBlock(label=_("Caption"), max_length=250)
    description = blocks.TextBlock(
        label=_("Text alternative"),
        help_text=_("What the drawing shows, in words, for readers who cannot see it (read out by screen readers)."),
    )
    labels = blocks.ListBlock(
        blocks.CharBlock(label=_("Label"), max_length=120),
        label=_("Labels"),
        help_text=_("The words on the drawing, in the order of its boxes and arrows; an empty one keeps the English."),
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        drawing = DRAWINGS.get(value["drawing"])
        context["svg"] = ""
        if drawing is not None:
            svg = render(
                drawing,
                list(value["labels"]),
                translation.get_language_bidi(),
                value["caption"],
                value["description"],
                f"diagram-{drawing.name}",
            )
            context["svg"] = mark_safe(svg)  # every text in it is escaped by render()
        return context

    class Meta:
        icon = "site"
        label = _("Diagram")
        template = "knowledge/blocks/diagram_block.html"
        description = _("A drawing of how something works, with translated labels, a caption and a text alternative.")
        preview_value = {
            "drawing": "dns-lookup",
            "caption": "Looking up a name, step by step",
            "description": "Your device asks a resolver, which asks a root server, a top-level domain server and "
            "the authoritative server in turn, then answers and keeps the answer.",
            "labels": list(DRAWINGS["dns-lookup"].labels),
        }


class ExplainerBlocks(BaseContentBlocks):
    key_concept = KeyConceptBlock()
    worked_example = WorkedExampleBlock()
    rfc_reference = RfcReferenceBlock()
    figure = FigureBlock()
    diagram = DiagramBlock()
