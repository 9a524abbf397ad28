"""The kinds of content a reader can narrow a search to, with their names."""

from django.utils.translation import gettext as _

KIND_ORDER = ("explainer", "report", "programme", "glossary", "page")


def kind_label(kind: str, plural: bool = False) -> str:
    singular = {
        "explainer": _("Explainer"),
        "report": _("Meeting report"),
        "programme": _("Programme page"),
        "glossary": _("Glossary term"),
        "page": _("Page"),
    }
    several = {
        "explainer": _("Explainers"),
        "report": _("Meeting reports"),
        "programme": _("Programme pages"),
        "glossary": _("Glossary terms"),
        "page": _("Other pages"),
    }
    return (several if plural else singular).get(kind, kind)
