"""Factories for the site's objects (wagtail-factories on factory_boy)."""

import datetime

import factory
import wagtail_factories
from django.contrib.auth import get_user_model

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
