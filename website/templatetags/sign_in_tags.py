"""What a sign-in page says about a forgotten password: the reset link, or, when the site sends no mail, whom
to ask (``website.sign_in.password_reset``)."""

from django import template
from wagtail.admin.views.account import password_reset_enabled

register = template.Library()


@register.inclusion_tag("website/sign_in/password_help.html")
def password_help(link=True):
    """``link=False`` where the page shows Wagtail's own reset link already (the admin's sign-in page)."""
    return {"reset_enabled": password_reset_enabled(), "link": link}
