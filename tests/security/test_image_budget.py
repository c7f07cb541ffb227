"""Issue 19, items 1 and 2: an image's pixel count is read from its header and refused above the
budget before a single pixel is decoded — for product photos, evidence documents and the public's
label reports. The test images are tiny on disk and enormous once decoded."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from PIL import Image, ImageFile

from catalogue.models import LabelReport
from products.models import EvidenceDocument, ProductPhoto
from products.validators import validate_document, validate_photo
from tests import factories
from tests.uploads import upload

pytestmark = pytest.mark.django_db


def bomb_png(size=(8000, 8000), mode="1") -> bytes:
    """A PNG of `size` pixels in one colour: a few kilobytes, but 64 Mpx once decoded."""
    buffer = io.BytesIO()
    Image.new(mode, size, 0).save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


@pytest.fixture
def no_decoding(monkeypatch):
    """Fail the test if any image's pixels are decoded."""

    def refuse(self, *args, **kwargs):
        raise AssertionError(f"{self.size} decoded")

    monkeypatch.setattr(ImageFile.ImageFile, "load", refuse)


@pytest.fixture(scope="module")
def bomb():
    content = bomb_png()
    assert len(content) < 50_000  # small on disk: the size check alone would let it through
    return content


def _code(validator, file) -> str:
    with pytest.raises(ValidationError) as refused:
        validator(file)
    return refused.value.code


def test_pillow_limit_matches_the_portal_budget(settings):
    assert settings.MAX_IMAGE_PIXELS == 25_000_000
    assert Image.MAX_IMAGE_PIXELS == settings.MAX_IMAGE_PIXELS


def test_photo_over_the_pixel_budget_is_refused_from_its_header(bomb, no_decoding):
    assert _code(validate_photo, upload("bomb.png", bomb, "image/png")) == "too_many_pixels"


def test_document_image_over_the_pixel_budget_is_refused_from_its_header(no_decoding):
    scan = upload("scan.png", bomb_png((9400, 9400), mode="P"), "image/png")

    assert _code(validate_document, scan) == "too_many_pixels"


def test_refusal_says_the_size_and_the_budget(no_decoding):
    # 36 Mpx: over the budget, under Pillow's own hard stop (twice the budget).
    photo = upload("big.png", bomb_png((6000, 6000)), "image/png")

    with pytest.raises(ValidationError) as refused:
        validate_photo(photo)

    assert "6000 x 6000" in refused.value.messages[0]
    assert "25.0 megapixel" in refused.value.messages[0]


def test_label_report_with_a_huge_photo_is_refused_without_decoding(client, bomb, no_decoding):
    response = client.post(
        reverse("catalogue:report-label"),
        {
            "product_name": "",
            "where_seen": "market",
            "place": "Chợ Phố Hiến",
            "province": 1,
            "photo": upload("nhan.png", bomb, "image/png"),
        },
    )

    assert response.status_code == 400
    assert "tối đa 25.0 megapixel" in response.content.decode()
    assert LabelReport.objects.count() == 0


def test_producer_photo_and_document_over_the_budget_are_refused(
    client, producer, producer_org, bomb, no_decoding
):
    product = factories.ProductFactory(producer=producer_org)
    client.force_login(producer)

    photo = client.post(
        reverse("products:photos", kwargs={"pk": product.pk}),
        {"image": upload("bomb.png", bomb, "image/png"), "caption": ""},
    )
    document = client.post(
        reverse("products:documents", kwargs={"pk": product.pk}),
        {"kind": "other", "title": "", "file": upload("scan.png", bomb, "image/png")},
    )

    assert photo.status_code == 200
    assert document.status_code == 200
    assert "tối đa 25.0 megapixel" in photo.content.decode()
    assert (ProductPhoto.objects.count(), EvidenceDocument.objects.count()) == (0, 0)
