"""Settings shared by every mode, driven by environment variables.

Development needs none of them: without ``DATABASE_URL`` an embedded PostgreSQL is used,
without ``REDIS_URL`` a local-memory cache, without ``ELASTICSEARCH_URL`` Wagtail's database
search backend on PostgreSQL.
"""

import os
from datetime import timedelta
from pathlib import Path
from zoneinfo import available_timezones

from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE
from django.utils.translation import gettext_lazy as _

from website.database import database_settings
from website.search.backends import search_backends_setting
from website.storage import LOCAL_STORAGE, media_origins, media_storage

BASE_DIR = Path(__file__).resolve().parents[2]
DATA_DIR = Path(os.environ.get("DATA_DIR", BASE_DIR / ".data"))


def env(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(name, "").strip()
    return value or default


def env_bool(name: str, default: bool) -> bool:
    value = env(name)
    if value is None:
        return default
    return value.lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: list[str] | None = None) -> list[str]:
    value = env(name)
    if value is None:
        return list(default or [])
    return [item.strip() for item in value.split(",") if item.strip()]


INSTALLED_APPS = [
    "website",
    "knowledge",
    "programme",
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.table_block",
    "wagtail.contrib.search_promotions",
    "wagtail.api.v2",
    "rest_framework",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_countries",
    "axes",
    "csp",
]

MIDDLEWARE = [
    # First: a cached page is answered before anything else runs, with the headers it was kept with.
    "website.page_cache.middleware.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # zstd, Brotli or gzip, as the browser takes; before ConditionalGetMiddleware, which then tags the
    # uncompressed content (the compressed response's ETag is made weak).
    "compression_middleware.middleware.CompressionMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "website.csp.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it turns a sign-in refused for too many failures into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "website.urls"
WSGI_APPLICATION = "website.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "programme.context_processors.report_feeds",
            ],
        },
    },
]

# Database: DATABASE_URL, or the embedded PostgreSQL under .data/postgres.
DATABASES = {"default": database_settings(env("DATABASE_URL"), DATA_DIR)}
# Read replicas (website.database.replicas): DATABASE_REPLICA_URLS, comma-separated, each a copy of the
# primary kept by PostgreSQL's streaming replication. Readers' page views read from them, except within
# REPLICA_MAX_LAG seconds of a write (a replica applies changes a little later); everything else reads the primary.
REPLICA_DATABASES = []
for _number, _url in enumerate(env_list("DATABASE_REPLICA_URLS"), start=1):
    DATABASES[f"replica_{_number}"] = {**database_settings(_url, DATA_DIR), "TEST": {"MIRROR": "default"}}
    REPLICA_DATABASES.append(f"replica_{_number}")
REPLICA_MAX_LAG = float(env("REPLICA_MAX_LAG", "10"))
if REPLICA_DATABASES:
    DATABASE_ROUTERS = ["website.database.replicas.ReplicaRouter"]
    MIDDLEWARE.insert(1, "website.database.replicas.ReplicaReadsMiddleware")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Caches: Redis when REDIS_URL is set (Django's own backend), files under DATA_DIR otherwise. Either is shared by
# every process of the site, so what one gunicorn worker drops (a glossary changed, a page published) no worker
# serves again; a per-process memory cache would not be. "pages" holds whole pages (website.page_cache).
if env("REDIS_URL"):
    CACHES = {
        alias: {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": env("REDIS_URL"),
            "KEY_PREFIX": f"policymakers:{alias}",
        }
        for alias in ("default", "pages")
    }
else:
    CACHES = {
        alias: {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(DATA_DIR / "cache" / alias),
            "OPTIONS": {"MAX_ENTRIES": 20000},
        }
        for alias in ("default", "pages")
    }

# Searches running at once in one worker process (website.search.views): the others wait their turn.
SEARCH_CONCURRENCY = int(env("SEARCH_CONCURRENCY", "4"))

# Whole pages cached for anonymous readers (website.page_cache; README, "Caching"). PAGE_CACHE=off turns it off.
PAGE_CACHE = env_bool("PAGE_CACHE", True)
# How long a kept copy may live without any change (an hour: a page showing "upcoming" meetings moves on by
# itself), and what browsers and CDNs are told: browsers revalidate after a minute (ETag: a 304 without a body),
# a CDN keeps a page for an hour (each publish purges the pages it changes, with WAGTAILFRONTENDCACHE).
PAGE_CACHE_TIMEOUT = int(env("PAGE_CACHE_TIMEOUT", "3600"))
PAGE_CACHE_MAX_AGE = int(env("PAGE_CACHE_MAX_AGE", "60"))
PAGE_CACHE_SHARED_MAX_AGE = int(env("PAGE_CACHE_SHARED_MAX_AGE", "3600"))
PAGE_CACHE_STALE_WHILE_REVALIDATE = int(env("PAGE_CACHE_STALE_WHILE_REVALIDATE", "60"))

# Sign-in throttling (django-axes; README, "Sign-in"). Its backend comes first: it refuses a locked-out account or
# address before any password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Five failures lock the account (whatever the address) and the address (whatever the account) for 15 minutes.
# Page passwords count the same way, the restriction standing for the account (website.sign_in.page_passwords).
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
# Attempts refused during a lockout are not counted, so it ends when the page said it would.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_CALLABLE = "website.sign_in.lockout.lockout_response"
# Behind reverse proxies, the client's address is the one the outermost proxy saw (README, "Configuration").
AXES_CLIENT_IP_CALLABLE = "website.sign_in.client_address.client_address"
TRUSTED_PROXY_COUNT = int(env("TRUSTED_PROXY_COUNT", "0"))
# Failures are kept for the cool-off only; successful sign-ins are not logged with their addresses.
AXES_DISABLE_ACCESS_LOG = True
# A reader signing in from a page restricted to logged-in users, with no page to go back to, lands on the home page.
LOGIN_REDIRECT_URL = "/"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: English is the source; every other language is a wagtail-localize translation.
# Names are each language's own name, as readers look for them in the language switcher.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("fr", "Français"),
    ("es", "Español"),
    ("ar", "العربية"),
    ("zh-hans", "简体中文"),
    ("ru", "Русский"),
    ("pt", "Português"),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES

# Search: each language analysed with its own rules (website.search). The database backend always
# indexes everything; with ELASTICSEARCH_URL set each language also gets its own Elasticsearch backend, for
# the server major ELASTICSEARCH_VERSION names (8 or 9; by default the installed client's).
WAGTAILSEARCH_BACKENDS = search_backends_setting(
    env("ELASTICSEARCH_URL"),
    env("ELASTICSEARCH_INDEX_PREFIX", "policymakers_"),
    [code for code, _name in LANGUAGES],
    env("ELASTICSEARCH_VERSION"),
)
# API links (meta.detail_url, like html_url) use the Site record serving the request, its hostname and port;
# WAGTAILAPI_BASE_URL overrides that only when set (an API served under another public address).
WAGTAILAPI_BASE_URL = env("WAGTAILAPI_BASE_URL")
WAGTAILAPI_LIMIT_MAX = 50
# The project's interface strings, then strings of wagtail-localize its catalogues lack in some languages.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "website" / "upstream_locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
# Uploaded files live with the database under DATA_DIR: one folder holds the whole state of a site
# (make backup archives both, make clean-data deletes both).
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(DATA_DIR / "media")))
# make backup's archives: outside DATA_DIR, so that make clean-data (which deletes DATA_DIR) leaves them.
BACKUP_DIR = Path(env("BACKUP_DIR", str(BASE_DIR / "backups")))
STORAGES = {
    "default": media_storage(env),  # the local disk, or an S3-compatible store (website.storage)
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
if STORAGES["default"] != LOCAL_STORAGE:
    # Documents from object storage: Wagtail checks the reader's access, then redirects to a signed link.
    WAGTAILDOCS_SERVE_METHOD = "redirect"

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = _("Policymakers Programme to the IETF")
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx"]
# Documents: at most 20 MB (website.documents), and always downloaded as attachments (with nosniff, from
# SecurityMiddleware), so a document is never rendered as a page of the site's origin.
WAGTAILDOCS_DOCUMENT_FORM_BASE = "website.documents.DocumentForm"
DOCUMENTS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"bmp": "png", "gif": "png"}
# Images are limited by what decoding them costs, not only by file size: a small PNG can hold 11000×11000
# pixels, and each rendition then took 2 s and 357 MB. 24 million pixels decode to under 100 MB (RGBA).
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 24_000_000
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# The admin's dashboard asks wagtail.org for new releases unless told not to: upgrades go through requirements.lock
# (and the admin's Content-Security-Policy lets it connect to the site only).
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Editors' avatars stay local: Gravatar would receive a hash of each editor's e-mail address.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# The time zones an editor may choose: real IANA zones only (the system's "localtime" link, offered by default,
# is not a zone a browser knows, and the admin's date pickers fail on it).
WAGTAIL_USER_TIME_ZONES = ["UTC"] + sorted(
    zone
    for zone in available_timezones()
    if "/" in zone and not zone.startswith(("Etc/", "SystemV/", "posix/", "right/"))
)

# Review (README, "Roles"): an approved translation is published from its segments, like wagtail-localize does.
WAGTAIL_FINISH_WORKFLOW_ACTION = "website.workflow_finish.publish_approved"
# Sending a page for translation makes its translations drafts, whatever the original's state: a new
# translation holds the original's text until it is translated, and only review publishes it.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# Wagtail tells submitters and reviewers by e-mail (submitted, approved, changes requested). Development prints
# the messages on the console; production sends them through the SMTP server in EMAIL_HOST.
EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "webmaster@localhost")
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
# A password reset first checks that the mail server answers, and says so when it does not (website.sign_in).
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "website.sign_in.password_reset.PasswordResetForm"

# Machine translation for translators: DeepL with a key, or LibreTranslate at a URL; none otherwise.
if env("DEEPL_API_KEY"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": env("DEEPL_API_KEY")},
    }
elif env("LIBRETRANSLATE_URL"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
        "OPTIONS": {
            "LIBRETRANSLATE_URL": env("LIBRETRANSLATE_URL"),
            "API_KEY": env("LIBRETRANSLATE_API_KEY", ""),
        },
    }

# Security headers (README, "Security headers"), the same in development, tests and production.
# Content-Security-Policy (django-csp): scripts come from the site itself, and an inline script runs only with the
# response's nonce (request.csp_nonce); nothing else inline, no eval. Images, styles, fonts and requests stay on the
# site; video embeds may show YouTube's and Vimeo's players; no page may be framed. Wagtail's admin needs more:
# website.csp adds it on the admin's URLs only.
VIDEO_EMBED_ORIGINS = ["https://www.youtube.com", "https://www.youtube-nocookie.com", "https://player.vimeo.com"]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        # Style attributes only (no <style> elements): Wagtail's responsive video embeds size their frame with one.
        "style-src-attr": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, *media_origins(env)],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": [SELF, *VIDEO_EMBED_ORIGINS],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# Permissions-Policy (django-permissions-policy): the browser features the site does not use are off for it and
# for anything it embeds. Left at the browsers' defaults: fullscreen, picture-in-picture and encrypted-media (a
# video embed may ask for them) and clipboard-write (the admin's copy buttons).
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "ambient-light-sensor",
        "autoplay",
        "bluetooth",
        "browsing-topics",
        "camera",
        "clipboard-read",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "local-fonts",
        "magnetometer",
        "microphone",
        "midi",
        "otp-credentials",
        "payment",
        "publickey-credentials-create",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "web-share",
        "window-management",
        "xr-spatial-tracking",
    )
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "without_traceback": {"()": "website.log_filters.WithoutTraceback"},
        "database_unavailable": {"()": "website.log_filters.DatabaseUnavailableInOneLine"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["database_unavailable"]},
        "one_line": {"class": "logging.StreamHandler", "filters": ["without_traceback"]},
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "WARNING")},
    # A bad Host header is the client's doing: one line each, no traceback.
    "loggers": {"django.security.DisallowedHost": {"handlers": ["one_line"], "level": "ERROR", "propagate": False}},
}
