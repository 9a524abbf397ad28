"""Page weight per page type and language: bytes a reader downloads, compressed, against a 50 KB budget.

    .venv/bin/python bench/page_weight.py

Uses the development database with the demo content (``make setup`` first) and Django's test client.
For each language it fetches the home, a topic, an explainer, a meeting report and a search results
page, then every stylesheet, script and font the page links to, and counts their gzip-compressed
size (level 6, what whitenoise and common servers send). Content images are excluded, as the
budget says. Prints a table; exits non-zero if a page is over budget.
"""

import gzip
import os
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "website.settings.dev")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.staticfiles import finders  # noqa: E402
from django.test import Client  # noqa: E402
from wagtail.models import Locale  # noqa: E402

from knowledge.models import ExplainerPage, TopicPage  # noqa: E402
from programme.models import MeetingReportPage  # noqa: E402

BUDGET = 50 * 1024
ASSET = re.compile(r'<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src)="([^"]+)"')
FONT = re.compile(r"url\(([^)]+\.(?:woff2?|ttf|otf))\)")


def compressed(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6))


def static_file(url: str) -> bytes:
    """A static file's bytes, found as ``collectstatic`` would find it."""
    path = finders.find(url.removeprefix(settings.STATIC_URL).split("?")[0])
    return Path(path).read_bytes() if path else b""


def pages_of(code):
    locale = Locale.objects.get(language_code=code)

    def first(model):
        pages = model.objects.live().filter(locale=locale)
        return (pages.filter(alias_of__isnull=True).first() or pages.first()).url

    return {
        "home": f"/{code}/",
        "topic": first(TopicPage),
        "explainer": (  # one with a diagram: its inline SVG counts
            ExplainerPage.objects.live()
            .filter(
                locale=locale,
                translation_key=ExplainerPage.objects.get(
                    locale__language_code="en", slug="how-dns-works"
                ).translation_key,
            )
            .first()
            .url
        ),
        "report": first(MeetingReportPage),
        "search": f"/{code}/search/?q=DNS",
    }


def main():
    client = Client(HTTP_HOST="127.0.0.1")
    assets: dict[str, int] = {}
    over = []
    print(f"{'language':9} {'page':10} {'html':>7} {'css+js':>7} {'fonts':>6} {'total KB':>9}")
    for code, _name in settings.LANGUAGES:
        for kind, url in pages_of(code).items():
            response = client.get(url)
            html = response.content
            linked = ASSET.findall(html.decode())
            asset_bytes = 0
            font_bytes = 0
            for asset in linked:
                if asset not in assets:
                    body = static_file(asset)
                    assets[asset] = compressed(body)
                    for font in FONT.findall(body.decode("utf-8", "ignore")):
                        assets[font] = len(static_file(font.strip("'\"")))
                        font_bytes += assets[font]
                asset_bytes += assets[asset]
            total = compressed(html) + asset_bytes + font_bytes
            if total > BUDGET:
                over.append(f"{code} {kind}")
            print(f"{code:9} {kind:10} {compressed(html):>7} {asset_bytes:>7} {font_bytes:>6} {total / 1024:>9.1f}")
    print("over budget: " + (", ".join(over) if over else "none"))
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
