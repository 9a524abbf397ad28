"""Template tags of the knowledge base: explainer text with glossary help."""

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from wagtail.rich_text import expand_db_html

from knowledge.glossary import glossary_for, glossary_page_url, mark_terms
from website.locales import content_language_of

register = template.Library()


@register.simple_tag(takes_context=True)
def explainer_text(context, page):
    """The explainer's "why it matters" and body, with glossary terms marked unless the page opts out.

    Returns a dict with ``why`` and ``body`` HTML; ids of definitions are unique across both.
    """
    request = context.get("request")
    why = expand_db_html(page.why_it_matters)
    body = render_to_string("knowledge/includes/explainer_body.html", {"page": page}, request=request)
    if page.glossary_help:
        language = content_language_of(page)
        glossary = glossary_for(language)
        url = glossary_page_url(language)
        why = mark_terms(why, glossary, url, id_prefix="gloss-why-")
        body = mark_terms(body, glossary, url, id_prefix="gloss-")
    return {"why": mark_safe(why), "body": mark_safe(body)}
