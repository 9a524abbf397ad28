from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from website import media, views
from website.compat import wagtail as wagtail_compat
from website.search import views as search_views
from website.search.api import api_router
from website.sign_in import views as sign_in_views
from website.sitemaps import language_sitemaps

handler500 = "website.views.server_error"

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": language_sitemaps(), "sitemap_url_name": "sitemap-language"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": language_sitemaps()},
        name="sitemap-language",
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("api/v2/", api_router.urls),
    path("documents/", include(wagtaildocs_urls)),
]

# Uploaded images, in development as in production (website.media); documents only through Wagtail's view,
# which checks their collection's privacy (Django's static() would serve every file under MEDIA_ROOT).
urlpatterns.append(path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", media.serve_image, name="media"))

# Every page and the search live under a language prefix: /en/, /fr/, /zh-hans/ ...
# A request for "/" matches nothing here, and LocaleMiddleware redirects it to the
# language that best fits the browser's Accept-Language (English when none does).
urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("search/autocomplete/", search_views.search_autocomplete, name="search_autocomplete"),
    # Wagtail's own paths and names, answered by views of ours first (website.sign_in): the page-password form
    # throttled by django-axes, and the front-end login page in the site's look.
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        wagtail_compat.throttled_authenticate_with_password,
        name="wagtailcore_authenticate_with_password",
    ),
    path("_util/login/", sign_in_views.FrontEndLoginView.as_view(), name="wagtailcore_login"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
