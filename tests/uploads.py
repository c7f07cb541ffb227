"""Files for upload tests, made in memory: real images, real PDFs, and files that lie."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
GPS_IFD = 0x8825


def image_bytes(image_format="JPEG", size=(120, 90), *, exif: bool = False, mode="RGB") -> bytes:
    image = Image.new(mode, size, (180, 120, 30) if mode == "RGB" else None)
    options = {}
    if exif:
        tags = Image.Exif()
        tags[0x010F] = "PhoneMaker"  # camera make
        tags[0x0112] = 6  # orientation: rotate 90° to show upright
        tags.get_ifd(GPS_IFD)[2] = (21.0, 1.0, 2.0)  # latitude
        options["exif"] = tags.tobytes()
    buffer = io.BytesIO()
    image.save(buffer, format=image_format, **options)
    return buffer.getvalue()


def upload(name: str, content: bytes, content_type: str = "application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def photo_upload(name="mat-ong.jpg", **kwargs):
    return upload(name, image_bytes(**kwargs), "image/jpeg")


def pdf_upload(name="giay-phep.pdf", content: bytes = PDF):
    return upload(name, content, "application/pdf")
