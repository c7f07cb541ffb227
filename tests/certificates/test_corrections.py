"""Issue 18: while a certificate is current the producer cannot edit what it states; a
correction request the provincial office decides re-issues it as a new version."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from evaluations.certified_changes import (
    CertifiedFieldLocked,
    decide_correction,
    reissue_certificate,
    request_correction,
)
from evaluations.models import Certificate, CorrectionState, Dossier, DossierState
from evaluations.transitions.core import refresh_product_lock
from producers.services import update_producer_profile
from products.services import update_product

pytestmark = pytest.mark.django_db

NEW_NAME = "Mật ong hoa nhãn Hưng Yên"


@pytest.fixture
def certificate(today, scored, recognise):
    dossier = scored(stars=4)
    certificate = recognise(dossier, decision_number="1234/QĐ-UBND")
    Dossier.objects.filter(pk=dossier.pk).update(state=DossierState.APPROVED)  # as approval does
    refresh_product_lock(Dossier.objects.get(pk=dossier.pk))  # frees the product, as approval does
    return certificate


def test_the_product_service_refuses_a_certified_field(certificate, producer):
    with pytest.raises(CertifiedFieldLocked) as refused:
        update_product(certificate.product, by=producer, data={"name": NEW_NAME}, version=None)

    assert certificate.number in refused.value.message
    assert "đề nghị điều chỉnh" in refused.value.message  # what to do: ask for a correction
    certificate.product.refresh_from_db()
    assert certificate.product.name == "Mật ong hoa nhãn Khoái Châu"


def test_the_product_service_still_saves_uncertified_fields(certificate, producer):
    saved = update_product(
        certificate.product, by=producer, data={"description": "Mật ong rừng"}, version=None
    )

    assert saved.description == "Mật ong rừng"


def test_the_producer_service_refuses_a_certified_field(certificate, producer, producer_org):
    with pytest.raises(CertifiedFieldLocked):
        update_producer_profile(producer_org, by=producer, data={"name": "HTX Mới"}, version=None)
    producer_org.refresh_from_db()
    assert producer_org.name == "Hợp tác xã Mật ong Khoái Châu"


def test_the_edit_form_shows_certified_fields_disabled_and_says_why(client, certificate, producer):
    client.force_login(producer)
    url = reverse("products:edit", args=[certificate.product_id])

    form = client.get(url).context["form"]
    posted = {k: v for k, v in form.initial.items() if v is not None}
    response = client.post(url, {**posted, "name": NEW_NAME, "criteria_set": 4})

    assert form.fields["name"].disabled
    assert certificate.number in form.fields["name"].help_text
    assert not form.fields["description"].disabled
    certificate.product.refresh_from_db()
    assert certificate.product.name == "Mật ong hoa nhãn Khoái Châu"
    assert response.status_code in (200, 302)


def test_the_product_page_offers_a_correction_request(client, certificate, producer):
    client.force_login(producer)

    page = client.get(reverse("products:detail", args=[certificate.product_id])).text

    assert reverse("evaluations:certificate-correction", args=[certificate.number]) in page


def _ask(certificate, producer, **changes):
    return request_correction(
        certificate,
        by=producer,
        changes={"product_name": NEW_NAME, **changes},
        reason="Đổi tên theo giấy đăng ký nhãn hiệu mới",
    )


def test_an_approved_correction_reissues_a_new_version_and_keeps_the_old(
    certificate, producer, provincial_office
):
    asked = _ask(certificate, producer)

    decided = decide_correction(asked, by=provincial_office, approve=True)

    certificate.refresh_from_db()
    new = decided.reissued
    assert decided.state == CorrectionState.APPROVED
    assert new.number == f"{certificate.number}-L2"
    assert new.version == 2
    assert new.product_name == NEW_NAME
    assert (new.stars, new.decision_number, new.valid_until) == (
        certificate.stars,
        certificate.decision_number,
        certificate.valid_until,
    )
    assert certificate.replaced_by == new
    assert certificate.product_name == "Mật ong hoa nhãn Khoái Châu"  # the old one kept
    assert Certificate.objects.current().get(product=certificate.product) == new


def test_the_verification_page_of_the_old_version_points_to_the_new(
    client, certificate, producer, provincial_office
):
    decided = decide_correction(_ask(certificate, producer), by=provincial_office, approve=True)

    page = client.get(certificate.get_absolute_url()).text

    assert decided.reissued.number in page
    assert client.get(decided.reissued.get_absolute_url()).status_code == 200


def test_a_refusal_changes_nothing_and_needs_a_reason(certificate, producer, provincial_office):
    asked = _ask(certificate, producer)

    with pytest.raises(ValidationError):
        decide_correction(asked, by=provincial_office, approve=False, note="")
    refused = decide_correction(asked, by=provincial_office, approve=False, note="Thiếu giấy tờ")

    certificate.refresh_from_db()
    assert refused.state == CorrectionState.REFUSED
    assert certificate.replaced_by is None
    assert certificate.product.name == "Mật ong hoa nhãn Khoái Châu"


def test_a_reissue_without_a_reason_is_refused(certificate, provincial_office):
    with pytest.raises(ValidationError, match="lý do"):
        reissue_certificate(certificate, by=provincial_office, reason="  ")

    assert not Certificate.objects.filter(reissue_of=certificate).exists()


def test_a_request_that_changes_nothing_is_refused(certificate, producer):
    with pytest.raises(ValidationError):
        _ask(certificate, producer, product_name=certificate.product.name)


def test_the_producer_cannot_decide_its_own_request(certificate, producer):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        decide_correction(_ask(certificate, producer), by=producer, approve=True)


def test_the_office_decides_through_its_page_with_a_confirmation(
    client, certificate, producer, provincial_office
):
    asked = _ask(certificate, producer)
    client.force_login(provincial_office)
    url = reverse("evaluations:correction-decide", args=[asked.pk])

    unconfirmed = client.post(url, {"decision": "approve"})
    asked.refresh_from_db()
    assert unconfirmed.status_code == 200
    assert asked.state == CorrectionState.PENDING

    client.post(url, {"decision": "approve", "confirm": "on"})
    asked.refresh_from_db()
    assert asked.state == CorrectionState.APPROVED


def test_the_producer_is_told_the_decision(
    certificate, producer, provincial_office, django_capture_on_commit_callbacks
):
    from django.core import mail

    with django_capture_on_commit_callbacks(execute=True):
        decided = decide_correction(_ask(certificate, producer), by=provincial_office, approve=True)

    message = next(m for m in mail.outbox if producer.email in m.to)
    assert decided.reissued.number in message.body
