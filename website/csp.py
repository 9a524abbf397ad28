"""The Content-Security-Policy: django-csp's middleware, with what Wagtail's admin needs on the admin's URLs only.

Public pages get ``CONTENT_SECURITY_POLICY`` as it is: scripts from the site, or inline with the response's nonce;
nothing else inline, no eval, no framing. Previews are rendered by Wagtail through the middleware again, as the page
they show (``request.is_preview``): they keep the public policy, framed by the site itself (the preview panel).

On the admin's URLs:

- the admin frames its own pages (block previews), so ``frame-ancestors`` is the site itself;
- Wagtail writes inline scripts and styles that cannot carry a nonce (date pickers, inline panels, chooser modals;
  wagtail/wagtail#1288), and wagtail-localize's editor injects its styles, so admin views get ``ADMIN_INLINE``,
  replacing those directives and only those;
- a view whose template asks for the nonce (the translation editor, ``request.csp_nonce``) gives it to every inline
  script of its own, so it keeps the public ``script-src`` and only its styles and images are relaxed;
- the sign-in and password reset pages, which anyone may open, keep the public policy.

Subclassing the middleware and extending ``get_policy_parts`` is how django-csp means a policy to vary per request;
a view's own ``csp_replace`` still wins.
"""

from csp.constants import SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware as BaseCSPMiddleware
from csp.middleware import PolicyParts
from django.urls import reverse

FRAMED_BY_THE_SITE = {"frame-ancestors": [SELF]}
ADMIN_INLINE = {
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
    # Image upload previews (blob:) and an image in the admin's stylesheet (data:): wagtail/wagtail#12368.
    "img-src": [SELF, "data:", "blob:"],
}
# URL names of admin views that keep the public policy: they are open to anyone.
PUBLIC_ADMIN_VIEWS = {
    "wagtailadmin_login",
    "wagtailadmin_password_reset",
    "wagtailadmin_password_reset_done",
    "wagtailadmin_password_reset_confirm",
    "wagtailadmin_password_reset_complete",
}


def replaced_directives(request, nonce_used: bool) -> dict | None:
    """The directives that replace the public ones for this request, or None where the public policy applies."""
    if getattr(request, "is_preview", False):
        return dict(FRAMED_BY_THE_SITE)
    if not request.path_info.startswith(reverse("wagtailadmin_home")):
        return None
    match = getattr(request, "resolver_match", None)
    if match is not None and match.url_name in PUBLIC_ADMIN_VIEWS:
        return None
    directives = {**FRAMED_BY_THE_SITE, **ADMIN_INLINE}
    if nonce_used:
        del directives["script-src"]
    return directives


class CSPMiddleware(BaseCSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if parts.replace is None:
            parts.replace = replaced_directives(request, nonce_used=parts.nonce is not None)
        return parts
