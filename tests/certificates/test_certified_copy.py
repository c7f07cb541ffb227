"""Issue 18: a certificate keeps its own copy of what it certified. Whatever later happens to
the product and producer rows, every public reading of the certificate says what was issued."""

import csv
import importlib
import io

import pytest
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.urls import reverse
from pypdf import PdfReader

from certificates.models import Certificate
from certificates.services import render_certificate_pdf
from regions.models import Commune

pytestmark = pytest.mark.django_db

ISSUED_NAME = "Mật ong hoa nhãn Khoái Châu"
RENAMED = "Mật ong hoa nhãn — Sản phẩm 5 sao chính hãng"


@pytest.fixture
def certificate(today, scored, recognise):
    return recognise(scored(stars=4), decision_number="1234/QĐ-UBND")


def _rewrite_live_rows(certificate, far_commune):
    """Every field the certificate states, changed on the live rows behind the portal's back."""
    product = certificate.product
    producer = product.producer
    product.name = RENAMED
    product.criteria_set = 1
    product.save()
    producer.name = "Công ty Mạo Danh"
    producer.kind = "enterprise"
    producer.commune = far_commune
    producer.address_line = "Số 1 phố Giả"
    producer.publish_contact = True
    producer.save()


def test_issue_keeps_a_copy_of_what_was_certified(certificate, producer_org, home_commune):
    assert certificate.product_name == ISSUED_NAME
    assert certificate.producer_name == producer_org.name
    assert certificate.producer_kind == producer_org.kind
    assert certificate.commune_code == home_commune.code
    assert certificate.commune_name == home_commune.name
    assert certificate.former_district_name == home_commune.former_district.name
    assert certificate.criteria_set == certificate.product.criteria_set
    assert certificate.criteria_set_name
    # Commune only: the producer did not publish its contact details.
    assert certificate.printed_address == f"{home_commune.name}, Tỉnh Hưng Yên"


def test_public_pages_show_the_copy_after_the_rows_change(client, certificate, far_commune):
    _rewrite_live_rows(certificate, far_commune)

    verify = client.get(certificate.get_absolute_url()).text
    detail = client.get(reverse("catalogue:product", args=[certificate.product_id])).text
    listing = client.get(reverse("catalogue:list")).text

    for page in (verify, detail, listing):
        assert ISSUED_NAME in page
        assert "5 sao chính hãng" not in page
        assert "Mạo Danh" not in page
    assert "Số 1 phố Giả" not in verify


def test_open_data_and_csv_show_the_copy(client, certificate, far_commune, home_commune):
    _rewrite_live_rows(certificate, far_commune)

    record = client.get(reverse("reports:open-data")).json()["results"][0]
    response = client.get(reverse("reports:catalogue-csv"))
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))

    assert record["product_name"] == ISSUED_NAME
    assert record["producer"]["kind"] == certificate.producer_kind
    assert record["commune"] == {"code": home_commune.code, "name": home_commune.name}
    assert any(ISSUED_NAME in row for row in rows)
    assert not any(RENAMED in row for row in rows)


def test_the_pdf_shows_the_copy(certificate, far_commune):
    _rewrite_live_rows(certificate, far_commune)

    pdf = render_certificate_pdf(certificate)
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)

    assert "Mật ong hoa nhãn Khoái Châu" in text
    assert "Mạo Danh" not in text
    assert "Giả" not in text


def test_migration_backfills_existing_certificates(certificate, producer_org):
    Certificate.objects.filter(pk=certificate.pk).update(product_name="", producer_name="")
    migration = importlib.import_module(
        "evaluations.migrations.0015_certified_copy_and_corrections"
    )

    # The models as the migration saw them: Certificate has since moved to the certificates app.
    at_migration = MigrationLoader(connection).project_state(
        ("evaluations", "0015_certified_copy_and_corrections")
    )
    migration.backfill_certified_copy(at_migration.apps, None)

    certificate.refresh_from_db()
    assert certificate.product_name == ISSUED_NAME
    assert certificate.producer_name == producer_org.name
    assert certificate.commune_code == Commune.objects.get(pk=producer_org.commune_id).code
