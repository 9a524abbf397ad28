"""Uploads on object storage: the settings ``MEDIA_S3_*`` give (django-storages is not installed here: no S3
service can run on this machine, so only the settings are checked, not a file written to a bucket)."""

import json
import os
import subprocess
import sys
from pathlib import Path

from website.storage import media_origins, media_storage

ROOT = Path(__file__).resolve().parents[2]


def test_without_a_bucket_uploads_stay_on_the_local_disk():
    assert media_storage({}.get) == {"BACKEND": "django.core.files.storage.FileSystemStorage"}


def test_a_bucket_gives_the_s3_backend_with_private_files_and_signed_links():
    env = {
        "MEDIA_S3_BUCKET": "policymakers-media",
        "MEDIA_S3_ENDPOINT_URL": "https://objects.example.org",
        "MEDIA_S3_REGION": "eu-west-1",
        "MEDIA_S3_LINK_SECONDS": "600",
    }
    storage = media_storage(env.get)
    assert storage["BACKEND"] == "storages.backends.s3.S3Storage"
    assert storage["OPTIONS"] == {
        "bucket_name": "policymakers-media",
        "endpoint_url": "https://objects.example.org",
        "region_name": "eu-west-1",
        "default_acl": None,
        "file_overwrite": False,
        "querystring_auth": True,
        "querystring_expire": 600,
    }


def test_images_on_object_storage_are_allowed_by_the_content_security_policy():
    assert media_origins({}.get) == []
    assert media_origins({"MEDIA_S3_BUCKET": "b"}.get) == ["https://*.amazonaws.com"]
    env = {"MEDIA_S3_BUCKET": "b", "MEDIA_S3_ENDPOINT_URL": "https://objects.example.org:9000"}
    assert media_origins(env.get) == ["https://objects.example.org:9000", "https://*.objects.example.org:9000"]


def test_the_production_settings_switch_to_object_storage_and_redirect_documents():
    script = (
        "import json; from django.conf import settings; "
        "print(json.dumps([settings.STORAGES['default'], settings.WAGTAILDOCS_SERVE_METHOD, "
        "settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src']]))"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "website.settings.production",
        "SECRET_KEY": "x" * 50,
        "ALLOWED_HOSTS": "example.org",
        "MEDIA_S3_BUCKET": "policymakers-media",
    }
    output = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True)
    assert output.returncode == 0, output.stderr
    storage, serve_method, image_sources = json.loads(output.stdout)
    assert storage["BACKEND"] == "storages.backends.s3.S3Storage"
    assert storage["OPTIONS"]["bucket_name"] == "policymakers-media"
    assert serve_method == "redirect"
    assert image_sources == ["'self'", "https://*.amazonaws.com"]
