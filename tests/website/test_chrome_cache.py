"""The menu and footer kept per site and language (website.chrome): read once, and rebuilt after any change that
could alter them. Pages are rendered with the page cache off, so each response shows the chrome as it is now."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import publish
from website.models import FooterText, NavigationMenuItem

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def rendered_pages(settings):
    settings.PAGE_CACHE = False


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def menu_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    chrome_tables = ("website_navigationmenu", "website_footertext", "website_sitechromesettings")
    return sum(1 for query in queries if any(table in query["sql"] for table in chrome_tables))


def menu_of(client, url) -> str:
    content = client.get(url).content.decode()
    return content.split('<nav class="main-nav"', 1)[1].split("</nav>", 1)[0]


def footer_of(client, url) -> str:
    return client.get(url).content.decode().split('<footer class="site-footer">', 1)[1]


def english_item_without_label():
    return (
        NavigationMenuItem.objects.filter(menu__locale__language_code="en", label="")
        .select_related("page")
        .order_by("sort_order")
        .first()
    )


def test_the_menu_and_footer_are_read_once_per_language(client):
    assert menu_queries(client, "/fr/") > 0
    assert menu_queries(client, "/fr/") == 0
    assert menu_queries(client, "/fr/base-de-connaissances/") == 0, "the same chrome on every page of a language"
    assert menu_queries(client, "/ar/") > 0, "each language has its own"


def test_a_page_renamed_in_the_menu_shows_its_new_title(client, committed):
    item = english_item_without_label()
    assert item is not None, "the demo menu has an item labelled by its page's title"
    page = item.page.specific
    assert page.title in menu_of(client, "/en/")
    page.title = "Programme, renamed"
    with committed():
        publish(page)
    assert "Programme, renamed" in menu_of(client, "/en/")


def test_a_draft_title_does_not_reach_the_menu(client, committed):
    item = english_item_without_label()
    page = item.page.specific
    title = page.title
    assert title in menu_of(client, "/en/")
    page.title = "Only a draft title"
    with committed():
        page.save_revision()
    assert title in menu_of(client, "/en/")


def test_a_footer_published_is_shown_at_once(client, committed):
    footer = FooterText.objects.get(locale__language_code="en")
    client.get("/en/")
    footer.body = "<p>A footer line published just now.</p>"
    with committed():
        footer.save_revision().publish()
    assert "A footer line published just now." in footer_of(client, "/en/")


def test_a_menu_item_removed_leaves_the_menu(client, committed):
    item = english_item_without_label()
    title = item.page.title
    assert title in menu_of(client, "/en/")
    with committed():
        item.delete()
    assert title not in menu_of(client, "/en/")
