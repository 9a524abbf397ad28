"""The front-end login page, and the moderators' view of sign-in lockouts.

The front-end login (``/<language>/_util/login/``, where Wagtail sends a reader of a page restricted to logged-in
users) is Django's login view with the site's own template (``templates/wagtailcore/login.html``); with no page to
go back to, it lands on the home page of the reader's language rather than on Django's ``/accounts/profile/``.

The lockouts view lists the failures axes currently counts (within the cool-off), which of them lock an account, a
page password or an address, and unlocks one with axes's own reset. It asks for ``axes.view_accessattempt``, and
unlocking for ``axes.delete_accessattempt``; migration ``website`` 0008 grants both to the Moderators.
"""

from axes.conf import settings
from axes.helpers import get_cool_off
from axes.models import AccessAttempt
from axes.utils import reset
from django.contrib import messages
from django.contrib.auth.views import LoginView
from django.core.exceptions import PermissionDenied
from django.db.models import Sum
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from website.sign_in.page_passwords import PREFIX, restriction_of

VIEW_PERMISSION = "axes.view_accessattempt"
UNLOCK_PERMISSION = "axes.delete_accessattempt"


class FrontEndLoginView(LoginView):
    template_name = getattr(settings, "WAGTAIL_FRONTEND_LOGIN_TEMPLATE", "wagtailcore/login.html")

    def get_default_redirect_url(self):
        return reverse("wagtail_serve", args=[""])


def current_attempts():
    """The failures axes still counts: those within the cool-off."""
    return AccessAttempt.objects.filter(attempt_time__gte=timezone.now() - get_cool_off())


class LockoutsView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "website/sign_in/lockouts.html"
    page_title = _("Sign-in lockouts")
    header_icon = "lock"
    breadcrumbs_items = []

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(VIEW_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        attempts = list(current_attempts().order_by("-attempt_time"))
        limit = settings.AXES_FAILURE_LIMIT
        by_name = dict(
            current_attempts().values_list("username").annotate(total=Sum("failures_since_start")).order_by()
        )
        by_address = dict(
            current_attempts().values_list("ip_address").annotate(total=Sum("failures_since_start")).order_by()
        )
        rows = []
        for attempt in attempts:
            restriction = restriction_of(attempt.username)
            rows.append(
                {
                    "attempt": attempt,
                    "restriction": restriction,
                    "page_password": (attempt.username or "").startswith(PREFIX),
                    "name_locked": bool(attempt.username) and by_name.get(attempt.username, 0) >= limit,
                    "address_locked": bool(attempt.ip_address) and by_address.get(attempt.ip_address, 0) >= limit,
                }
            )
        context.update(
            {
                "rows": rows,
                "failure_limit": limit,
                "cool_off_minutes": int(get_cool_off().total_seconds() // 60),
                "may_unlock": self.request.user.has_perm(UNLOCK_PERMISSION),
            }
        )
        return context


@require_POST
def unlock(request):
    """Clear the failures of one row's account (or page password) and of its address: both are unlocked."""
    if not request.user.has_perm(UNLOCK_PERMISSION):
        raise PermissionDenied
    username = request.POST.get("username", "").strip() or None
    address = request.POST.get("ip_address", "").strip() or None
    if username and address:
        count = reset(ip=address, username=username, ip_or_username=True)
    elif username or address:
        count = reset(ip=address, username=username)
    else:
        count = 0  # never reset() with neither: that would clear every record
    messages.success(
        request,
        ngettext(
            "Unlocked: %(count)s record of failed attempts cleared.",
            "Unlocked: %(count)s records of failed attempts cleared.",
            count,
        )
        % {"count": count},
    )
    return redirect("sign_in_lockouts")
