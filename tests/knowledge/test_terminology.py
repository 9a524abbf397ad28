"""The terminology check (``knowledge.terminology``): one rendering for one glossary term, in the PO files, the
interface catalogues and the database, and Reports > Terminology for each language's translators."""

import subprocess
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation

from knowledge import terminology
from knowledge.models import GlossaryTerm
from tests.factories import UserFactory
from website.review import translation_of

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]

# (key, English term, abbreviation, English variants) and, per language, (term, abbreviation, variants).
ENGLISH = [
    ("working-group", "Working Group", "", ""),
    ("registry", "Registry", "", ""),
    ("rir", "Regional Internet Registry", "RIR", ""),
    ("as", "Autonomous System", "AS", ""),
    ("rfc", "Request for Comments", "RFC", ""),
    ("internet-draft", "Internet-Draft", "", ""),
    ("ip-address", "IP address", "", ""),
]
TRANSLATED = {
    "ru": {
        "working-group": ("Рабочая группа", "", ""),
        "registry": ("Реестр", "", ""),
        "rir": ("Региональный интернет-регистратор", "RIR", ""),
        "as": ("Автономная система", "AS", ""),
        "rfc": ("Запрос комментариев (Request for Comments)", "RFC", ""),
    },
    "ar": {
        "internet-draft": ("مسودة الإنترنت", "", ""),
        "ip-address": ("عنوان IP", "", "عناوين IP"),
    },
    "zh-hans": {"working-group": ("工作组", "", "")},
    "es": {"as": ("Sistema autónomo", "AS", "sistema independiente")},
}


def term_base(language):
    return terminology.TermBase.build(language, ENGLISH, TRANSLATED[language])


def missing(language, english, translation):
    return [term.key for term in term_base(language).missing(english, translation)]


def test_an_inflected_form_is_the_term_and_another_word_is_not():
    english = "The working groups meet three times a year."
    assert missing("ru", english, "Рабочие группы собираются три раза в год.") == []
    assert missing("ru", english, "Заседания рабочей группы проходят трижды в год.") == []
    assert missing("ru", english, "Рабочие коллективы собираются три раза в год.") == ["working-group"]


def test_arabic_compares_with_and_without_the_article_and_attached_prepositions():
    english = "Anyone can write an Internet-Draft."
    assert missing("ar", english, "يمكن لأي شخص كتابة مسودة إنترنت.") == []
    assert missing("ar", english, "ليس لمسودة الإنترنت أي صفة رسمية.") == []
    assert missing("ar", english, "يمكن لأي شخص كتابة وثيقة عمل.") == ["internet-draft"]


def test_an_approved_variant_is_accepted_where_the_stem_would_not_be():
    english = "Routers forward packets by IP address."
    assert missing("ar", english, "تعيد الموجِّهات توجيه الرزم حسب عناوين IP.") == []  # a broken plural, listed
    assert missing("ar", english, "تعيد الموجِّهات توجيه الرزم حسب المواقع.") == ["ip-address"]
    assert missing("es", "Each Autonomous System", "Cada sistema independiente") == []


def test_chinese_is_compared_without_word_boundaries():
    assert missing("zh-hans", "The working group met.", "该工作组召开了会议。") == []
    assert missing("zh-hans", "The working group met.", "该小组召开了会议。") == ["working-group"]


def test_the_longest_english_term_wins():
    """ "Regional Internet Registry" names the RIR, not a registry: the translation is asked for the RIR only."""
    assert (
        missing("ru", "Each Regional Internet Registry allocates addresses.", "Каждый RIR распределяет адреса.") == []
    )
    assert missing("ru", "The registry runs the zone.", "Зону обслуживает оператор.") == ["registry"]


def test_an_abbreviation_counts_only_as_written_and_a_gloss_is_optional():
    assert missing("ru", "Networks such as these", "Такие сети") == []  # "as" is not "AS"
    assert missing("ru", "Each AS has a number.", "У каждой автономной системы есть номер.") == []
    assert missing("ru", "Each AS has a number.", "У каждой сети есть номер.") == ["as"]
    assert missing("ru", "Read the Request for Comments.", "Прочитайте запрос комментариев.") == []
    assert missing("ru", "Read the Request for Comments.", "Прочитайте RFC.") == []


def test_markup_and_placeholders_are_not_words():
    assert (
        missing("ru", 'See <a id="working-group">this</a> %(registry)s', 'Смотрите <a id="working-group">это</a>') == []
    )


def po_file(path: Path, entries: list[tuple[str, str, str]]) -> Path:
    po = polib.POFile()
    po.metadata = {"Language": "ru", "Content-Type": "text/plain; charset=utf-8"}
    for context, english, translation in entries:
        po.append(polib.POEntry(msgctxt=context, msgid=english, msgstr=translation))
    po.save(str(path))
    return path


def test_an_inconsistent_po_file_is_flagged_and_a_consistent_one_is_not(tmp_path):
    right = ("body.1", "The working group agreed.", "Рабочая группа согласилась.")
    drifted = ("body.2", "A working group has chairs.", "У рабочего коллектива есть председатели.")
    wrong = po_file(tmp_path / "wrong.po", [right, drifted])
    report = terminology.check(term_base("ru"), terminology.pairs_from_po(wrong, "wrong.po"))
    assert [(finding.pair.context, finding.term_key) for finding in report.findings] == [("body.2", "working-group")]
    good = po_file(tmp_path / "right.po", [right])
    assert terminology.check(term_base("ru"), terminology.pairs_from_po(good, "right.po")).findings == []


def test_an_exception_accepts_its_finding_with_its_reason_and_an_unused_one_is_reported(tmp_path):
    exceptions = tmp_path / "exceptions.yaml"
    exceptions.write_text(
        "- term: working-group\n  english: A working group has\n  reason: Quoted from a charter.\n"
        "- term: registry\n  english: Nothing starts like this\n  reason: Left over.\n",
        encoding="utf-8",
    )
    pairs = [terminology.Pair("A working group has chairs.", "У коллектива есть председатели.", "x.po")]
    report = terminology.check(term_base("ru"), pairs, terminology.load_exceptions(exceptions))
    assert report.findings == []
    assert [(finding.term_key, finding.reason) for finding in report.accepted] == [
        ("working-group", "Quoted from a charter.")
    ]
    assert [item.term for item in report.unused_exceptions] == ["registry"]


def test_an_exception_without_a_reason_is_refused(tmp_path):
    exceptions = tmp_path / "exceptions.yaml"
    exceptions.write_text("- term: registry\n  english: The registry\n", encoding="utf-8")
    with pytest.raises(ValueError, match="reason"):
        terminology.load_exceptions(exceptions)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_project_content_and_interface_follow_the_term_base(language):
    """Every content PO file and the interface catalogue, as the translators left them: no finding, and no
    exception that no string needs any more."""
    report = terminology.check_files(ROOT, language)
    assert [str(finding) for finding in report.findings] == []
    assert report.unused_exceptions == []
    assert len(report.accepted) <= 40  # exceptions stay exceptions


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_glossary_term_has_its_rendering_in_the_term_base(language):
    base = terminology.term_base_from_files(ROOT, language)
    english = terminology.term_base_from_files(ROOT, "fr").terms  # any language: the English side is shared
    assert {term.key for term in base.terms} == {term.key for term in english}
    assert all(term.renderings for term in base.terms)


def msgfmt(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["msgfmt", "--check", "--output-file=/dev/null", str(path)], capture_output=True, text=True, check=False
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_interface_catalogue_passes_msgfmt_check(language):
    """Format strings, plural forms (Arabic has six) and the header, as GNU gettext checks them: no error, no
    warning."""
    result = msgfmt(terminology.catalogue_path(ROOT, language))
    assert (result.returncode, result.stderr) == (0, "")


def test_msgfmt_check_refuses_a_catalogue_with_too_few_plural_forms(tmp_path):
    catalogue = tmp_path / "django.po"
    catalogue.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        '"Plural-Forms: nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : '
        'n%100>=11 ? 4 : 5);\\n"\n\n'
        '#, python-format\nmsgid "%(count)s meeting"\nmsgid_plural "%(count)s meetings"\n'
        'msgstr[0] "%(count)s اجتماع"\nmsgstr[1] "اجتماع واحد"\nmsgstr[2] "%(count)s اجتماعان"\n',
        encoding="utf-8",
    )
    assert msgfmt(catalogue).returncode != 0


# The database and the admin report.


@pytest.mark.django_db
def test_the_database_term_base_holds_each_languages_own_variants():
    english = GlossaryTerm.objects.get(locale__language_code="en", abbreviation="DNS")
    for language in LANGUAGES:
        translated = english.get_translation(Locale.objects.get(language_code=language))
        base = terminology.term_base_from_database(translated.locale)
        term = next(term for term in base.terms if term.key == english.anchor)
        assert translated.term in term.rendering_texts
        expected = terminology.term_base_from_files(ROOT, language)
        assert sorted(term.rendering_texts) == sorted(
            next(item for item in expected.terms if item.key == english.anchor).rendering_texts
        )


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_demo_database_follows_the_term_base(language):
    report = terminology.check_database(Locale.objects.get(language_code=language), ROOT)
    assert [str(finding) for finding in report.findings] == []


def drift(language: str) -> Page:
    """The explainer on how the IETF makes standards in ``language``, with one segment that names the working
    group translated without it."""
    english = Page.objects.get(slug="how-the-ietf-makes-standards", locale__language_code="en").specific
    page = english.get_translation(Locale.objects.get(language_code=language))
    translation = translation_of(page)
    segment = next(
        segment
        for segment in StringSegment.objects.filter(source=translation.source).select_related("string")
        if "working group" in segment.string.data.lower()
    )
    StringTranslation.objects.filter(
        translation_of_id=segment.string_id, context_id=segment.context_id, locale=page.locale
    ).update(data="Un texte qui ne nomme aucun terme.")
    return page


def translator(language_name: str):
    user = UserFactory()
    user.groups.add(Group.objects.get(name=f"Translators ({language_name})"))
    return user


@pytest.mark.django_db
def test_the_report_lists_a_drifted_segment_with_a_link_to_the_translation_editor(client):
    page = drift("fr")
    client.force_login(translator("French"))
    response = client.get(reverse("terminology_report"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Un texte qui ne nomme aucun terme." in html
    assert reverse("wagtailadmin_pages:edit", args=[page.pk]) in html
    assert "Working Group" in html


@pytest.mark.django_db
def test_a_translator_sees_only_their_language_and_others_are_refused(client):
    drift("es")
    client.force_login(translator("French"))
    html = client.get(reverse("terminology_report"), {"language": "es"}).content.decode()
    assert "Un texte qui ne nomme aucun terme." not in html  # the French report, not the Spanish one
    assert 'name="language"' not in html  # one language: nothing to choose
    client.force_login(UserFactory())
    assert client.get(reverse("terminology_report")).status_code in (302, 403)


@pytest.mark.django_db
def test_editors_choose_any_language(client):
    drift("es")
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    html = client.get(reverse("terminology_report"), {"language": "es"}).content.decode()
    assert "Un texte qui ne nomme aucun terme." in html
    assert html.count("<option") == len(LANGUAGES)


def test_glossary_terms_translate_what_wagtail_localize_would_except_the_variants(monkeypatch):
    """The explicit list is wagtail-localize's own derivation without ``variants``: a field added later (or a
    change upstream) shows here."""
    from wagtail_localize.fields import get_translatable_fields  # noqa: PLC0415

    ours = list(GlossaryTerm.translatable_fields)
    monkeypatch.delattr(GlossaryTerm, "translatable_fields")
    assert ours == [field for field in get_translatable_fields(GlossaryTerm) if field.field_name != "variants"]


@pytest.mark.django_db
def test_a_translation_keeps_its_variants_when_the_english_term_is_synchronised_again():
    from django.test import TestCase  # noqa: PLC0415
    from wagtail_localize.models import TranslationSource  # noqa: PLC0415

    english = GlossaryTerm.objects.get(locale__language_code="en", abbreviation="ASN")
    russian = english.get_translation(Locale.objects.get(language_code="ru"))
    assert "номер AS" in terminology.split_variants(russian.variants)  # from the Russian term base file
    english.definition += " Each one is unique."
    english.save()
    source, _created = TranslationSource.update_or_create_from_instance(english)
    with TestCase.captureOnCommitCallbacks(execute=True):
        source.create_or_update_translation(russian.locale, fallback=True)
    russian.refresh_from_db()
    assert "номер AS" in terminology.split_variants(russian.variants)
    assert russian.definition.endswith("Each one is unique.")  # synchronised: the new sentence, untranslated


@pytest.mark.django_db
def test_a_translator_edits_the_variants_of_their_language_only(client):
    english = GlossaryTerm.objects.get(locale__language_code="en", abbreviation="DNS")
    french = english.get_translation(Locale.objects.get(language_code="fr"))
    spanish = english.get_translation(Locale.objects.get(language_code="es"))
    client.force_login(translator("French"))
    url = reverse("terminology_variants", args=[french.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"variants": " système des noms de domaine \n\n"})
    assert response.status_code == 302
    french.refresh_from_db()
    assert french.variants == "système des noms de domaine"
    base = terminology.term_base_from_database(french.locale)
    assert "système des noms de domaine" in next(term for term in base.terms if term.key == "dns").rendering_texts
    assert client.post(reverse("terminology_variants", args=[spanish.pk]), {"variants": "x"}).status_code in (302, 403)
    spanish.refresh_from_db()
    assert spanish.variants != "x"  # refused: Wagtail sends those without the permission back to the dashboard
    # English variants are edited with the English term; this form is for the translations.
    assert client.get(reverse("terminology_variants", args=[english.pk]), follow=True).status_code == 404
