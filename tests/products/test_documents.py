import datetime
import uuid

import pytest
from django.conf import settings
from django.urls import reverse

from products.models import EvidenceDocument
from tests import factories
from tests.uploads import PDF, image_bytes, pdf_upload, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def product(producer, producer_org):
    return factories.ProductFactory(producer=producer_org)


@pytest.fixture
def post_document(client, producer, product):
    client.force_login(producer)

    def post(**overrides):
        data = {"kind": "business_registration", "title": "", "file": pdf_upload(), **overrides}
        data = {key: value for key, value in data.items() if value is not None}
        return client.post(reverse("products:documents", kwargs={"pk": product.pk}), data)

    return post


def _error_codes(response, field) -> list[str]:
    return [e.code for e in response.context["form"].errors.as_data()[field]]


def test_producer_uploads_a_pdf_stored_outside_the_web_root_under_a_generated_name(
    post_document, product, producer
):
    response = post_document(file=pdf_upload("Giấy phép ĐKKD (bản sao).pdf"))

    document = EvidenceDocument.objects.get()
    assert response["Location"] == reverse("products:documents", kwargs={"pk": product.pk})
    assert (document.product, document.title, document.uploaded_by) == (
        product,
        "Giấy đăng ký kinh doanh",  # the kind, in the language of the page
        producer,
    )
    assert (document.content_type, document.size) == ("application/pdf", len(PDF))
    assert document.file.name.endswith(".pdf")
    assert "phép" not in document.file.name
    assert document.file.path.startswith(str(settings.MEDIA_ROOT))
    assert not document.file.path.startswith(str(settings.STATIC_ROOT))


def test_image_named_pdf_is_stored_as_the_image_it_is(post_document):
    post_document(file=upload("scan.pdf", image_bytes("PNG"), "application/pdf"))

    document = EvidenceDocument.objects.get()
    assert (document.content_type, document.file.name[-4:]) == ("image/png", ".png")


def test_program_renamed_to_pdf_is_refused_and_the_form_keeps_the_rest(post_document):
    response = post_document(
        file=upload("giay-phep.pdf", b"MZ\x90\x00" + b"\0" * 64), title="Đăng ký kinh doanh"
    )

    assert _error_codes(response, "file") == ["not_image"]
    assert response.context["form"]["title"].value() == "Đăng ký kinh doanh"
    assert EvidenceDocument.objects.count() == 0


def test_test_report_needs_its_date(post_document):
    response = post_document(kind="test_report")

    assert list(response.context["form"].errors) == ["issued_on"]


@pytest.mark.usefixtures("today")  # its dates are written against the pinned day
def test_certification_needs_its_expiry_date_after_its_issue_date(post_document):
    response = post_document(kind="certification", issued_on="2026-03-01", expires_on="2026-01-01")

    assert list(response.context["form"].errors) == ["__all__"]
    assert EvidenceDocument.objects.count() == 0


def test_certification_with_its_expiry_is_saved_and_shows_it(post_document, client, product, today):
    post_document(kind="certification", title="VietGAP", expires_on="2026-10-01")

    response = client.get(reverse("products:documents", kwargs={"pk": product.pk}))

    (document,) = response.context["documents"]
    assert (document.expires_on, document.is_expiring) == (datetime.date(2026, 10, 1), True)
    assert "01/10/2026" in response.content.decode()


def test_double_submitted_document_is_stored_once(post_document):
    token = str(uuid.uuid4())

    post_document(client_token=token)
    post_document(client_token=token)

    assert EvidenceDocument.objects.count() == 1


def test_document_downloads_as_an_attachment_with_nosniff(client, producer, product):
    document = factories.DocumentFactory(product=product, title="Đăng ký kinh doanh")
    client.force_login(producer)

    response = client.get(reverse("products:document-download", kwargs={"pk": document.pk}))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("attachment;")
    assert b"".join(response.streaming_content) == b"%PDF-1.4\n%%EOF\n"


def test_document_opens_inline_when_asked(client, producer, product):
    document = factories.DocumentFactory(product=product)
    client.force_login(producer)

    response = client.get(
        reverse("products:document-download", kwargs={"pk": document.pk}), {"inline": "1"}
    )

    assert response["Content-Disposition"].startswith("inline;")


def test_producer_deletes_a_document(client, producer, product):
    document = factories.DocumentFactory(product=product)
    client.force_login(producer)

    client.post(reverse("products:document-delete", kwargs={"pk": document.pk}))

    assert EvidenceDocument.objects.count() == 0


def test_document_of_a_product_under_review_cannot_be_deleted(client, producer, product):
    document = factories.DocumentFactory(product=product)
    factories.DossierFactory(product=product, state="forwarded")
    client.force_login(producer)

    client.post(reverse("products:document-delete", kwargs={"pk": document.pk}))

    assert EvidenceDocument.objects.count() == 1


def test_document_may_be_framed_by_the_portal_only(client, producer, product):
    document = factories.DocumentFactory(product=product)
    client.force_login(producer)

    response = client.get(
        reverse("products:document-download", kwargs={"pk": document.pk}), {"inline": "1"}
    )

    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert "frame-ancestors 'self'" in response["Content-Security-Policy"]
