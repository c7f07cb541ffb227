"""Issue 18: documents are issued once and signed. The certificate PDF is rendered once, stored
with its SHA-256, and every download is the same bytes; with the province's certificate
configured it carries a PAdES signature that pyHanko validates and that one changed byte
breaks; the verification page shows the fingerprint; the deploy check warns without one."""

import hashlib
import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from certificates import signing
from certificates.documents import certificate_document, read
from certificates.management.commands.create_demo_signing_certificate import make_pkcs12
from certificates.models import IssuedDocument

pytestmark = pytest.mark.django_db

PASSPHRASE = "mat-khau-ky-so"


@pytest.fixture
def certificate(today, scored, recognise):
    return recognise(scored(stars=4), decision_number="1234/QĐ-UBND")


@pytest.fixture
def signing_certificate(settings, tmp_path):
    path = tmp_path / "tinh.p12"
    path.write_bytes(make_pkcs12(PASSPHRASE, common_name="UBND tinh Hung Yen (test)"))
    settings.SIGNING_PKCS12_PATH = str(path)
    settings.SIGNING_PKCS12_PASSPHRASE = PASSPHRASE
    signing._signer.cache_clear()
    yield signing.configured_signer()
    signing._signer.cache_clear()


def _download(client, certificate) -> bytes:
    response = client.get(reverse("catalogue:certificate-pdf", args=[certificate.number]))
    assert response.status_code == 200
    return response.content


def test_every_download_is_the_same_bytes_as_issued(client, certificate):
    first = _download(client, certificate)
    second = _download(client, certificate)

    issued = IssuedDocument.objects.get(key=f"certificate:{certificate.pk}")
    assert first == second
    assert hashlib.sha256(first).hexdigest() == issued.sha256
    assert not issued.signed


def test_the_issued_pdf_does_not_follow_later_changes(client, certificate, approver):
    first = _download(client, certificate)
    certificate.product.description = "Mô tả mới"
    certificate.product.save()

    assert _download(client, certificate) == first


def test_the_verification_page_shows_the_fingerprint(client, certificate):
    issued = certificate_document(certificate)  # as the job does after the approval commits

    page = client.get(certificate.get_absolute_url()).text

    assert issued.sha256[:8] in page
    assert issued.fingerprint_groups in page


def _validate(content: bytes, signer):
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    reader = PdfFileReader(io.BytesIO(content))
    (embedded,) = reader.embedded_signatures
    context = ValidationContext(trust_roots=[signer.signing_cert])
    return validate_pdf_signature(embedded, context)


def test_a_configured_certificate_signs_the_pdf_and_pyhanko_validates_it(
    client, certificate, signing_certificate
):
    content = _download(client, certificate)

    status = _validate(content, signing_certificate)
    issued = IssuedDocument.objects.get(key=f"certificate:{certificate.pk}")
    assert status.intact
    assert status.valid
    assert status.bottom_line
    assert issued.signed
    assert "UBND tinh Hung Yen" in issued.signer


def test_one_changed_byte_breaks_the_signature(certificate, signing_certificate):
    from pyhanko.pdf_utils.reader import PdfFileReader

    content = bytearray(read(certificate_document(certificate)))
    embedded = PdfFileReader(io.BytesIO(bytes(content))).embedded_signatures[0]
    byte_range = embedded.sig_object["/ByteRange"]
    start = byte_range[1] // 2  # inside the signed bytes, before the signature
    content[start] = (content[start] + 1) % 256

    try:
        status = _validate(bytes(content), signing_certificate)
    except Exception:  # pyHanko may refuse to parse the tampered file at all
        return
    assert not status.intact or not status.valid


def test_the_deploy_check_warns_without_a_signing_certificate(settings):
    settings.SIGNING_PKCS12_PATH = ""

    warnings = signing.check_signing_certificate()

    assert [w.id for w in warnings] == ["evaluations.W010"]


def test_the_deploy_check_is_quiet_with_a_usable_certificate(signing_certificate):
    assert signing.check_signing_certificate() == []


def test_the_deploy_check_warns_about_a_wrong_passphrase(settings, signing_certificate):
    settings.SIGNING_PKCS12_PASSPHRASE = "sai"
    signing._signer.cache_clear()

    assert [w.id for w in signing.check_signing_certificate()] == ["evaluations.W011"]


def test_the_demo_certificate_command_writes_a_usable_pkcs12(settings, tmp_path):
    path = tmp_path / "demo.p12"

    call_command("create_demo_signing_certificate", path=str(path), passphrase="demo")

    settings.SIGNING_PKCS12_PATH, settings.SIGNING_PKCS12_PASSPHRASE = str(path), "demo"
    signing._signer.cache_clear()
    assert signing.configured_signer() is not None
    signing._signer.cache_clear()
