"""Issue 18: the certificate register (sổ cấp giấy chứng nhận), as a page and an Excel file:
every certificate with its number, product, producer, stars, decision, validity, status, and
what replaced or revoked it, as certified."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from certificates.certified_changes import reissue_certificate
from certificates.services import revoke_certificate
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def issued(today, provincial_office, approver):
    kept = factories.CertificateFactory(
        number="OCOP-33-2026-0001", dossier__product__name="Mật ong"
    )
    replaced = factories.CertificateFactory(
        number="OCOP-33-2026-0002", dossier__product__name="Chè búp"
    )
    revoked = factories.CertificateFactory(
        number="OCOP-33-2026-0003", dossier__product__name="Bánh gai"
    )
    new = reissue_certificate(replaced, by=provincial_office, reason="Đổi tên chủ thể")
    revoke_certificate(
        revoked, by=approver, ground="quality", revoked_on=today, note="Kết luận kiểm tra"
    )
    return kept, replaced, revoked, new


def test_the_register_page_lists_every_certificate_with_its_fate(client, provincial_office, issued):
    kept, replaced, revoked, new = issued
    client.force_login(provincial_office)

    page = client.get(reverse("reports:register")).text

    for certificate in (kept, replaced, revoked, new):
        assert certificate.number in page
    assert f'→ <a href="{new.get_absolute_url()}">{new.number}</a>' in page


def test_the_register_excel_has_a_row_per_certificate(client, provincial_office, issued):
    kept, replaced, revoked, new = issued
    client.force_login(provincial_office)

    response = client.get(reverse("reports:register-xlsx"))
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = {row[0]: row for row in sheet.iter_rows(min_row=4, values_only=True)}

    assert set(rows) == {kept.number, replaced.number, revoked.number, new.number}
    assert rows[replaced.number][-1] == f"Thay thế bởi {new.number}"
    assert rows[revoked.number][-1].startswith("Thu hồi từ")
    assert rows[new.number][1] == 2
    assert rows[kept.number][3] == "Mật ong"


def test_producers_do_not_see_the_register(client, producer):
    client.force_login(producer)

    assert client.get(reverse("reports:register")).status_code == 404
