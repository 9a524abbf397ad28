"""The explainers' diagrams, drawn as SVG on the server from a layout and the page's own (translated) labels.

Each drawing is data: boxes and arrows on a fixed canvas, each box or arrow naming the label it shows by its
position in ``Drawing.labels`` (the English defaults; a page's diagram block holds its own, translated, labels in
the same order). Right to left, a drawing whose direction means something (a sequence read from the start, a
path from one side to the other) is mirrored: every x becomes ``width - x``, so the first step is on the right.
No script, no raster, no external file: the SVG is part of the page, with a title and a description for
assistive technology and text in the page's language.
"""

import re
from dataclasses import dataclass
from html import escape

from django.utils.translation import gettext_lazy as _

from website.text import HAN_CHARACTER, HAN_RANGES

FONT_SIZE = 13
LINE_HEIGHT = 16


@dataclass(frozen=True)
class Box:
    x: int
    y: int
    width: int
    height: int
    label: int  # position in the labels
    emphasis: bool = False


@dataclass(frozen=True)
class Arrow:
    """From (x1, y1) to (x2, y2), with a label beside its middle (or none), one way or both."""

    x1: int
    y1: int
    x2: int
    y2: int
    label: int | None = None
    both_ways: bool = False
    dashed: bool = False
    label_dy: int = -6
    head: bool = True  # a lifeline or a plain link has none


@dataclass(frozen=True)
class Note:
    """A label on its own, centred on (x, y) and wrapped to ``width``."""

    x: int
    y: int
    width: int
    label: int


@dataclass(frozen=True)
class Drawing:
    name: str
    title: str  # what editors choose from
    width: int
    height: int
    labels: tuple[str, ...]  # English defaults, in order
    boxes: tuple[Box, ...] = ()
    arrows: tuple[Arrow, ...] = ()
    notes: tuple[Note, ...] = ()
    mirrors: bool = True  # direction means something: mirrored right to left


_TOKEN = re.compile(rf"[{HAN_RANGES}\u3000-\u303f\uff00-\uffef]|[^\s{HAN_RANGES}\u3000-\u303f\uff00-\uffef]+|\s+")


def _width(token: str) -> float:
    """A token's width in ems: a Chinese character (or full-width mark) is one, other letters about half."""
    return 1.0 if HAN_CHARACTER.match(token) or "\u3000" <= token[0] <= "\uffef" else len(token) * 0.55


def _lines(text: str, width: int) -> list[str]:
    """The label cut into lines that fit ``width`` pixels: between words, or between Chinese characters, never
    inside a Latin word or a name such as example.org."""
    room = width / FONT_SIZE
    lines, line, used = [], "", 0.0
    for token in _TOKEN.findall(text):
        if token.isspace():
            if line:
                line, used = line + " ", used + 0.3
            continue
        size = _width(token)
        if line and used + size > room:
            lines.append(line.rstrip())
            line, used = "", 0.0
        line, used = line + token, used + size
    if line.strip():
        lines.append(line.rstrip())
    return lines or [""]


def _text(x: float, y: float, text: str, width: int, css: str = "") -> str:
    lines = _lines(text, width)
    top = y - (len(lines) - 1) * LINE_HEIGHT / 2
    spans = "".join(
        f'<tspan x="{x:g}" y="{top + index * LINE_HEIGHT:g}">{escape(line)}</tspan>' for index, line in enumerate(lines)
    )
    return f'<text class="dg-text{css}" text-anchor="middle" dominant-baseline="middle">{spans}</text>'


def render(drawing: Drawing, labels: list[str], rtl: bool, title: str, description: str, id_prefix: str) -> str:
    """The SVG of ``drawing`` with ``labels`` (the defaults where one is missing), mirrored if ``rtl``."""
    texts = [
        (labels[index] if index < len(labels) and labels[index] else default)
        for index, default in enumerate(drawing.labels)
    ]
    flip = rtl and drawing.mirrors
    width = drawing.width

    def x_of(x: float) -> float:
        return width - x if flip else x

    direction = ' direction="rtl"' if rtl else ""
    parts = [
        f'<svg class="diagram__svg" viewBox="0 0 {drawing.width} {drawing.height}" role="img" '
        f'aria-labelledby="{id_prefix}-title {id_prefix}-desc"{direction}>',
        f'<title id="{id_prefix}-title">{escape(title)}</title>',
        f'<desc id="{id_prefix}-desc">{escape(description)}</desc>',
        f'<defs><marker id="{id_prefix}-head" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
        'markerHeight="7" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" class="dg-head"/></marker></defs>',
    ]
    for arrow in drawing.arrows:
        x1, x2 = x_of(arrow.x1), x_of(arrow.x2)
        ends = f'marker-end="url(#{id_prefix}-head)"' if arrow.head else ""
        if arrow.both_ways:
            ends += f' marker-start="url(#{id_prefix}-head)"'
        css = "dg-line dg-line--dashed" if arrow.dashed else "dg-line"
        parts.append(f'<line class="{css}" x1="{x1:g}" y1="{arrow.y1}" x2="{x2:g}" y2="{arrow.y2}" {ends}/>')
        if arrow.label is not None:
            middle_x, middle_y = (x1 + x2) / 2, (arrow.y1 + arrow.y2) / 2 + arrow.label_dy
            span = max(abs(x2 - x1), 120)
            parts.append(_text(middle_x, middle_y, texts[arrow.label], int(span) - 10, " dg-text--small"))
    for box in drawing.boxes:
        left = width - box.x - box.width if flip else box.x
        css = "dg-box dg-box--emphasis" if box.emphasis else "dg-box"
        parts.append(f'<rect class="{css}" x="{left}" y="{box.y}" width="{box.width}" height="{box.height}" rx="6"/>')
        parts.append(_text(left + box.width / 2, box.y + box.height / 2, texts[box.label], box.width - 12))
    for note in drawing.notes:
        parts.append(_text(x_of(note.x), note.y, texts[note.label], note.width, " dg-text--small"))
    parts.append("</svg>")
    return "".join(parts)


DNS_LOOKUP = Drawing(
    "dns-lookup",
    _("A DNS lookup: resolver, root, top-level domain, authoritative server"),
    640,
    345,
    (
        "Your phone or computer",
        "Recursive resolver (usually your provider's)",
        "Root server",
        "Top-level domain server (.org)",
        "Authoritative server (example.org)",
        "1. Where is www.example.org?",
        "2. Ask a root server",
        "3. Ask the .org servers",
        "4. Ask example.org's server: the answer",
        "5. The address, kept in the cache",
    ),
    boxes=(
        Box(10, 120, 120, 90, 0),
        Box(260, 20, 120, 290, 1, emphasis=True),
        Box(500, 20, 130, 60, 2),
        Box(500, 135, 130, 60, 3),
        Box(500, 250, 130, 60, 4),
    ),
    arrows=(
        Arrow(130, 140, 260, 140),
        Arrow(260, 195, 130, 195),
        Arrow(380, 50, 500, 50, both_ways=True),
        Arrow(380, 165, 500, 165, both_ways=True),
        Arrow(380, 280, 500, 280, both_ways=True),
    ),
    notes=(
        Note(195, 105, 125, 5),
        Note(195, 232, 125, 9),
        Note(440, 95, 115, 6),
        Note(440, 210, 115, 7),
        Note(440, 318, 170, 8),
    ),
)

BGP_PATHS = Drawing(
    "bgp-paths",
    _("BGP: a route announced from network to network, and the path chosen"),
    640,
    320,
    (
        "Ministry's network (AS 64500): announces 192.0.2.0/24",
        "Provider B (AS 64510)",
        "Provider C (AS 64520)",
        "Provider D (AS 64530)",
        "Your network: two paths to 192.0.2.0/24",
        "Path through B: 2 networks, chosen",
        "Path through C and D: 3 networks",
    ),
    boxes=(
        Box(10, 120, 150, 80, 0, emphasis=True),
        Box(250, 20, 140, 50, 1),
        Box(180, 250, 130, 50, 2),
        Box(330, 250, 130, 50, 3),
        Box(480, 120, 150, 80, 4, emphasis=True),
    ),
    arrows=(
        Arrow(160, 135, 250, 55),
        Arrow(390, 55, 480, 135),
        Arrow(120, 200, 200, 250, dashed=True),
        Arrow(310, 275, 330, 275, dashed=True),
        Arrow(440, 250, 520, 200, dashed=True),
    ),
    notes=(Note(320, 120, 170, 5), Note(320, 205, 170, 6)),
)

PEERING_TRANSIT = Drawing(
    "peering-transit",
    _("Peering at an exchange point, and transit through a provider abroad"),
    640,
    320,
    (
        "Transit provider abroad",
        "Local network A",
        "Local network B",
        "Internet exchange point (IXP)",
        "Transit: paid, traffic may travel abroad and back",
        "Peering at the IXP: local traffic stays local",
    ),
    boxes=(
        Box(230, 20, 180, 60, 0),
        Box(20, 200, 150, 60, 1),
        Box(470, 200, 150, 60, 2),
        Box(245, 200, 150, 60, 3, emphasis=True),
    ),
    arrows=(
        Arrow(95, 200, 240, 80, dashed=True, both_ways=True),
        Arrow(400, 80, 545, 200, dashed=True, both_ways=True),
        Arrow(170, 230, 245, 230, both_ways=True),
        Arrow(395, 230, 470, 230, both_ways=True),
    ),
    notes=(Note(320, 130, 260, 4), Note(320, 295, 300, 5)),
    mirrors=False,
)

TLS_HANDSHAKE = Drawing(
    "tls-handshake",
    _("The TLS 1.3 handshake, from the first message to encrypted data"),
    640,
    360,
    (
        "Browser",
        "Website's server",
        "1. Hello: the versions and keys I support",
        "2. Hello, my key share, and my certificate (encrypted)",
        "3. Finished: we share a secret key",
        "4. Encrypted data, both ways",
    ),
    boxes=(Box(20, 20, 160, 50, 0), Box(460, 20, 160, 50, 1)),
    arrows=(
        Arrow(100, 70, 100, 340, dashed=True, head=False),
        Arrow(540, 70, 540, 340, dashed=True, head=False),
        Arrow(100, 120, 540, 120, 2),
        Arrow(540, 190, 100, 190, 3),
        Arrow(100, 255, 540, 255, 4),
        Arrow(100, 320, 540, 320, 5, both_ways=True),
    ),
)

TRAFFIC_CLASSES = Drawing(
    "traffic-classes",
    _("Traffic classes: packets marked, queued by class, sent on one link"),
    640,
    300,
    (
        "Packets arrive, marked with a class (DSCP)",
        "Voice: sent first, short queue",
        "Video: its own share of the link",
        "Everything else: best effort",
        "The router's one outgoing link",
    ),
    boxes=(
        Box(20, 110, 140, 80, 0),
        Box(230, 30, 180, 50, 1, emphasis=True),
        Box(230, 125, 180, 50, 2),
        Box(230, 220, 180, 50, 3),
        Box(490, 110, 130, 80, 4),
    ),
    arrows=(
        Arrow(160, 135, 230, 55),
        Arrow(160, 150, 230, 150),
        Arrow(160, 165, 230, 245),
        Arrow(410, 55, 490, 135),
        Arrow(410, 150, 490, 150),
        Arrow(410, 245, 490, 165),
    ),
)

DRAFT_TO_RFC = Drawing(
    "draft-to-rfc",
    _("From Internet-Draft to RFC: the steps of the IETF standards track"),
    640,
    250,
    (
        "Internet-Draft: anyone can write one",
        "Adopted by a working group",
        "Working Group Last Call",
        "IETF Last Call and IESG review",
        "Published as an RFC",
        "Revised drafts, as often as needed",
    ),
    boxes=(
        Box(10, 40, 110, 90, 0),
        Box(138, 40, 110, 90, 1),
        Box(266, 40, 110, 90, 2),
        Box(394, 40, 110, 90, 3),
        Box(522, 40, 110, 90, 4, emphasis=True),
    ),
    notes=(Note(257, 205, 260, 5),),
    arrows=(
        Arrow(120, 85, 138, 85),
        Arrow(248, 85, 266, 85),
        Arrow(376, 85, 394, 85),
        Arrow(504, 85, 522, 85),
        Arrow(321, 130, 321, 175, dashed=True, head=False),
        Arrow(321, 175, 193, 175, dashed=True, head=False),
        Arrow(193, 175, 193, 130, dashed=True),
    ),
)

DRAWINGS = {
    drawing.name: drawing
    for drawing in (DNS_LOOKUP, BGP_PATHS, PEERING_TRANSIT, TLS_HANDSHAKE, TRAFFIC_CLASSES, DRAFT_TO_RFC)
}


def drawing_choices() -> list[tuple[str, str]]:
    """The drawings editors choose from (a function, so that migrations name it instead of copying the list)."""
    return [(name, drawing.title) for name, drawing in DRAWINGS.items()]
