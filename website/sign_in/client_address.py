"""The client address that failed sign-ins count against (``AXES_CLIENT_IP_CALLABLE``).

Without a reverse proxy it is the connection's address. Behind ``TRUSTED_PROXY_COUNT`` proxies it is the address
the outermost one saw: each proxy appends the address it received the request from to ``X-Forwarded-For``, so the
one ``TRUSTED_PROXY_COUNT`` places from the end was written by our outermost proxy. Anything further left was sent
by the client and could be forged to dodge the per-address limit. django-ipware, which axes would otherwise use, is
not installed; this is the one rule the site needs.
"""

from ipaddress import ip_address

from django.conf import settings


def client_address(request):
    remote = request.META.get("REMOTE_ADDR")
    count = settings.TRUSTED_PROXY_COUNT
    if count <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if len(forwarded) < count:
        return remote  # not through all our proxies: only the connection is known
    candidate = forwarded[-count]
    try:
        return str(ip_address(candidate))
    except ValueError:
        return remote
