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


# ---- Item 2: large photos are decoded once, after the response, never while the uploader waits


def camera_png(size=(3000, 2000)) -> bytes:
    """6 Mpx: within the budget, but too large to decode in a request."""
    buffer = io.BytesIO()
    Image.linear_gradient("L").resize(size).convert("RGB").save(buffer, format="PNG")
    assert len(buffer.getvalue()) < 5 * 1024 * 1024
    return buffer.getvalue()


@pytest.fixture(scope="module")
def large_photo():
    return camera_png()


def test_large_photo_is_stored_unready_and_never_decoded_in_the_request(
    client, producer, producer_org, large_photo, no_decoding, monkeypatch
):
    queued = []
    monkeypatch.setattr("products.services.after_response", queued.append)
    product = factories.ProductFactory(producer=producer_org)
    client.force_login(producer)

    response = client.post(
        reverse("products:photos", kwargs={"pk": product.pk}),
        {"image": upload("may-anh.png", large_photo, "image/png"), "caption": ""},
    )

    assert response.status_code == 302, response.context["form"].errors
    photo = ProductPhoto.objects.get()
    page = client.get(reverse("products:photos", kwargs={"pk": product.pk}))
    served = client.get(reverse("products:photo", kwargs={"pk": photo.pk}))
    assert response.status_code == 302
    assert photo.ready is False
    assert queued == []  # queued only once the transaction commits
    assert "Ảnh đang được xử lý" in page.content.decode()
    assert served.status_code == 404  # the upload as sent (metadata and all) is never served


def test_the_display_copy_and_thumbnail_are_made_once_after_the_response(
    client, producer, producer_org, large_photo, django_capture_on_commit_callbacks
):
    product = factories.ProductFactory(producer=producer_org)
    client.force_login(producer)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("products:photos", kwargs={"pk": product.pk}),
            {"image": upload("may-anh.png", large_photo, "image/png"), "caption": ""},
        )

    photo = ProductPhoto.objects.get()
    assert photo.ready is True
    assert Image.open(photo.image.path).size == (2560, 1707)
    assert Image.open(photo.thumbnail.path).size == (400, 267)
    assert client.get(reverse("products:photo", kwargs={"pk": photo.pk})).status_code == 200
    folder = photo.image.name.rsplit("/", 1)[0]
    assert len(photo.image.storage.listdir(folder)[1]) == 2  # the upload as sent was removed


def test_a_large_label_report_photo_is_prepared_after_the_response(
    client, large_photo, django_capture_on_commit_callbacks
):
    data = {"product_name": "Mật ong", "where_seen": "market", "place": "Chợ", "province": 1}

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("catalogue:report-label"),
            {**data, "photo": upload("nhan.png", large_photo, "image/png")},
        )

    report = LabelReport.objects.get()
    assert report.photo_ready is True
    assert Image.open(report.photo.path).size == (2560, 1707)  # the copy, not the upload
    folder = report.photo.name.rsplit("/", 1)[0]
    assert len(report.photo.storage.listdir(folder)[1]) == 1  # the upload as sent was removed


def test_a_photo_that_cannot_be_decoded_is_removed_and_the_next_becomes_the_cover(producer_org):
    from django.core.files.base import ContentFile

    from products.services import finish_photo

    product = factories.ProductFactory(producer=producer_org)
    broken = ProductPhoto(product=product, is_cover=True, ready=False, position=0)
    broken.image.save("original.png", ContentFile(b"\x89PNG\r\n\x1a\n cut off"), save=False)
    broken.save()
    other = ProductPhoto(product=product, position=1)
    other.image.save("photo.jpg", ContentFile(b"..."), save=False)
    other.save()

    assert finish_photo(broken.pk) is None

    other.refresh_from_db()
    assert list(ProductPhoto.objects.all()) == [other]
    assert other.is_cover is True
