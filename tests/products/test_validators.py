import pytest
from django.core.exceptions import ValidationError

from products.validators import validate_document, validate_photo
from tests.uploads import PDF, image_bytes, upload


def _refusal(validator, file) -> str:
    with pytest.raises(ValidationError) as raised:
        validator(file)
    return raised.value.code


@pytest.mark.parametrize(
    ("image_format", "content_type"),
    [("JPEG", "image/jpeg"), ("PNG", "image/png"), ("WEBP", "image/webp")],
)
def test_photo_in_jpeg_png_or_webp_is_accepted_whatever_its_name(image_format, content_type):
    file = upload("photo.txt", image_bytes(image_format))

    assert validate_photo(file) == content_type


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("mat-ong.jpg", PDF),  # a PDF pretending to be a photo
        ("mat-ong.png", b"MZ\x90\x00" + b"\x00" * 200),  # a Windows program
        ("mat-ong.jpg", image_bytes("GIF")),  # a real image, of a format we do not take
        ("mat-ong.webp", b""),
    ],
)
def test_photo_that_lies_about_its_type_is_refused(name, content):
    assert _refusal(validate_photo, upload(name, content, "image/jpeg")) == "not_image"


def test_photo_over_5_mb_is_refused():
    file = upload("lon.jpg", image_bytes() + b"\x00" * (5 * 1024 * 1024))

    assert _refusal(validate_photo, file) == "too_large"


def test_photo_over_8000_pixels_wide_is_refused():
    file = upload("rong.png", image_bytes("PNG", size=(8001, 10), mode="L"))

    assert _refusal(validate_photo, file) == "too_many_pixels"


def test_truncated_photo_is_refused_as_corrupt():
    whole = image_bytes("JPEG", size=(400, 300))

    assert _refusal(validate_photo, upload("hong.jpg", whole[: len(whole) // 2])) == "corrupt"


def test_photo_with_a_damaged_body_is_refused_as_corrupt():
    whole = bytearray(image_bytes("PNG", size=(200, 200)))
    whole[60:120] = b"\xff" * 60  # garbage in the compressed pixel data

    assert _refusal(validate_photo, upload("hong.png", bytes(whole))) == "corrupt"


def test_pdf_document_is_recognised_by_its_content():
    assert validate_document(upload("scan.jpg", PDF)) == "application/pdf"


def test_scanned_document_image_is_accepted():
    assert validate_document(upload("giay.pdf", image_bytes("PNG"))) == "image/png"


@pytest.mark.parametrize(
    "content",
    [b"MZ\x90\x00" + b"\x00" * 200, b"PK\x03\x04 a zip or a .docx", b"<html><script>"],
)
def test_document_that_is_neither_pdf_nor_image_is_refused(content):
    assert _refusal(validate_document, upload("giay-phep.pdf", content)) == "not_image"


def test_document_over_10_mb_is_refused():
    file = upload("to.pdf", PDF + b"\x00" * (10 * 1024 * 1024))

    assert _refusal(validate_document, file) == "too_large"


def test_cut_off_pdf_is_refused():
    file = upload("cut.pdf", b"%PDF-1.7\n" + b"0" * 8000)

    assert _refusal(validate_document, file) == "corrupt"


def test_truncated_photo_is_refused_even_after_weasyprint_relaxed_pillow(monkeypatch):
    from PIL import ImageFile

    monkeypatch.setattr(ImageFile, "LOAD_TRUNCATED_IMAGES", True)  # what importing WeasyPrint does
    whole = image_bytes("JPEG", size=(400, 300))

    code = _refusal(validate_photo, upload("hong.jpg", whole[: len(whole) // 2]))

    assert (code, ImageFile.LOAD_TRUNCATED_IMAGES) == ("corrupt", True)
