"""Links of the search page that keep the reader's query and other filters (plain links, no JavaScript)."""

from django import template

register = template.Library()


def _params(context, changes: dict) -> str:
    params = context["request"].GET.copy()
    for key, value in changes.items():
        if value is None or value == "":
            params.pop(key, None)
        else:
            params[key] = str(value)
    return params.urlencode()


@register.simple_tag(takes_context=True)
def search_params(context, **changes):
    """The current query string with ``changes`` applied (``None`` removes a parameter)."""
    return _params(context, changes)


@register.simple_tag(takes_context=True)
def search_facet_link(context, name, value):
    """Narrow to one value of a filter, back on the first page of results."""
    return _params(context, {name: value, "page": None})


@register.simple_tag(takes_context=True)
def search_facet_clear(context, name):
    return _params(context, {name: None, "page": None})
