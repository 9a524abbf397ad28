"""Machine translation is offered only when configured; tests use wagtail-localize's dummy translator."""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.urls import reverse
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from tests.factories import StandardPageFactory, UserFactory


def translator_setting(**env):
    clean = {k: v for k, v in os.environ.items() if k not in {"DEEPL_API_KEY", "LIBRETRANSLATE_URL"}}
    code = (
        "import json, django; django.setup(); from django.conf import settings; "
        "print(json.dumps(getattr(settings, 'WAGTAILLOCALIZE_MACHINE_TRANSLATOR', None)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=settings.BASE_DIR,
        env={**clean, "DJANGO_SETTINGS_MODULE": "website.settings.dev", **env},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_no_machine_translation_without_configuration():
    assert translator_setting() is None


def test_deepl_with_a_key():
    config = translator_setting(DEEPL_API_KEY="key-123")
    assert config["CLASS"].endswith("DeepLTranslator") and config["OPTIONS"]["AUTH_KEY"] == "key-123"


def test_libretranslate_with_a_url():
    config = translator_setting(LIBRETRANSLATE_URL="https://translate.example.org")
    assert config["CLASS"].endswith("LibreTranslator")
    assert config["OPTIONS"]["LIBRETRANSLATE_URL"] == "https://translate.example.org"


@pytest.mark.django_db
def test_dummy_translator_fills_a_draft_in_the_translation_editor(client, home, locale):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    page = StandardPageFactory(parent=home, slug="machine", title="Open standards", introduction="Rough consensus.")
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.create(source=source, target_locale=locale("fr"))
    translation.save_target(publish=False)
    response = client.post(reverse("wagtail_localize:machine_translate", args=[translation.id]), {"next": "/admin/"})
    assert response.status_code == 302
    machine = StringTranslation.objects.filter(locale=locale("fr"), translation_type="machine")
    # The dummy translator reverses words: "Open standards" becomes "standards Open".
    assert machine.filter(data="standards Open").exists()
