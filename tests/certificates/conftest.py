import datetime

import pytest

from certificates.services import issue_certificate
from tests import factories

DECISION_DATE = datetime.date(2026, 9, 10)


@pytest.fixture
def scored(producer_org):
    """Make a scored dossier (its council result has `stars`) for a product of producer_org."""

    def make(stars=4, product=None, **result):
        product = product or factories.ProductFactory(
            producer=producer_org, name="Mật ong hoa nhãn Khoái Châu"
        )
        return factories.CouncilResultFactory(
            dossier__product=product, stars=stars, band_stars=stars, **result
        ).dossier

    return make


@pytest.fixture
def recognise(approver):
    """Issue a certificate for a dossier as the approver would."""

    def issue(dossier, *, stars=4, decision_date=DECISION_DATE, decision_number="1234/QĐ-UBND"):
        return issue_certificate(
            dossier,
            by=approver,
            decision_number=decision_number,
            decision_date=decision_date,
            stars=stars,
        )

    return issue
