"""Revocation on a ground of Decision 26/2026 Art. 8."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from certificates.models import Certificate, CertificateStatus, RevocationGround
from certificates.services import revoke_certificate

pytestmark = pytest.mark.django_db

REVOKED_ON = datetime.date(2027, 3, 1)


def test_approver_revokes_a_certificate_with_ground_and_date(
    scored, recognise, approver, django_capture_on_commit_callbacks, mailoutbox, producer
):
    certificate = recognise(scored())

    with django_capture_on_commit_callbacks(execute=True):
        revoke_certificate(
            certificate,
            by=approver,
            ground=RevocationGround.STOPPED,
            revoked_on=REVOKED_ON,
            note="Xã xác nhận ngừng sản xuất.",
        )

    certificate.refresh_from_db()
    assert (
        certificate.revoked_on,
        certificate.revocation_ground,
        certificate.revocation_note,
        certificate.revoked_by,
    ) == (REVOKED_ON, "stopped", "Xã xác nhận ngừng sản xuất.", approver)
    assert certificate.status(REVOKED_ON) == CertificateStatus.REVOKED
    assert list(Certificate.objects.current(REVOKED_ON)) == []
    assert [m.to for m in mailoutbox] == [[producer.email]]
    assert "thu hồi" in mailoutbox[0].subject


def test_approver_cannot_revoke_twice(scored, recognise, approver):
    certificate = recognise(scored())
    revoke_certificate(certificate, by=approver, ground="quality", revoked_on=REVOKED_ON)

    with pytest.raises(ValidationError) as error:
        revoke_certificate(certificate, by=approver, ground="misuse", revoked_on=REVOKED_ON)

    certificate.refresh_from_db()
    assert certificate.revocation_ground == "quality"
    assert error.value.messages == ["Giấy chứng nhận này đã bị thu hồi ngày 01/03/2027."]


def test_other_ground_needs_a_note(scored, recognise, approver):
    certificate = recognise(scored())

    with pytest.raises(ValidationError):
        revoke_certificate(certificate, by=approver, ground="other", revoked_on=REVOKED_ON)

    certificate.refresh_from_db()
    assert certificate.revoked_on is None


def test_unknown_ground_is_refused(scored, recognise, approver):
    certificate = recognise(scored())

    with pytest.raises(ValidationError):
        revoke_certificate(certificate, by=approver, ground="requested", revoked_on=REVOKED_ON)

    certificate.refresh_from_db()
    assert certificate.revoked_on is None


@pytest.mark.parametrize("persona", ["producer", "stranger", "provincial_office"])
def test_only_an_approver_can_revoke(request, scored, recognise, persona):
    certificate = recognise(scored())

    with pytest.raises(PermissionDenied):
        revoke_certificate(
            certificate,
            by=request.getfixturevalue(persona),
            ground="quality",
            revoked_on=REVOKED_ON,
        )

    certificate.refresh_from_db()
    assert certificate.revoked_on is None
