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


def listing_rows(response) -> list[dict]:
    """The rows of the Wagtail admin page listing a response shows, in order: each row's cell text by column
    heading, and the page's id as ``id``. A listing with no rows has no table."""
    assert response.status_code == 200, response.status_code
    table = parse(response.content).select_one("table.listing")
    if table is None:
        return []
    headings = [text_of(th) for th in table.select("thead th")]
    rows = []
    for tr in table.select(":scope > tr, :scope > tbody > tr"):
        row = {heading: text_of(td) for heading, td in zip(headings, tr.find_all("td", recursive=False), strict=True)}
        row["id"] = int(tr.select_one("[data-object-id]")["data-object-id"])
        rows.append(row)
    return rows
