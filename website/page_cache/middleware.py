"""The page cache as the outermost middleware: a cached copy is answered before anything else runs.

Outermost, so that a hit costs no session, locale, CSRF or database work, and so that a kept copy holds the
response exactly as it left the stack: security headers, compression (a copy per content encoding) and ETag
included.

Only anonymous readers are answered from the cache or stored into it. A request is passed through untouched
when it carries a session or messages cookie (signed in, or a page password given: their pages may differ),
credentials, or is anything but GET or HEAD. A response is kept only when it is a Wagtail page served with 200
(``before_serve_page`` marks it) to a reader who is not signed in, sets no cookie, carries no CSP nonce (a nonce
must not be shared), is not private, and is of a page with no view restriction. Previews never come through
here as pages.
"""

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import parse_http_date_safe

from website.page_cache import store
from website.page_cache.encoding import content_encoding

HIT, MISS, PASS = "hit", "miss", "pass"
STATUS_HEADER = "X-Page-Cache"
PASSED_COOKIES = ("messages",)
PASSED_HEADERS = ("HTTP_AUTHORIZATION",)
KEPT_QUERY_LENGTH = 200


def passes_by(request) -> bool:
    """Whether ``request`` is not one the cache may answer (or learn from)."""
    if request.method not in ("GET", "HEAD"):
        return True
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or any(name in cookies for name in PASSED_COOKIES):
        return True
    return any(header in request.META for header in PASSED_HEADERS)


def _key(request) -> str:
    return store.copy_key(
        request.scheme,
        request.get_host(),
        request.path,
        request.META.get("QUERY_STRING", ""),
        content_encoding(request.META.get("HTTP_ACCEPT_ENCODING", "")),
    )


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not store.enabled() or passes_by(request):
            response = self.get_response(request)
            return self.mark_private(request, response)
        key = _key(request)
        copy = store.get_copy(key)
        if copy is not None and store.is_current(copy["tokens"]):
            return self.answer(request, copy)
        epoch = store.current_epoch()
        response = self.get_response(request)
        if request.method == "GET":
            self.keep(request, response, key, epoch)
        return response

    @staticmethod
    def answer(request, copy: dict) -> HttpResponse:
        response = HttpResponse(b"" if request.method == "HEAD" else copy["content"], status=copy["status"])
        for name, value in copy["headers"]:
            response.headers[name] = value
        response.headers[STATUS_HEADER] = HIT
        last_modified = parse_http_date_safe(response.get("Last-Modified", ""))
        return get_conditional_response(
            request, etag=response.get("ETag"), last_modified=last_modified, response=response
        )

    @staticmethod
    def cacheable(request, response) -> bool:
        page = getattr(request, "page_cache_page", None)
        if page is None or response.status_code != 200 or response.streaming:
            return False
        if getattr(request, "is_preview", False) or getattr(request, "_csp_nonce", None):
            return False
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            return False
        # Vary: Cookie stays (a signed-in reader's page differs: the userbar); the request had no session cookie,
        # so this is the page every reader without one gets. A response setting a cookie is someone's own.
        if response.cookies:
            return False
        cache_control = response.get("Cache-Control", "")
        if any(word in cache_control for word in ("private", "no-store", "no-cache")):
            return False
        if len(request.META.get("QUERY_STRING", "")) > KEPT_QUERY_LENGTH:
            return False
        return not page.get_view_restrictions().exists()

    def keep(self, request, response, key: str, epoch: str) -> None:
        if not self.cacheable(request, response):
            response.headers.setdefault(STATUS_HEADER, PASS)
            return
        page = request.page_cache_page
        tokens = store.tokens_for({store.page_tag(page.pk), store.SITE_TAG}, epoch)
        patch_cache_control(
            response,
            public=True,
            max_age=settings.PAGE_CACHE_MAX_AGE,
            s_maxage=settings.PAGE_CACHE_SHARED_MAX_AGE,
            stale_while_revalidate=settings.PAGE_CACHE_STALE_WHILE_REVALIDATE,
        )
        response.headers[STATUS_HEADER] = MISS
        if tokens is None:  # something changed while the page was rendered: serve it, keep nothing
            return
        headers = [(name, value) for name, value in response.items() if name != STATUS_HEADER]
        copy = {"status": response.status_code, "headers": headers, "content": response.content, "tokens": tokens}
        store.keep_copy(key, copy, settings.PAGE_CACHE_TIMEOUT)

    @staticmethod
    def mark_private(request, response):
        """Pages served to a signed-in reader are theirs alone: no shared cache (CDN, proxy) may keep them."""
        user = getattr(request, "user", None)
        if getattr(request, "page_cache_page", None) is not None and user is not None and user.is_authenticated:
            patch_cache_control(response, private=True, no_cache=True)
        return response
