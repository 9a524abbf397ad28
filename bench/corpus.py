"""Generated pages for the benchmarks, written from each language's own demo sentences.

The search benchmark needs many pages to rank; the page benchmark needs explainers and reports
as long and as linked as real ones, so that rendering, glossary marking and the reference lists
cost what they cost on the site. Both draw from the sentences of the demo content in the page's
language (reshuffled with a seeded random generator), so Arabic and Chinese pages have Arabic and
Chinese text, with the glossary terms of that language and links to RFCs in it.

Needs Django set up and the demo content loaded (``seed_demo``).
"""

import html
import re

from wagtail.models import Locale, Page

from knowledge.models import (
    TOPICS,
    ExplainerPage,
    ExplainerRelated,
    ExplainerRfc,
    ExplainerWorkingGroup,
    GlossaryTerm,
    Rfc,
    TopicPage,
    WorkingGroup,
)
from programme.models import MeetingPage, MeetingReportIndexPage, MeetingReportPage, ReportRelatedExplainer
from website.models import StandardPage
from website.search.highlight import searchable_text

SENTENCE = re.compile(r"(?<=[.!?。؟])\s*")
# An explainer of the demo has five to eight sections of two or three paragraphs (about a thousand words).
EXPLAINER_SECTIONS = 6
PARAGRAPHS_PER_SECTION = 2
SENTENCES_PER_PARAGRAPH = 4
REPORT_HIGHLIGHTS = 4
REPORT_SESSIONS = 3


def sentences_of(locale) -> list[str]:
    """The sentences of every original page (not alias) of a language, longer than a few words."""
    texts = [searchable_text(page) for page in Page.objects.filter(locale=locale, alias_of__isnull=True).specific()]
    return [s.strip() for text in texts for s in SENTENCE.split(text) if len(s.strip()) > 20]


def generate(locale, count, rng):
    """``count`` standard pages under the home page of ``locale`` (the search benchmark's corpus)."""
    sentences = sentences_of(locale)
    parent = Page.objects.get(locale=locale, depth=2)
    made = []
    for number in range(count):
        picked = rng.sample(sentences, k=min(8, len(sentences)))
        title = " ".join(picked[0].split()[:6]).rstrip(".,:;")
        page = StandardPage(
            title=f"{title} {number}",
            slug=f"bench-{number}",
            introduction=f"<p>{' '.join(picked[1:3])}</p>",
            body=[{"type": "paragraph", "value": "<p>" + " ".join(picked[3:]) + "</p>"}],
            locale=locale,
        )
        parent.add_child(instance=page)
        made.append(page)
    return made


class Writer:
    """Paragraphs of one language: demo sentences with glossary terms and RFC links mixed in."""

    def __init__(self, locale, rng):
        self.rng = rng
        self.sentences = sentences_of(locale)
        if not self.sentences:
            raise RuntimeError(f"No demo text in {locale.language_code}: load the demo content first (seed_demo).")
        terms = GlossaryTerm.objects.filter(locale=locale, live=True)
        self.terms = [term.abbreviation or term.term for term in terms] or [""]
        self.rfcs = list(Rfc.objects.filter(live=True).order_by("number"))

    def title(self, number: int) -> str:
        words = self.rng.choice(self.sentences).split()
        return f"{' '.join(words[:6]).rstrip('.,:;،。')} {number}"

    def sentence(self) -> str:
        return html.escape(self.rng.choice(self.sentences), quote=False)

    def paragraph(self, sentences: int = SENTENCES_PER_PARAGRAPH) -> str:
        parts = [self.sentence() for _ in range(sentences)]
        # A glossary term the marker should find, and a link to an RFC, as editors write them.
        parts.insert(self.rng.randrange(len(parts) + 1), html.escape(self.rng.choice(self.terms)))
        if self.rfcs:
            rfc = self.rng.choice(self.rfcs)
            parts.append(f'<a href="{rfc.url}">RFC {rfc.number}</a>')
        return "<p>" + " ".join(parts) + "</p>"

    def heading(self) -> str:
        return " ".join(self.rng.choice(self.sentences).split()[:5]).rstrip(".,:;،。")


def explainer_body(writer: Writer) -> list[dict]:
    body = []
    for section in range(EXPLAINER_SECTIONS):
        body.append({"type": "heading", "value": {"text": f"{writer.heading()} {section + 1}", "level": "h2"}})
        body += [{"type": "paragraph", "value": writer.paragraph()} for _ in range(PARAGRAPHS_PER_SECTION)]
        if section % 3 == 1:
            body.append({"type": "key_concept", "value": {"title": writer.heading(), "text": writer.paragraph(2)}})
        if section % 3 == 2 and writer.rfcs:
            rfc = writer.rng.choice(writer.rfcs)
            body.append({"type": "rfc_reference", "value": {"rfc": rfc.pk, "note": writer.paragraph(1)}})
    return body


def original(queryset):
    """The first page of ``queryset`` that is not an alias (new pages go under real translations)."""
    return queryset.filter(alias_of__isnull=True).order_by("path").first() or queryset.order_by("path").first()


def generate_explainers(locale, count, rng) -> list[ExplainerPage]:
    """``count`` explainers spread over the topics of ``locale``, each with RFCs, working groups and related
    explainers (the ones made before it)."""
    writer = Writer(locale, rng)
    topics = [original(TopicPage.objects.filter(locale=locale, topic=code)) for code, _label in TOPICS]
    topics = [topic for topic in topics if topic is not None]
    groups = list(WorkingGroup.objects.filter(live=True).order_by("acronym"))
    made = []
    for number in range(count):
        links = [ExplainerWorkingGroup(working_group=group) for group in rng.sample(groups, min(3, len(groups)))]
        rfcs = rng.sample(writer.rfcs, k=min(5, len(writer.rfcs)))
        page = ExplainerPage(
            title=writer.title(number),
            slug=f"bench-explainer-{number}",
            summary=" ".join(writer.rng.choice(writer.sentences) for _ in range(3)),
            why_it_matters=writer.paragraph() + writer.paragraph(),
            body=explainer_body(writer),
            level=rng.choice(["introductory", "intermediate", "advanced"]),
            locale=locale,
            rfc_links=[ExplainerRfc(rfc=rfc) for rfc in rfcs],
            working_group_links=links,
            related_links=[ExplainerRelated(explainer=other) for other in made[-3:]],
        )
        topics[number % len(topics)].add_child(instance=page)
        made.append(page)
    return made


def generate_reports(locale, count, rng) -> list[MeetingReportPage]:
    """``count`` meeting reports in ``locale``, each about one of its meetings, with highlights on several topics
    and the sessions observed."""
    writer = Writer(locale, rng)
    index = original(MeetingReportIndexPage.objects.filter(locale=locale))
    meetings = list(MeetingPage.objects.filter(locale=locale, alias_of__isnull=True)) or [None]
    groups = list(WorkingGroup.objects.filter(live=True).order_by("acronym"))
    explainers = list(ExplainerPage.objects.filter(locale=locale, alias_of__isnull=True)[:20])
    made = []
    for number in range(count):
        highlights = [
            {"type": "highlight", "value": {"topic": rng.choice(TOPICS)[0], "text": writer.paragraph()}}
            for _ in range(REPORT_HIGHLIGHTS)
        ]
        sessions = [
            {"type": "session", "value": {"working_group": group.pk, "note": writer.rng.choice(writer.sentences)}}
            for group in rng.sample(groups, min(REPORT_SESSIONS, len(groups)))
        ]
        page = MeetingReportPage(
            title=writer.title(number),
            slug=f"bench-report-{number}",
            meeting=meetings[number % len(meetings)],
            authors="Internet Society policy team",
            summary=" ".join(writer.rng.choice(writer.sentences) for _ in range(3)),
            introduction=writer.paragraph() + writer.paragraph(),
            highlights=highlights,
            sessions=sessions,
            policy=writer.paragraph() + writer.paragraph(),
            locale=locale,
            related_links=[
                ReportRelatedExplainer(explainer=explainer)
                for explainer in rng.sample(explainers, min(3, len(explainers)))
            ],
        )
        index.add_child(instance=page)
        made.append(page)
    return made


def corpus_size(language_code: str) -> int:
    """How many generated explainers a language has (the corpus is made once and reused)."""
    return ExplainerPage.objects.filter(
        locale__language_code=language_code, slug__startswith="bench-explainer-"
    ).count()


def build(count: int, language_codes: list[str], rng, say=print) -> None:
    """``count`` explainers and ``count`` reports per language, unless a corpus of that size is there already."""
    for code in language_codes:
        if corpus_size(code) >= count:
            continue
        locale = Locale.objects.get(language_code=code)
        have = corpus_size(code)
        if have:
            raise RuntimeError(f"{code} has a smaller generated corpus ({have}); start from an empty database")
        generate_explainers(locale, count, rng)
        generate_reports(locale, count, rng)
        say(f"{code}: {count} explainers and {count} reports generated")
