"""A certificate's status on the days where it changes (Art. 4.3 validity, Art. 7.6 window)."""

import datetime

import pytest

from certificates.models import Certificate, CertificateStatus
from certificates.models.certificate import add_months

ISSUED = datetime.date(2026, 9, 10)
UNTIL = datetime.date(2029, 9, 10)


def _certificate(**fields):
    return Certificate(decision_date=ISSUED, valid_until=add_months(ISSUED, 36), **fields)


@pytest.mark.parametrize(
    ("today", "status"),
    [
        (ISSUED, CertificateStatus.VALID),
        (UNTIL - datetime.timedelta(days=181), CertificateStatus.VALID),
        (UNTIL - datetime.timedelta(days=180), CertificateStatus.EXPIRING),
        (UNTIL, CertificateStatus.EXPIRING),
        (UNTIL + datetime.timedelta(days=1), CertificateStatus.EXPIRED),
    ],
)
def test_public_sees_status_change_on_the_legal_days(today, status):
    certificate = _certificate()

    assert certificate.status(today) == status


@pytest.mark.parametrize(
    ("today", "is_open"),
    [
        (UNTIL - datetime.timedelta(days=181), False),
        (UNTIL - datetime.timedelta(days=180), True),
        (UNTIL - datetime.timedelta(days=120), True),
        (UNTIL - datetime.timedelta(days=119), False),
    ],
)
def test_producer_may_file_re_evaluation_180_to_120_days_before_expiry(today, is_open):
    certificate = _certificate()

    assert certificate.re_evaluation_window_open(today) == is_open


def test_revocation_outranks_every_other_status():
    certificate = _certificate(revoked_on=datetime.date(2027, 1, 1), replaced_by_id=7)

    assert certificate.status(UNTIL + datetime.timedelta(days=10)) == CertificateStatus.REVOKED


@pytest.mark.django_db
def test_current_scope_drops_a_certificate_the_day_after_it_expires(scored, recognise):
    certificate = recognise(scored(), decision_date=ISSUED)

    on_last_day = list(Certificate.objects.current(UNTIL))
    day_after = list(Certificate.objects.current(UNTIL + datetime.timedelta(days=1)))

    assert (on_last_day, day_after) == ([certificate], [])
