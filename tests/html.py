"""HTML in tests is parsed, not matched with regular expressions.

BeautifulSoup (already installed: Wagtail uses it) with the standard library's parser; CSS
selectors through soupsieve. ``text_of`` gives an element's text with white space folded.
"""

from bs4 import BeautifulSoup


def parse(html: str | bytes) -> BeautifulSoup:
    if isinstance(html, bytes):
        html = html.decode()
    return BeautifulSoup(html, "html.parser")


def text_of(element) -> str:
    return " ".join(element.get_text(" ").split()) if element is not None else ""
