"""The answer to a sign-in refused for too many failures (``AXES_LOCKOUT_CALLABLE``): 429, in the look of the page
the reader used, saying when to try again and that a moderator can unlock sooner.

axes calls this from its middleware when a failure reaches the limit or a locked-out account or address tries
again; the page-password view calls it too, through ``axes.helpers.get_lockout_response``.
"""

from http import HTTPStatus
from math import ceil

from axes.helpers import get_client_username, get_cool_off
from axes.models import AccessAttempt
from django.contrib.auth.forms import AuthenticationForm
from django.db.models import Max, Q
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import ngettext

from website.sign_in import page_passwords


def minutes_left(request, credentials=None):
    """Whole minutes until the failures that lock this account or address expire (at least one).

    Failures refused during a lockout are not counted (``AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT``), so
    the latest failure of the account or of the address, plus the cool-off, is when signing in opens again."""
    cool_off = get_cool_off(request)
    username = get_client_username(request, credentials)
    address = getattr(request, "axes_ip_address", None)
    matching = Q(pk__in=[])
    if username:
        matching |= Q(username=username)
    if address:
        matching |= Q(ip_address=address)
    latest = AccessAttempt.objects.filter(matching).aggregate(latest=Max("attempt_time"))["latest"]
    left = (latest + cool_off - timezone.now()) if latest else cool_off
    return max(1, ceil(left.total_seconds() / 60))


def sign_in_message(minutes):
    return ngettext(
        "Too many failed attempts to sign in to this account or from your address, so signing in is paused. "
        "Try again in %(minutes)s minute, or ask a moderator to unlock it sooner.",
        "Too many failed attempts to sign in to this account or from your address, so signing in is paused. "
        "Try again in %(minutes)s minutes, or ask a moderator to unlock it sooner.",
        minutes,
    ) % {"minutes": minutes}


def lockout_response(request, original_response=None, credentials=None):
    minutes = minutes_left(request, credentials)
    url_name = request.resolver_match.url_name if request.resolver_match else None
    if page_passwords.is_page_password(credentials):
        return page_passwords.locked_out(request, credentials, minutes)
    if url_name == "wagtailcore_login":
        # The front-end login page, in the site's look and the reader's language.
        context = {
            "form": AuthenticationForm(request),
            "next": request.POST.get("next", ""),
            "lockout_message": sign_in_message(minutes),
        }
        return render(request, "wagtailcore/login.html", context, status=HTTPStatus.TOO_MANY_REQUESTS)
    return render(
        request,
        "website/sign_in/admin_locked_out.html",
        {"lockout_message": sign_in_message(minutes)},
        status=HTTPStatus.TOO_MANY_REQUESTS,
    )
