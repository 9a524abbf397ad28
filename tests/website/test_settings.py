"""Production settings: refuse to start half-configured, pass Django's deployment checklist."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR)


def manage(*args, **env):
    # (DJANGO_ALLOW_ASYNC_UNSAFE is set for the browser tests only; production must not see it.)
    unset = {"SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    clean = {key: value for key, value in os.environ.items() if key not in unset}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env={**clean, "DJANGO_SETTINGS_MODULE": "website.settings.production", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def manage_production(*args, **env):
    """``manage`` with the two variables production insists on."""
    return manage(*args, SECRET_KEY=secrets.token_urlsafe(50), ALLOWED_HOSTS="policymakers.example.org", **env)


def test_production_refuses_to_start_without_secret_key_and_hosts():
    result = manage("check")
    assert result.returncode != 0
    assert "Production settings need these environment variables: SECRET_KEY, ALLOWED_HOSTS" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = manage("check", SECRET_KEY=secrets.token_urlsafe(50))
    assert result.returncode != 0
    assert "need these environment variables: ALLOWED_HOSTS." in result.stderr


def test_check_deploy_has_no_warnings():
    """One advice is declined on purpose, and only that one: HSTS preloading (security.W021), unless asked for."""
    result = manage_production("check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (1 silenced)." in result.stdout
    preloading = manage_production("check", "--deploy", "--fail-level", "WARNING", SECURE_HSTS_PRELOAD="true")
    assert preloading.returncode == 0, preloading.stderr


def test_static_files_are_hashed_and_compressed(tmp_path):
    result = manage_production("collectstatic", "--noinput", STATIC_ROOT=str(tmp_path))
    assert result.returncode == 0, result.stderr
    css = [path.name for path in (tmp_path / "css").iterdir() if path.name.startswith("site.")]
    hashed = [name for name in css if name.endswith(".css") and name != "site.css"]
    assert len(hashed) == 1, css
    assert f"{hashed[0]}.gz" in css
    assert (tmp_path / "staticfiles.json").exists()


def test_admin_privacy_and_time_zones():
    """No Gravatar (a hash of each editor's address would leave the site); only real time zones to choose from."""
    assert settings.WAGTAIL_GRAVATAR_PROVIDER_URL is None
    zones = settings.WAGTAIL_USER_TIME_ZONES
    assert "UTC" in zones and "Europe/Paris" in zones and "Africa/Nairobi" in zones
    assert "localtime" not in zones and not any(zone.startswith(("posix/", "right/")) for zone in zones)


def test_production_does_not_check_for_updates():
    result = manage_production(
        "shell", "-c", "from django.conf import settings; print(settings.WAGTAIL_ENABLE_UPDATE_CHECK)"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "False"


@pytest.mark.django_db
def test_an_image_with_too_many_pixels_is_refused_with_a_message(client, tmp_path):
    """A small file can hold a huge image: what a rendition costs in memory is what is limited."""
    import io  # noqa: PLC0415

    from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: PLC0415
    from django.urls import reverse  # noqa: PLC0415
    from PIL import Image  # noqa: PLC0415
    from wagtail.images import get_image_model  # noqa: PLC0415

    from tests.factories import UserFactory  # noqa: PLC0415

    def png(width, height):
        buffer = io.BytesIO()
        Image.new("L", (width, height)).save(buffer, "PNG")
        return SimpleUploadedFile("picture.png", buffer.getvalue(), content_type="image/png")

    client.force_login(UserFactory(is_superuser=True))
    before = get_image_model().objects.count()
    huge = client.post(reverse("wagtailimages:add"), {"title": "Huge", "file": png(5000, 5000)})
    assert get_image_model().objects.count() == before
    assert "too many pixels" in huge.content.decode()
    client.post(reverse("wagtailimages:add"), {"title": "Fine", "file": png(1600, 900)})
    assert get_image_model().objects.count() == before + 1
