"""Public verification of a certificate by number or QR code."""

import datetime

import pytest
from django.urls import reverse

from certificates.services import revoke_certificate
from tests import factories

pytestmark = pytest.mark.django_db


def _verify(client, certificate):
    return client.get(reverse("catalogue:verify", args=[certificate.number]))


def test_public_sees_a_valid_certificate_with_its_decision(client, listed, today):
    certificate = listed(decision_number="1234/QĐ-UBND")

    response = _verify(client, certificate)

    assert (response.status_code, response.context["status"]) == (200, "valid")
    assert "Còn hiệu lực" in response.text
    assert "Quyết định số 1234/QĐ-UBND ngày 15/09/2026" in response.text
    assert "Hợp tác xã Mật ong Khoái Châu" in response.text


def test_public_sees_a_certificate_whose_re_evaluation_is_due(client, listed, today):
    certificate = listed(decision_date=datetime.date(2024, 1, 10))  # expires 10/01/2027

    response = _verify(client, certificate)

    assert response.context["status"] == "expiring"


def test_public_sees_an_expired_certificate(client, listed, today):
    certificate = listed(decision_date=datetime.date(2023, 9, 14))  # last valid day 14/09/2026

    response = _verify(client, certificate)

    assert (response.status_code, response.context["status"]) == (200, "expired")
    assert "Hết hiệu lực" in response.text


def test_public_sees_a_revoked_certificate_with_ground_and_date(client, listed, approver, today):
    certificate = listed()
    revoke_certificate(
        certificate, by=approver, ground="misuse", revoked_on=datetime.date(2026, 9, 15)
    )

    response = _verify(client, certificate)

    assert response.context["status"] == "revoked"
    assert "Đã thu hồi" in response.text
    assert "15/09/2026" in response.text
    assert "Sử dụng sai nhãn hiệu OCOP gây nhầm lẫn" in response.text


def test_public_sees_a_replaced_certificate_and_the_newer_one(client, listed, today):
    old = listed()
    new = factories.CertificateFactory(dossier__product=old.product)
    old.replaced_by = new
    old.save()

    response = _verify(client, old)

    assert response.context["status"] == "replaced"
    assert new.get_absolute_url() in response.text


def test_lookup_by_number_redirects_to_the_certificate(client, listed):
    certificate = listed()

    response = client.get(
        reverse("catalogue:verify-lookup"), {"number": f"  {certificate.number.lower()} "}
    )

    assert (response.status_code, response["Location"]) == (302, certificate.get_absolute_url())


@pytest.mark.parametrize(
    "url",
    [
        reverse("catalogue:verify-lookup") + "?number=OCOP-33-2026-9999",
        reverse("catalogue:verify", args=["OCOP-33-2026-9999"]),
    ],
)
def test_unknown_number_gets_a_clear_not_found_page(client, url):
    response = client.get(url)

    assert response.status_code == 404
    assert "Không tìm thấy giấy chứng nhận" in response.text
    assert "OCOP-33-2026-9999" in response.text


def test_lookup_page_without_a_number_shows_the_form(client):
    response = client.get(reverse("catalogue:verify-lookup"))

    assert (response.status_code, response.context["form"].is_bound) == (200, False)


def test_public_verifies_an_imported_number_with_slashes(client, listed):
    certificate = listed(number="12/GCN-UBND")

    page = client.get(certificate.get_absolute_url())
    pdf = client.get(reverse("catalogue:certificate-pdf", args=[certificate.number]))

    assert (page.status_code, page.context["certificate"]) == (200, certificate)
    assert (pdf.status_code, pdf["Content-Disposition"]) == (
        200,
        'inline; filename="giay-chung-nhan-12-gcn-ubnd.pdf"',
    )


def test_verification_page_runs_one_query(client, listed, django_assert_num_queries, warm_caches):
    certificate = listed()

    with django_assert_num_queries(1):
        response = client.get(certificate.get_absolute_url())

    assert response.status_code == 200


def test_verification_page_is_kept_until_the_certificate_is_revoked(
    client, listed, approver, today, django_assert_num_queries, warm_caches
):
    """A scanned QR code must never show a revoked certificate as valid."""
    certificate = listed()
    client.get(certificate.get_absolute_url())

    with django_assert_num_queries(0):
        kept = client.get(certificate.get_absolute_url())
    revoke_certificate(
        certificate, by=approver, ground="misuse", revoked_on=datetime.date(2026, 9, 15)
    )
    after = client.get(certificate.get_absolute_url())

    assert 'data-status="valid"' in kept.text
    assert 'data-status="revoked"' in after.text
