"""The certificate and notice PDFs: Vietnamese text, a QR code that opens the verification page,
and who may download them."""

import io

import pytest
import segno
import zxingcpp
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from pypdf import PdfReader

from certificates.services import (
    issue_notice,
    render_certificate_pdf,
    render_notice_pdf,
    revoke_certificate,
    verify_url,
)
from criteria.scoring import load_criteria_set

from .conftest import DECISION_DATE

pytestmark = pytest.mark.django_db


def _text(pdf: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def _qr_codes(pdf: bytes) -> list[str]:
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    return [code.text for image in page.images for code in zxingcpp.read_barcodes(image.image)]


@pytest.fixture
def certificate(scored, recognise):
    return recognise(scored(stars=4), decision_number="1234/QĐ-UBND")


@pytest.fixture
def notice(scored, approver):
    return issue_notice(
        scored(stars=2), by=approver, decision_number="55/TB-OCOP", decision_date=DECISION_DATE
    )


def test_certificate_pdf_says_what_was_recognised_in_vietnamese(certificate):
    text = " ".join(_text(render_certificate_pdf(certificate)).split())

    for expected in [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN",
        "GIẤY CHỨNG NHẬN SẢN PHẨM OCOP",
        "Mật ong hoa nhãn Khoái Châu",
        "Hợp tác xã Mật ong Khoái Châu",
        "Đạt hạng 4 sao",
        "Số: OCOP-33-2026-0001",
        "Quyết định số 1234/QĐ-UBND ngày 10/09/2026",
        f"Mã số sản phẩm OCOP: {certificate.product_code}",
        "đến hết ngày 10/09/2029",
    ]:
        assert expected in text, expected


def test_certificate_qr_code_opens_the_verification_page(certificate):
    codes = _qr_codes(render_certificate_pdf(certificate))

    assert codes == [f"{settings.SITE_URL}/catalogue/verify/OCOP-33-2026-0001/"]


def test_5_star_certificate_names_the_ministry(scored, recognise):
    certificate = recognise(scored(stars=5), stars=5, decision_number="2361/QĐ-BNNMT")

    text = " ".join(_text(render_certificate_pdf(certificate)).split())

    assert "BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG" in text
    assert "Đạt hạng 5 sao" in text


def test_notice_pdf_tells_the_producer_the_product_is_not_recognised(notice):
    text = " ".join(_text(render_notice_pdf(notice)).split())

    for expected in [
        "THÔNG BÁO",
        "Số: 55/TB-OCOP",
        "Mật ong hoa nhãn Khoái Châu",
        "2 sao",
        "không được công nhận",
    ]:
        assert expected in text, expected


def test_notice_pdf_of_a_knocked_out_product_says_there_is_no_rating(scored, approver):
    notice = issue_notice(
        scored(stars=0), by=approver, decision_number="57/TB-OCOP", decision_date=DECISION_DATE
    )

    text = " ".join(_text(render_notice_pdf(notice)).split())

    assert "Không xếp hạng" in text


def test_public_downloads_a_certificate_pdf(client, certificate):
    response = client.get(reverse("catalogue:certificate-pdf", args=[certificate.number]))

    assert (response.status_code, response["Content-Type"]) == (200, "application/pdf")
    assert "Mật ong hoa nhãn Khoái Châu" in _text(response.content)


@pytest.mark.parametrize(
    ("persona", "status_code"),
    [(None, 404), ("stranger", 404), ("producer", 200), ("approver", 200)],
)
def test_revoked_certificate_pdf_is_only_for_its_producer_and_officials(
    client, request, certificate, approver, persona, status_code
):
    revoke_certificate(certificate, by=approver, ground="quality", revoked_on=DECISION_DATE)
    if persona:
        client.force_login(request.getfixturevalue(persona))

    response = client.get(reverse("catalogue:certificate-pdf", args=[certificate.number]))

    assert response.status_code == status_code


def test_producer_downloads_their_notice(client, notice, producer):
    client.force_login(producer)

    response = client.get(reverse("catalogue:notice-pdf", args=[notice.pk]))

    assert (response.status_code, response["Content-Type"]) == (200, "application/pdf")


def test_stranger_cannot_download_someone_elses_notice(client, notice, stranger):
    client.force_login(stranger)

    response = client.get(reverse("catalogue:notice-pdf", args=[notice.pk]))

    assert response.status_code == 404


def test_anonymous_is_sent_to_sign_in_for_a_notice(client, notice):
    url = reverse("catalogue:notice-pdf", args=[notice.pk])

    response = client.get(url)

    assert (response.status_code, response["Location"]) == (
        302,
        f"{reverse('accounts:login')}?next={url}",
    )


def test_notice_pdf_names_the_producer_its_place_the_criteria_set_and_the_round(notice):
    # The notice is addressed to the producer and says which round and which criteria set it
    # answers: a producer registering again needs all of it.
    dossier = notice.dossier
    producer = notice.product.producer
    text = " ".join(_text(render_notice_pdf(notice)).split())

    for expected in [
        f"Kính gửi: {producer.name}",
        producer.commune.name,
        producer.commune.province.in_sentence,
        load_criteria_set(notice.product.criteria_decision, notice.product.criteria_set).name,
        dossier.round.name,
    ]:
        assert expected in text, expected


def test_documents_are_in_vietnamese_whatever_language_the_office_browses_in(certificate):
    with translation.override("en"):
        text = " ".join(_text(render_certificate_pdf(certificate)).split())

    assert "GIẤY CHỨNG NHẬN SẢN PHẨM OCOP" in text


def test_certificate_qr_code_is_printed_to_be_scanned_from_paper(certificate):
    # 8 px a module, the 4-module quiet zone ISO/IEC 18004 asks for, and error correction M
    # (15 % of the code may be worn or stamped over): a printed certificate stays verifiable.
    image = PdfReader(io.BytesIO(render_certificate_pdf(certificate))).pages[0].images[0].image
    expected = segno.make(verify_url(certificate), error="m")

    [code] = zxingcpp.read_barcodes(image)

    assert image.size == expected.symbol_size(scale=8, border=4)
    assert code.ec_level == "M"
