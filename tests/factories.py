"""Factories for the site's objects (wagtail-factories on factory_boy)."""

import datetime

import factory
import wagtail_factories
from django.contrib.auth import get_user_model
from wagtail.models import Collection, Locale

from website.models import StandardPage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Standard page {n}")
    introduction = "<p>A page made by a test.</p>"

    class Meta:
        model = StandardPage


class UserFactory(factory.django.DjangoModelFactory):
    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password("correct horse battery staple")

    class Meta:
        model = get_user_model()


class TopicPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Topic {n}")
    topic = "dns"
    introduction = "<p>A topic made by a test.</p>"

    class Meta:
        model = "knowledge.TopicPage"


class ExplainerPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Explainer {n}")
    summary = "A short summary."
    why_it_matters = "<p>It matters.</p>"
    body = factory.LazyFunction(lambda: [{"type": "paragraph", "value": "<p>Body text.</p>"}])
    level = "introductory"
    last_reviewed = datetime.date(2026, 10, 1)

    class Meta:
        model = "knowledge.ExplainerPage"


class GlossaryTermFactory(factory.django.DjangoModelFactory):
    term = factory.Sequence(lambda n: f"Term {n}")
    definition = "A definition written for a test."

    class Meta:
        model = "knowledge.GlossaryTerm"


class MeetingPageFactory(wagtail_factories.PageFactory):
    title = factory.LazyAttribute(lambda meeting: f"IETF {meeting.number} {meeting.city}")
    number = factory.Sequence(lambda n: 500 + n)
    city = "Nairobi"
    country = "KE"
    start_date = datetime.date(2030, 3, 16)
    end_date = datetime.date(2030, 3, 22)

    class Meta:
        model = "programme.MeetingPage"


class MeetingReportPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Report {n}")
    authors = "Internet Society policy team"
    date_published = datetime.date(2030, 4, 1)
    summary = "A report made by a test."
    highlights = factory.LazyFunction(
        lambda: [{"type": "highlight", "value": {"topic": "dns", "text": "<p>DNS work.</p>"}}]
    )
    policy = "<p>It matters.</p>"

    class Meta:
        model = "programme.MeetingReportPage"


class CollectionFactory(wagtail_factories.CollectionFactory):
    """A collection under the root collection (wagtail-factories' own makes a second root)."""

    name = factory.Sequence(lambda n: f"Collection {n}")
    parent = factory.LazyFunction(lambda: Collection.get_first_root_node())


class DocumentFactory(wagtail_factories.DocumentFactory):
    title = factory.Sequence(lambda n: f"Document {n}")
    file = factory.django.FileField(filename="report.txt", data=b"Minutes of a test meeting.")
    collection = factory.LazyFunction(lambda: Collection.get_first_root_node())


def publish(page):
    """Publish ``page`` as an editor does (a revision, then publishing it: the search index follows)."""
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def translate(page, language_code: str):
    """The published translation of ``page`` into a language, made as the translation editor makes it
    (wagtail-localize's TranslationSource), with the original's text where nothing is translated."""
    from django.test import TestCase  # noqa: PLC0415
    from wagtail_localize.models import TranslationSource  # noqa: PLC0415 - models need the registry

    source, _created = TranslationSource.get_or_create_from_instance(page)
    with TestCase.captureOnCommitCallbacks(execute=True):  # wagtail-localize publishes once saved
        translation, _created = source.create_or_update_translation(
            Locale.objects.get(language_code=language_code), publish=True, fallback=True
        )
    translation.refresh_from_db()
    return translation.specific


def alias_in(page, language_code: str):
    """The page's alias in a language (shown in English there until translated), as wagtail-localize's
    tree synchronisation makes it."""
    locale = Locale.objects.get(language_code=language_code)
    return page.copy_for_translation(locale, copy_parents=True, alias=True).specific


def untranslate_segment(instance, path):
    """Take back the translation of one segment (``path``, e.g. "title") of a synchronised translation."""
    from wagtail_localize.models import StringSegment, StringTranslation  # noqa: PLC0415 - models need the registry

    from website.review import translation_of  # noqa: PLC0415

    translation = translation_of(instance)
    segment = StringSegment.objects.get(source=translation.source, context__path=path)
    StringTranslation.objects.filter(
        translation_of_id=segment.string_id, context_id=segment.context_id, locale_id=instance.locale_id
    ).delete()
    return translation
