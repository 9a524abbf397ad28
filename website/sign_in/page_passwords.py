"""Page passwords (Wagtail's "private, accessible with a shared password") throttled by django-axes.

Wagtail checks a page password with no limit. Each wrong one is reported to axes as a failed sign-in (Django's
``user_login_failed``) whose account is the restriction, ``page-password:<id>``, so the limits of the sign-in pages
apply: five wrong passwords lock that restriction (from any address), and an address is locked after five failures
of either kind. A locked restriction or address is refused before the password is checked, and the refusal is not
counted. The view doing it is ``website.compat.wagtail.throttled_authenticate_with_password``; moderators see and
lift these lockouts with the others (``website.sign_in.views``).
"""

from http import HTTPStatus

from axes.conf import settings
from axes.helpers import get_credentials
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import ngettext
from wagtail.forms import PasswordViewRestrictionForm
from wagtail.models import Page, PageViewRestriction

PREFIX = "page-password:"


def credentials_for(restriction_id):
    """What axes counts a wrong password against: the restriction, in the place of an account name."""
    return get_credentials(f"{PREFIX}{restriction_id}")


def is_page_password(credentials):
    return str((credentials or {}).get(settings.AXES_USERNAME_FORM_FIELD) or "").startswith(PREFIX)


def restriction_of(username):
    """The restriction an axes record names, or None for an account."""
    if not (username or "").startswith(PREFIX):
        return None
    number = username.removeprefix(PREFIX)
    if not number.isdigit():
        return None
    return PageViewRestriction.objects.filter(pk=int(number)).select_related("page").first()


def message(minutes):
    return ngettext(
        "Too many wrong passwords have been tried for this page or from your address, so the password form is "
        "paused. Try again in %(minutes)s minute, or ask a moderator of the site to unlock it sooner.",
        "Too many wrong passwords have been tried for this page or from your address, so the password form is "
        "paused. Try again in %(minutes)s minutes, or ask a moderator of the site to unlock it sooner.",
        minutes,
    ) % {"minutes": minutes}


def locked_out(request, credentials, minutes):
    """The page's own password page, with the lockout message instead of the form."""
    kwargs = request.resolver_match.kwargs
    restriction = get_object_or_404(PageViewRestriction, id=kwargs["page_view_restriction_id"])
    page = get_object_or_404(Page, id=kwargs["page_id"]).specific
    form = PasswordViewRestrictionForm(instance=restriction, initial={"return_url": request.POST.get("return_url", "")})
    action_url = reverse("wagtailcore_authenticate_with_password", args=[restriction.id, page.id])
    response = page.serve_password_required_response(request, form, action_url)
    response.context_data["lockout_message"] = message(minutes)
    response.status_code = HTTPStatus.TOO_MANY_REQUESTS
    return response.render()
