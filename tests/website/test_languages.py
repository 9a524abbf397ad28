"""Every language is served under its prefix, with the right lang/dir, and readers land in their own."""

import datetime

import pytest
from django.conf import settings
from django.utils import translation
from django.utils.formats import date_format

from tests.factories import StandardPageFactory
from tests.html import parse, text_of

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
pytestmark = pytest.mark.django_db


def html_attributes(response):
    html = parse(response.content).select_one("html")
    assert html is not None
    return html.attrs


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_home_page_in_every_language(client, code):
    response = client.get(f"/{code}/")
    assert response.status_code == 200
    expected_dir = "rtl" if code == "ar" else "ltr"
    assert html_attributes(response) == {"lang": code, "dir": expected_dir}


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_home_page_is_a_real_translation(client, home, locale, code):
    translated = home.get_translation(locale(code))
    assert translated.alias_of_id is None
    assert translated.live
    if code != "en":
        assert translated.title != home.title, "the home page title should be translated"


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("fr-FR,fr;q=0.9,en;q=0.8", "/fr/"),
        ("es-419,es;q=0.9", "/es/"),
        ("ar-EG,ar;q=0.9", "/ar/"),
        ("zh-CN,zh;q=0.9", "/zh-hans/"),
        ("ru-RU,ru;q=0.9", "/ru/"),
        ("pt-BR,pt;q=0.9", "/pt/"),
        ("de-DE,de;q=0.9,fr;q=0.5", "/fr/"),
        ("de-DE,de;q=0.9", "/en/"),
        ("", "/en/"),
    ],
)
def test_root_redirects_to_the_browsers_language(client, accept_language, expected):
    headers = {"Accept-Language": accept_language} if accept_language else {}
    response = client.get("/", headers=headers)
    assert response.status_code == 302
    assert response["Location"] == expected
    assert "Accept-Language" in response.get("Vary", "")


def switcher_links(response):
    nav = parse(response.content).select_one("nav.languages")
    assert nav is not None
    return [
        (link["href"], link["hreflang"], text_of(link))
        for link in nav.select("a[href][hreflang][lang][dir]")
        if link["href"] and link["hreflang"] and link["lang"] and link["dir"]
    ]


def test_switcher_lists_every_translation_in_its_own_name(client):
    links = switcher_links(client.get("/fr/"))
    assert [(hreflang, name) for _url, hreflang, name in links] == [
        ("en", "English"),
        ("fr", "Français"),
        ("es", "Español"),
        ("ar", "العربية"),
        ("zh-hans", "简体中文"),
        ("ru", "Русский"),
        ("pt", "Português"),
    ]
    assert [url for url, _hreflang, _name in links] == [f"/{code}/" for code in LANGUAGE_CODES]


def test_switcher_leaves_out_missing_translations_and_aliases(client, home, locale):
    page = StandardPageFactory(parent=home, title="Only in English", slug="only-in-english")
    french_home = home.get_translation(locale("fr"))
    page.copy_for_translation(locale("fr"), copy_parents=False, alias=True)
    assert page.get_translations().filter(locale__language_code="fr", alias_of=page).exists()
    assert french_home.get_children().filter(slug="only-in-english").exists()

    links = switcher_links(client.get("/en/only-in-english/"))
    assert [(hreflang, name) for _url, hreflang, name in links] == [("en", "English")]


def test_hreflang_alternates_in_head(client):
    content = client.get("/es/").content.decode()
    head = content.split("</head>")[0]
    for code in LANGUAGE_CODES:
        assert f'<link rel="alternate" hreflang="{code}" href="http://testserver/{code}/">' in head


def test_search_is_under_every_language_prefix(client):
    for code in LANGUAGE_CODES:
        response = client.get(f"/{code}/search/", {"q": "IETF"})
        assert response.status_code == 200
        assert html_attributes(response).get("lang") == code


@pytest.mark.parametrize("code", [code for code in LANGUAGE_CODES if code != "en"])
def test_ui_strings_are_in_the_readers_language(client, code):
    with translation.override(code):
        skip_link = translation.gettext("Skip to main content")
        search = translation.gettext("Search")
    assert skip_link != "Skip to main content"
    content = client.get(f"/{code}/").content.decode()
    assert f'<a class="skip-link" href="#main">{skip_link}</a>' in content
    assert f'<button type="submit">{search}</button>' in content


@pytest.mark.parametrize(
    ("code", "expected"),
    [("pt", "14 de outubro de 2026"), ("es", "14 de octubre de 2026"), ("fr", "14 octobre 2026")],
)
def test_month_names_are_written_in_lower_case(code, expected):
    """Django's Portuguese catalogue capitalises month names ("Outubro"); Brazilian Portuguese does not, like the
    other Latin-script languages of the site (website/upstream_locale/pt)."""
    with translation.override(code):
        assert date_format(datetime.date(2026, 10, 14)) == expected
    with translation.override("pt"):
        assert date_format(datetime.date(2026, 3, 1), "E") == "março"  # the month standing alone
