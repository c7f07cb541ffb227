import io

import pytest
from django.core.files.base import ContentFile
from PIL import Image

from catalogue.forms import _listed_areas
from ocop_portal.context_processors import _province_name
from products.models import ProductPhoto
from tests import factories


@pytest.fixture
def listed(producer_org):
    """Make a product of producer_org with a current 4★ certificate (or as told)."""

    def make(name="Mật ong hoa nhãn", producer=None, criteria_set=4, **certificate):
        product = factories.ProductFactory(
            name=name, producer=producer or producer_org, criteria_set=criteria_set
        )
        return factories.CertificateFactory(dossier__product=product, **certificate)

    return make


@pytest.fixture
def warm_caches(settings):
    """The header's province name and the filter's areas are cached; load them so query counts
    are exact."""
    _province_name(settings.OCOP_PROVINCE_CODE)
    _listed_areas()


@pytest.fixture
def add_photo():
    """Attach a small JPEG photo to a product."""

    def attach(product, **fields):
        buffer = io.BytesIO()
        Image.new("RGB", (8, 6), "green").save(buffer, format="JPEG")
        photo = ProductPhoto(product=product, **fields)
        photo.image.save("anh.jpg", ContentFile(buffer.getvalue()), save=False)
        photo.thumbnail.save("anh-nho.jpg", ContentFile(buffer.getvalue()), save=False)
        photo.save()
        return photo

    return attach
