"""Figures are responsive renditions: modern formats with a JPEG fallback, widths for the slot, lazy loading."""

import io

import pytest
from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from wagtail.images.models import Image

from knowledge.blocks import FigureBlock

pytestmark = pytest.mark.django_db


@pytest.fixture
def picture():
    buffer = io.BytesIO()
    PillowImage.new("RGB", (1600, 900), (30, 90, 160)).save(buffer, format="PNG")
    image = Image(title="Routers exchanging routes", file=ImageFile(buffer, name="routes.png"))
    image.save()
    yield image
    image.delete()


def test_figure_renders_webp_with_fallback_sizes_and_lazy_loading(picture):
    block = FigureBlock()
    value = block.to_python(
        {"image": {"image": picture.pk, "alt_text": "Two routers", "decorative": False}, "caption": "Routes"}
    )
    html = block.render(value)
    assert '<source type="image/webp"' in html or "image/webp" in html
    assert "400w" in html and "800w" in html and "1200w" in html
    assert 'sizes="(min-width: 50rem) 50rem, 100vw"' in html
    assert 'loading="lazy"' in html
    assert ".jpg" in html  # the fallback every browser can show
    assert 'alt="Two routers"' in html
