"""Arranging recognitions for the reports tests: certificates set down directly, never issued
through the approval flow (that is the evaluations tests' business)."""

import datetime
import itertools
from decimal import Decimal

import pytest

from accounts.models import Role
from certificates.certified import freeze
from certificates.models import Certificate
from dossiers.models import DossierState, RoundState
from producers.models import ProducerKind
from regions.models import Commune
from tests import factories

_numbers = itertools.count(1)


@pytest.fixture
def issuer(areas):
    return factories.UserFactory(
        email="nguoiky@example.vn", role=Role.APPROVER, province_id=33, full_name="Người Ký"
    )


@pytest.fixture
def past_round(areas):
    return factories.RoundFactory(
        name="Đợt 2 năm 2025",
        year=2025,
        number=2,
        opens_on=datetime.date(2025, 6, 1),
        local_cutoff_on=datetime.date(2025, 7, 1),
        council_meeting_on=datetime.date(2025, 8, 1),
        closes_on=datetime.date(2025, 9, 1),
        state=RoundState.CLOSED,
    )


@pytest.fixture
def other_province_commune(areas):
    return Commune.objects.exclude(province_id=33).order_by("code").first()


@pytest.fixture
def certify(issuer, past_round, today):
    """certify(commune, stars=4, …) -> a certificate of a new product of a new producer there.

    Valid for three years from a 2025 decision: the clock stands at ``today`` (2026), or the
    certificates would expire under any test that runs after September 2028."""

    def make(
        commune,
        *,
        stars=4,
        average="75.00",
        decided=datetime.date(2025, 9, 1),
        valid_until=None,
        revoked=False,
        kind=ProducerKind.COOPERATIVE,
        criteria_set=4,
        product_name=None,
        producer=None,
    ):
        producer = producer or factories.ProducerFactory(commune=commune, kind=kind)
        product = factories.ProductFactory(
            producer=producer,
            criteria_set=criteria_set,
            **({"name": product_name} if product_name else {}),
        )
        dossier = factories.DossierFactory(
            round=past_round, product=product, state=DossierState.APPROVED
        )
        sequence = next(_numbers)
        product.product_code = f"33-{commune.code:05d}-{sequence:03d}-2025"
        product.save()
        certificate = Certificate(
            dossier=dossier,
            product=product,
            number=f"OCOP-33-2025-{sequence:04d}",
            product_code=product.product_code,
            stars=stars,
            average=Decimal(average),
            decision_number=f"{sequence}/QĐ-UBND",
            decision_date=decided,
            valid_until=valid_until or datetime.date(decided.year + 3, decided.month, decided.day),
            issued_by=issuer,
            revoked_on=datetime.date(2026, 1, 5) if revoked else None,
            revocation_ground="quality" if revoked else "",
        )
        freeze(certificate, certificate.product)
        certificate.save()
        return certificate

    return make


@pytest.fixture
def recognitions(
    today, certify, home_commune, neighbour_commune, far_commune, other_province_commune
):
    """A province's recognitions, with the ones that must not be counted as recognised today."""
    return {
        "home_4": certify(home_commune, stars=4, product_name="Mật ong hoa nhãn Khoái Châu"),
        "home_3": certify(
            home_commune, stars=3, average="61.00", kind=ProducerKind.ENTERPRISE, criteria_set=9,
            product_name="Tương bần",
        ),
        "neighbour_5": certify(
            neighbour_commune, stars=5, average="92.50", decided=datetime.date(2024, 12, 1),
            product_name="Gà Đông Tảo",
        ),
        "far_3": certify(
            far_commune, stars=3, average="55.00", criteria_set=21, product_name="Nón lá"
        ),
        "far_expired": certify(
            far_commune, stars=4, decided=datetime.date(2023, 1, 10),
            valid_until=datetime.date(2026, 1, 10), product_name="Nhãn lồng",
        ),
        "home_revoked": certify(home_commune, stars=4, revoked=True, product_name="Mật ong rừng"),
        "elsewhere": certify(other_province_commune, stars=4, product_name="Chè Thái"),
    }  # fmt: skip
