"""Interface strings are complete in every language: nothing untranslated, nothing fuzzy, placeholders intact."""

import importlib.util
import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils.translation import to_locale
from django.utils.translation.trans_real import DjangoTranslation
from django.utils.translation.trans_real import translation as translation_for

PLACEHOLDER = re.compile(r"%\(\w+\)s|%s")


def catalogue(code):
    return polib.pofile(str(Path(settings.BASE_DIR) / "locale" / to_locale(code) / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("code", [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE])
def test_every_interface_string_is_translated(code):
    po = catalogue(code)
    assert [entry.msgid for entry in po.untranslated_entries()] == []
    assert [entry.msgid for entry in po.fuzzy_entries()] == []
    for entry in po.translated_entries():
        forms = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
        expected = set(PLACEHOLDER.findall(entry.msgid_plural or entry.msgid))
        for form in forms:
            assert set(PLACEHOLDER.findall(form)) <= expected, (entry.msgid, form)
        if not entry.msgid_plural:
            assert set(PLACEHOLDER.findall(entry.msgstr)) == set(PLACEHOLDER.findall(entry.msgid)), entry.msgid


UPSTREAM_CATALOGUE = Path(importlib.util.find_spec("wagtail_localize").origin).parent / "locale"
# What an editor of each language chooses in their account (Wagtail offers Portuguese as "pt-pt" and "pt-br").
ADMIN_LANGUAGES = ["fr", "es", "ar", "zh-hans", "ru", "pt-pt", "pt-br"]


@pytest.mark.parametrize("code", ADMIN_LANGUAGES)
@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_wagtail_localizes_strings_are_complete_in_every_admin_language(code, domain):
    """Every string of wagtail-localize's editor is translated, by its own catalogue or by ours
    (``website/upstream_locale``, ``locale/*/LC_MESSAGES/djangojs.po``)."""
    source = polib.pofile(str(UPSTREAM_CATALOGUE / "en" / "LC_MESSAGES" / f"{domain}.po"))
    if domain == "django":
        catalogue = translation_for(code)._catalog  # every app's catalogue and LOCALE_PATHS, merged
    else:
        catalogue = DjangoTranslation(code, domain=domain, localedirs=[str(UPSTREAM_CATALOGUE)])._catalog
    missing = [
        entry.msgid
        for entry in source
        if entry.msgid and (entry.msgid, 0) not in catalogue and entry.msgid not in catalogue
    ]
    assert missing == []
