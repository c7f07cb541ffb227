"""Checks on uploaded photos and evidence documents, shared by the forms and the admin.

The type of a file is read from its content, never from its name or the browser's claim: a PDF
must start with ``%PDF-``, and an image must be recognised by Pillow as JPEG, PNG or WebP.

An image's width and height are read from its header (Pillow's ``Image.open`` is lazy) and
checked against the pixel budget (``settings.MAX_IMAGE_PIXELS``) before any pixel is decoded: a
small PNG can declare 8000 x 8000 pixels and take hundreds of megabytes to decode. Only images up
to ``INLINE_DECODE_PIXELS`` are decoded in the request (to find cut-off files); larger photos are
decoded once, after the response, when their display copy is made (``services.finish_photo``).
"""

import threading
import warnings
from contextlib import contextmanager

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, ImageFile, UnidentifiedImageError

MB = 1024 * 1024
PHOTO_MAX_BYTES = 5 * MB
PHOTO_MAX_SIDE = 8000  # pixels, each way
# Decoding costs about 4 bytes a pixel: 4 Mpx is 16 MB, acceptable inside a web request.
INLINE_DECODE_PIXELS = 4_000_000
DOCUMENT_MAX_BYTES = 10 * MB
IMAGE_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}
PDF_TYPE = "application/pdf"
PHOTO_ACCEPT = ",".join(IMAGE_TYPES.values())
DOCUMENT_ACCEPT = ",".join([PDF_TYPE, *IMAGE_TYPES.values()])


_strict_lock = threading.Lock()


@contextmanager
def _strict_decoding():
    """Decode with truncated images refused. WeasyPrint (certificate PDFs) turns Pillow's
    process-wide LOAD_TRUNCATED_IMAGES on when imported, which would let cut-off uploads through;
    the lock keeps two validations from restoring each other's value."""
    with _strict_lock:
        previous = ImageFile.LOAD_TRUNCATED_IMAGES
        ImageFile.LOAD_TRUNCATED_IMAGES = False
        try:
            yield
        finally:
            ImageFile.LOAD_TRUNCATED_IMAGES = previous


def _check_size(file, limit: int, message: str) -> None:
    if file.size > limit:
        raise ValidationError(
            message % {"limit": filesizeformat(limit), "size": filesizeformat(file.size)},
            code="too_large",
        )


def pixel_budget() -> int:
    return settings.MAX_IMAGE_PIXELS


def _too_many_pixels(width: int, height: int) -> ValidationError:
    return ValidationError(
        _(
            "The image is %(width)s x %(height)s pixels (%(megapixels)s megapixels); at most "
            "%(max)s megapixels are accepted. Make it smaller and upload it again."
        )
        % {
            "width": width,
            "height": height,
            "megapixels": round(width * height / 1_000_000, 1),
            "max": round(pixel_budget() / 1_000_000, 1),
        },
        code="too_many_pixels",
    )


def check_image_header(file, *, not_image: str, max_side: int | None = None):
    """Read the format and size from the header only (nothing decoded) and refuse an image
    over the pixel budget. Returns (Pillow format, width, height)."""
    file.seek(0)
    try:
        with warnings.catch_warnings():
            # Pillow warns above MAX_IMAGE_PIXELS; the check below refuses with the sizes.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(file, formats=list(IMAGE_TYPES)) as image:
                image_format, (width, height) = image.format, image.size
    except UnidentifiedImageError:
        raise ValidationError(not_image, code="not_image") from None
    except Image.DecompressionBombError:  # over twice the budget: Pillow stops at the header
        raise ValidationError(
            _(
                "The image has too many pixels: at most %(max)s megapixels are accepted. Make "
                "it smaller and upload it again."
            )
            % {"max": round(pixel_budget() / 1_000_000, 1)},
            code="too_many_pixels",
        ) from None
    except (OSError, SyntaxError, ValueError, IndexError, EOFError):
        raise _corrupt() from None
    finally:
        file.seek(0)
    if width * height > pixel_budget():
        raise _too_many_pixels(width, height)
    if max_side and max(width, height) > max_side:
        raise ValidationError(
            _(
                "The photo must be at most %(max)s x %(max)s pixels; this one is "
                "%(width)s x %(height)s. Make it smaller and upload it again."
            )
            % {"max": max_side, "width": width, "height": height},
            code="too_many_pixels",
        )
    return image_format, width, height


def _corrupt() -> ValidationError:
    return ValidationError(
        _(
            "The image is damaged or incomplete and cannot be opened. Save it again "
            "(or take a new photo) and upload it again."
        ),
        code="corrupt",
    )


def _sniff_image(file, *, max_side: int | None, not_image: str) -> str:
    """Check the header against the budget, then the file's structure; decode the pixels only
    when the image is small. Return its Pillow format or raise a ValidationError."""
    image_format, width, height = check_image_header(file, not_image=not_image, max_side=max_side)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(file, formats=list(IMAGE_TYPES)) as image:
                image.verify()  # chunk structure and checksums, without decoding the pixels
            if width * height <= INLINE_DECODE_PIXELS:
                file.seek(0)
                with _strict_decoding(), Image.open(file, formats=list(IMAGE_TYPES)) as image:
                    image.load()  # verify() misses truncated pixel data; decoding finds it
    except (OSError, SyntaxError, ValueError, IndexError, EOFError, Image.DecompressionBombError):
        raise _corrupt() from None
    finally:
        file.seek(0)
    return image_format


def image_pixels(file) -> int:
    """Width x height from the header of an image that passed validation."""
    file.seek(0)
    try:
        with Image.open(file, formats=list(IMAGE_TYPES)) as image:
            width, height = image.size
    finally:
        file.seek(0)
    return width * height


def validate_photo(file) -> str:
    """A product photo: at most 5 MB, 8000 px a side and the pixel budget, JPEG/PNG/WebP.
    Returns its MIME type. Also used for the public's label-report photos."""
    _check_size(
        file,
        PHOTO_MAX_BYTES,
        _(
            "The photo must be smaller than %(limit)s; this one is %(size)s. "
            "Reduce it and try again."
        ),
    )
    not_image = _(
        "Upload a photo in JPEG, PNG or WebP format. This file is not one, whatever its name says."
    )
    return IMAGE_TYPES[_sniff_image(file, max_side=PHOTO_MAX_SIDE, not_image=not_image)]


def _looks_like_pdf(file) -> bool:
    file.seek(0)
    head = file.read(5)
    file.seek(0)
    return head == b"%PDF-"


def _pdf_is_complete(file) -> bool:
    """A PDF ends with "%%EOF" (allowing trailing bytes some tools add); cut-off uploads do not."""
    file.seek(max(file.size - 4096, 0))
    tail = file.read()
    file.seek(0)
    return b"%%EOF" in tail


def validate_document(file) -> str:
    """An evidence document: at most 10 MB, a PDF or a JPEG/PNG/WebP scan within the pixel
    budget. Returns its MIME type."""
    _check_size(
        file,
        DOCUMENT_MAX_BYTES,
        _(
            "The document must be smaller than %(limit)s; this one is %(size)s. Scan it at a "
            "lower resolution or split it into several files."
        ),
    )
    if _looks_like_pdf(file):
        if not _pdf_is_complete(file):
            raise ValidationError(
                _("The PDF is incomplete (cut off?). Save it again and upload it again."),
                code="corrupt",
            )
        return PDF_TYPE
    not_document = _(
        "Upload a PDF or a photo of the document (JPEG, PNG or WebP). This file is none of "
        "these, whatever its name says."
    )
    return IMAGE_TYPES[_sniff_image(file, max_side=None, not_image=not_document)]
