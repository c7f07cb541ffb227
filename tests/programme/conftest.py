import datetime

import pytest

from ocop_portal.context_processors import _province_name
from tests import factories


@pytest.fixture
def warm_caches(settings):
    """The header's province name is cached per process; load it so query counts are exact."""
    _province_name(settings.OCOP_PROVINCE_CODE)


@pytest.fixture
def recognise():
    """Recognise a product (or a new one of ``producer``) on a dossier of ``kind``."""

    def make(producer=None, *, product=None, kind="first", stars=4, on=None, **certificate):
        if product is None:
            product = factories.ProductFactory(**({"producer": producer} if producer else {}))
        on = on or datetime.date(2026, 6, 30)
        return factories.CertificateFactory(
            dossier__product=product,
            dossier__kind=kind,
            dossier__round__year=on.year,
            stars=stars,
            decision_date=on,
            **certificate,
        )

    return make
