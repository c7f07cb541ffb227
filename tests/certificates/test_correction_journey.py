"""Issue 18, the correction journey through the pages (Django's client; the browser journeys
need Chromium): the producer finds a certified field read-only, asks for a correction, the
provincial office approves it, and the verification pages show the new version and the old
one replaced."""

import pytest
from django.urls import reverse

from evaluations.models import Certificate, CorrectionRequest, Dossier, DossierState
from evaluations.transitions.core import refresh_product_lock

pytestmark = pytest.mark.django_db

NEW_NAME = "Mật ong hoa nhãn Hưng Yên"


@pytest.fixture
def certificate(today, scored, recognise):
    dossier = scored(stars=4)
    certificate = recognise(dossier, decision_number="1234/QĐ-UBND")
    Dossier.objects.filter(pk=dossier.pk).update(state=DossierState.APPROVED)
    refresh_product_lock(Dossier.objects.get(pk=dossier.pk))  # frees the product, as approval does
    return certificate


def test_correction_request_and_reissue_through_the_pages(
    client, certificate, producer, producer_org, provincial_office
):
    # 1. The producer opens the product: the certificate's fields are read-only, and why.
    client.force_login(producer)
    product_page = client.get(reverse("products:detail", args=[certificate.product_id])).text
    correction_url = reverse("evaluations:certificate-correction", args=[certificate.number])
    assert correction_url in product_page

    # 2. It asks for the correction, with a reason.
    form = client.get(correction_url).context["form"]
    data = {**{k: v for k, v in form.initial.items() if v is not None}}
    data.update(product_name=NEW_NAME, reason="Đổi tên theo nhãn hiệu đã đăng ký")
    response = client.post(correction_url, data)
    assert response.status_code == 302
    request = CorrectionRequest.objects.get()
    assert request.changes == {"product_name": NEW_NAME}

    # 3. The provincial office sees it waiting and approves it, confirming.
    client.force_login(provincial_office)
    listing = client.get(reverse("evaluations:correction-list")).text
    decide_url = reverse("evaluations:correction-decide", args=[request.pk])
    assert decide_url in listing
    client.post(decide_url, {"decision": "approve", "note": "", "confirm": "on"})

    # 4. The public sees the new version; the old number points to it.
    new = Certificate.objects.get(reissue_of=certificate)
    client.logout()
    old_page = client.get(certificate.get_absolute_url()).text
    new_page = client.get(new.get_absolute_url()).text
    assert new.number in old_page
    assert NEW_NAME in new_page
    assert certificate.number in new_page  # "re-issued in place of …"
