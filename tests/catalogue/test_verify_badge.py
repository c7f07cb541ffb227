"""The verification page's status badge says what the certificate's state is, not what the page's
labels say: "Còn hiệu lực" is also the label of the validity row, present on every certificate, so
only the badge element itself can tell a valid certificate from an expired or revoked one."""

import datetime
import re

import pytest
from django.urls import reverse

from certificates.services import revoke_certificate

pytestmark = pytest.mark.django_db

BADGE = re.compile(r'<span class="badge ([^"]+)" data-status="([a-z]+)">([^<]*)</span>')


def _badge(client, certificate) -> tuple[str, str, str]:
    """(css class, data-status, text) of the one status badge on the page."""
    page = client.get(reverse("catalogue:verify", args=[certificate.number])).text
    badges = BADGE.findall(page)
    assert len(badges) == 1, badges
    return badges[0]


def test_a_valid_certificate_wears_the_green_valid_badge(client, listed, today):
    certificate = listed(decision_date=datetime.date(2026, 9, 1))

    assert _badge(client, certificate) == ("text-bg-success", "valid", "Còn hiệu lực")


def test_an_expired_certificate_never_wears_the_valid_badge(client, listed, today):
    certificate = listed(decision_date=datetime.date(2023, 9, 14))  # last valid day 14/09/2026

    css, status, text = _badge(client, certificate)

    assert (css, status, text) == ("text-bg-secondary", "expired", "Hết hiệu lực")
    assert "Còn hiệu lực" not in text


def test_a_revoked_certificate_never_wears_the_valid_badge(client, listed, approver, today):
    certificate = listed(decision_date=datetime.date(2026, 9, 1))
    revoke_certificate(
        certificate, by=approver, ground="misuse", revoked_on=datetime.date(2026, 9, 15)
    )

    css, status, text = _badge(client, certificate)

    assert (css, status, text) == ("text-bg-danger", "revoked", "Đã thu hồi")


def test_the_same_certificate_changes_badge_when_the_clock_passes_its_end(
    client, listed, time_machine
):
    time_machine.move_to(datetime.datetime(2026, 9, 15, 10, 0), tick=False)
    certificate = listed(decision_date=datetime.date(2026, 9, 1))  # valid until 01/09/2029
    valid = _badge(client, certificate)
    time_machine.move_to(datetime.datetime(2029, 9, 2, 10, 0), tick=False)
    expired = _badge(client, certificate)

    assert valid[2] == "Còn hiệu lực"
    assert expired[:2] == ("text-bg-secondary", "expired")
    assert expired[2] != "Còn hiệu lực"
