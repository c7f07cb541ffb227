import datetime

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from certificates.models import CertificateStatus
from tests import factories

CHANGELIST = reverse("admin:certificates_certificate_changelist")


@pytest.mark.django_db
def test_approver_revokes_a_certificate_with_a_ground_and_a_date(client, approver, today):
    certificate = factories.CertificateFactory()
    client.force_login(approver)
    selected = {"action": "revoke_certificates", ACTION_CHECKBOX_NAME: [certificate.pk]}

    confirmation = client.post(CHANGELIST, selected)
    client.post(
        CHANGELIST,
        {**selected, "apply": "1", "ground": "misuse", "revoked_on": "2026-09-15", "note": ""},
    )

    certificate.refresh_from_db()
    assert confirmation.status_code == 200
    assert certificate.number in confirmation.text
    assert (certificate.revoked_on, certificate.revocation_ground) == (
        datetime.date(2026, 9, 15),
        "misuse",
    )
    assert certificate.status() == CertificateStatus.REVOKED


@pytest.mark.django_db
def test_provincial_office_sees_certificates_but_cannot_revoke(client, provincial_office):
    certificate = factories.CertificateFactory()
    client.force_login(provincial_office)

    listing = client.get(CHANGELIST)
    client.post(
        CHANGELIST,
        {
            "action": "revoke_certificates",
            ACTION_CHECKBOX_NAME: [certificate.pk],
            "apply": "1",
            "ground": "misuse",
            "revoked_on": "2026-09-14",
        },
    )

    certificate.refresh_from_db()
    assert listing.status_code == 200
    assert certificate.revoked_on is None
