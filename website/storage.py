"""Where uploaded files (images, documents) are kept: the local disk, or an S3-compatible object store.

A site with more than one web server needs its uploads where every server finds them. With
``MEDIA_S3_BUCKET`` set, ``STORAGES["default"]`` is django-storages' S3 backend (install the project's ``s3``
extra: ``pip install '.[s3]'``), for AWS S3 or any service that speaks its API (MinIO, Ceph, Garage, the
object stores of most hosting providers: ``MEDIA_S3_ENDPOINT_URL``). The keys come from boto3's own
variables (``AWS_ACCESS_KEY_ID``, ``AWS_SECRET_ACCESS_KEY``) or the machine's role, never from the settings.

Files are private in the bucket and reached through signed links that expire (``querystring_auth``), so a
document in a private collection stays private: Wagtail checks the reader, then redirects to a short-lived
link (``WAGTAILDOCS_SERVE_METHOD = "redirect"``). New files never overwrite old ones of the same name.
No module of django-storages is imported here: the settings can be read without it installed.
"""

from urllib.parse import urlsplit

LOCAL_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}


def media_storage(env) -> dict:
    """``STORAGES["default"]`` from the environment (``env`` reads a variable, as in the settings)."""
    bucket = env("MEDIA_S3_BUCKET")
    if not bucket:
        return dict(LOCAL_STORAGE)
    options = {
        "bucket_name": bucket,
        "default_acl": None,
        "file_overwrite": False,
        "querystring_auth": True,
        "querystring_expire": int(env("MEDIA_S3_LINK_SECONDS", "3600")),
    }
    for option, name in (
        ("endpoint_url", "MEDIA_S3_ENDPOINT_URL"),
        ("region_name", "MEDIA_S3_REGION"),
        ("location", "MEDIA_S3_PREFIX"),
    ):
        if env(name):
            options[option] = env(name)
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}


def media_origins(env) -> list[str]:
    """Where the browser fetches uploaded images from, for the Content-Security-Policy's ``img-src`` (the site's
    own origin only, unless uploads are on object storage)."""
    if not env("MEDIA_S3_BUCKET"):
        return []
    endpoint = env("MEDIA_S3_ENDPOINT_URL")
    if not endpoint:
        return ["https://*.amazonaws.com"]
    parts = urlsplit(endpoint)
    # Path-style links (endpoint/bucket/key) or virtual-host ones (bucket.endpoint/key), as the service gives.
    return [f"{parts.scheme}://{parts.netloc}", f"{parts.scheme}://*.{parts.netloc}"]
