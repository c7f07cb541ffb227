"""Re-encoding of product photos: upright, without EXIF or other metadata, with a thumbnail.

Photos taken on phones carry EXIF (often the GPS position of the farm or the home); a photo is
decoded and written again from its pixels, so nothing but the picture survives.
"""

import io
from dataclasses import dataclass

from django.core.files.base import ContentFile
from PIL import Image, ImageOps

from .validators import IMAGE_TYPES

THUMBNAIL_SIZE = (400, 400)
# The copy people see: large enough for a screen or a printed catalogue, never the camera's
# 6000 x 4000. An upload is decoded and downscaled once, here (after the response when large).
DISPLAY_SIZE = (2560, 2560)
_EXTENSIONS = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp"}
_SAVE_OPTIONS = {
    "JPEG": {"quality": 88, "optimize": True},
    "PNG": {"optimize": True},
    "WEBP": {"quality": 85, "method": 4},
}


@dataclass(frozen=True)
class ProcessedPhoto:
    image: ContentFile
    thumbnail: ContentFile
    content_type: str


def _pixels_only(image: Image.Image, image_format: str) -> Image.Image:
    """A new image holding only the pixels, in a mode the format can store."""
    has_alpha = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
    if image_format == "JPEG":
        mode = "L" if image.mode in ("L", "1") else "RGB"
    else:
        mode = "RGBA" if has_alpha else ("L" if image.mode in ("L", "1") else "RGB")
    clean = image.convert(mode)  # always a new image (a copy when the mode is the same)
    clean.info = {}  # EXIF, XMP, ICC profile, PNG text chunks, comments: all dropped
    return clean


def _on_white(image: Image.Image) -> Image.Image:
    if image.mode == "RGBA":
        background = Image.new("RGB", image.size, (255, 255, 255))
        background.paste(image, mask=image.getchannel("A"))
        return background
    return image.convert("RGB")


def _encode(image: Image.Image, image_format: str) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format=image_format, **_SAVE_OPTIONS[image_format])
    return buffer.getvalue()


def process_photo(file) -> ProcessedPhoto:
    """Re-encode a photo that ``validators.validate_photo`` accepted, at most DISPLAY_SIZE, and
    make its thumbnail. Decodes the whole image: for a large one, call it after the response
    (``services.finish_photo``), never while the uploader waits."""
    file.seek(0)
    with Image.open(file, formats=list(IMAGE_TYPES)) as original:
        image_format = original.format
        original.draft("RGB", DISPLAY_SIZE)  # JPEG: decode at a reduced scale when it can
        ImageOps.exif_transpose(original, in_place=True)  # turn phone photos upright
        clean = _pixels_only(original, image_format)
    clean.thumbnail(DISPLAY_SIZE)  # only ever smaller, keeping the proportions
    thumbnail = _on_white(clean)
    thumbnail.thumbnail(THUMBNAIL_SIZE)
    extension = _EXTENSIONS[image_format]
    return ProcessedPhoto(
        image=ContentFile(_encode(clean, image_format), name=f"photo{extension}"),
        thumbnail=ContentFile(_encode(thumbnail, "JPEG"), name="thumbnail.jpg"),
        content_type=IMAGE_TYPES[image_format],
    )
