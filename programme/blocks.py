"""StreamField blocks of the programme: meeting agendas and the parts of meeting reports."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from knowledge.models import TOPICS
from website.blocks import RichTextBlock

SESSION_KINDS = [
    ("briefing", _("Briefing")),
    ("working-group", _("Working-group session")),
    ("roundtable", _("Roundtable")),
    ("social", _("Social event")),
]


class AgendaSessionBlock(blocks.StructBlock):
    day = blocks.DateBlock(label=_("Day"))
    time = blocks.TimeBlock(label=_("Start time"), required=False)
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    kind = blocks.ChoiceBlock(label=_("Kind"), choices=SESSION_KINDS, default="briefing")
    explainer = blocks.PageChooserBlock(
        label=_("Related explainer"), page_type="knowledge.ExplainerPage", required=False
    )
    working_group = SnippetChooserBlock("knowledge.WorkingGroup", label=_("Working group"), required=False)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["kind_label"] = dict(SESSION_KINDS).get(value["kind"], "")
        return context

    class Meta:
        icon = "time"
        label = _("Session")
        template = "programme/blocks/agenda_session_block.html"
        description = _("One session of the week: when, what, and what to read or follow.")
        preview_value = {
            "day": "2024-03-18",
            "time": "09:00",
            "title": "Briefing: how routing security is deployed",
            "kind": "briefing",
        }


class AgendaBlocks(blocks.StreamBlock):
    session = AgendaSessionBlock()


class HighlightBlock(blocks.StructBlock):
    topic = blocks.ChoiceBlock(label=_("Topic"), choices=TOPICS)
    text = RichTextBlock(label=_("Text"))

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["topic_label"] = dict(TOPICS).get(value["topic"], "")
        return context

    class Meta:
        icon = "pick"
        label = _("Highlight")
        template = "programme/blocks/highlight_block.html"
        description = _("What happened on one topic during the meeting.")
        preview_value = {
            "topic": "routing",
            "text": "<p>Operators compared notes on validating route origins with RPKI.</p>",
        }


class HighlightBlocks(blocks.StreamBlock):
    highlight = HighlightBlock()


class ObservedSessionBlock(blocks.StructBlock):
    working_group = SnippetChooserBlock("knowledge.WorkingGroup", label=_("Working group"))
    note = blocks.TextBlock(label=_("What was discussed"))

    class Meta:
        icon = "group"
        label = _("Session observed")
        template = "programme/blocks/observed_session_block.html"
        description = _("A working-group session the participants attended, in a sentence or two.")


class ObservedSessionBlocks(blocks.StreamBlock):
    session = ObservedSessionBlock()


class MilestoneBlock(blocks.StructBlock):
    """How many have taken part since the programme began, at one date, with where the count comes from.

    The programme's growth is charted from these alone: counts of every participant so far, as published, not
    sums of per-meeting figures (most meetings have none on record)."""

    date = blocks.DateBlock(label=_("As of"))
    label = blocks.CharBlock(label=_("When, in words"), help_text=_("e.g. “2014, after IETF 89”"))
    participants = blocks.IntegerBlock(min_value=0, label=_("Participants so far"))
    countries = blocks.IntegerBlock(min_value=0, label=_("Countries so far"))
    more_than = blocks.BooleanBlock(
        required=False, label=_("Lower bounds"), help_text=_("The source says “more than” these numbers.")
    )
    source = blocks.CharBlock(label=_("Source"), help_text=_("Who published the figures, and when."))
    source_url = blocks.URLBlock(required=False, label=_("Source address"))

    class Meta:
        icon = "pick"
        label = _("Milestone")


class MilestoneBlocks(blocks.StreamBlock):
    milestone = MilestoneBlock()
