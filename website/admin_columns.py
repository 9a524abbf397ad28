"""Columns the apps' admin page listings share.

Wagtail's date columns say "3 days ago"; editors planning reviews and meetings compare dates, so these listings
show the date itself, in the admin language's date format.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn

from website.admin_filters import language_name
from website.locales import language_code_of


class AbsoluteDateColumn(DateColumn):
    """A date column showing the date ("Dec. 1, 2026"), not the time since."""

    cell_template_name = "website/admin/date_cell.html"


def with_absolute_dates(columns):
    """The columns, each date column (Wagtail's "Updated" too) made an AbsoluteDateColumn with the same settings."""
    return [
        AbsoluteDateColumn(
            column.name,
            label=column.label,
            accessor=column.accessor,
            classname=column.classname,
            sort_key=column.sort_key,
            width=column.width,
        )
        if isinstance(column, DateColumn)
        else column
        for column in columns
    ]


class LanguageColumn(Column):
    """The page's language, named as the "Language" filter names it (from the locale id: no query per row)."""

    def __init__(self):
        super().__init__("locale", label=_("Language"), accessor=self.language_of)

    @staticmethod
    def language_of(page):
        return language_name(language_code_of(page.locale_id))
