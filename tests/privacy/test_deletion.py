"""A person asks for deletion; the provincial office erases the account, or anonymises it where
dossiers and certificates must be kept, and the certificate stays valid and public."""

import pytest
from django.urls import reverse

from accounts.models import User
from evaluations.models import DossierState
from privacy.models import DeletionRequest, DeletionState
from producers.models import Producer
from tests import factories

# Every test runs on the suite's frozen clock (15/09/2026, 10:00 in Vietnam).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("today")]


@pytest.fixture
def certified_producer(home_commune, today):
    """A producer account whose product holds a current certificate."""
    certificate = factories.CertificateFactory(
        dossier__product__producer__commune=home_commune,
        dossier__product__producer__representative_name="Bùi Thị Lành",
        dossier__product__producer__address_line="Số 12 đường Chùa Chuông",
        dossier__product__producer__phone="0987654321",
        dossier__round__province_id=33,
    )
    producer = certificate.product.producer
    user = factories.UserFactory(email="lanh@example.vn", full_name="Bùi Thị Lành")
    factories.MembershipFactory(producer=producer, user=user, is_owner=True)
    return user, certificate


def _ask(client, user):
    client.force_login(user)
    return client.post(reverse("privacy:my-data"), {"reason": "Nghỉ sản xuất", "confirm": "on"})


def test_a_person_asks_for_deletion_from_my_personal_data(client, producer):
    response = _ask(client, producer)

    request = DeletionRequest.objects.get()
    assert response.status_code == 302
    assert (request.user, request.state, request.province_id) == (
        producer,
        DeletionState.PENDING,
        33,
    )


def test_asking_twice_files_one_request(client, producer):
    _ask(client, producer)
    _ask(client, producer)

    assert DeletionRequest.objects.count() == 1


def test_an_account_with_a_certificate_is_anonymised_and_the_certificate_still_verifies(
    client, certified_producer, provincial_office
):
    user, certificate = certified_producer
    _ask(client, user)
    client.force_login(provincial_office)

    client.post(
        reverse("privacy:deletion-request-execute", args=[DeletionRequest.objects.get().pk])
    )

    request = DeletionRequest.objects.get()
    user.refresh_from_db()
    producer = Producer.objects.get(pk=certificate.product.producer_id)
    assert request.state == DeletionState.ANONYMISED
    assert (user.is_active, user.has_usable_password()) == (False, False)
    assert "lanh@example.vn" not in user.email
    assert user.full_name != "Bùi Thị Lành"
    assert (producer.representative_name, producer.address_line, producer.phone) == ("", "", "")
    client.logout()
    verify = client.get(reverse("catalogue:verify", args=[certificate.number]))
    page = verify.content.decode()
    assert verify.status_code == 200
    assert certificate.product.name in page
    assert "Bùi Thị Lành" not in page
    assert "Chùa Chuông" not in page


def test_an_account_never_used_for_a_dossier_is_erased(
    client, producer, producer_org, provincial_office
):
    draft = factories.DossierFactory(product__producer=producer_org, state=DossierState.DRAFT)
    _ask(client, producer)
    client.force_login(provincial_office)

    client.post(
        reverse("privacy:deletion-request-execute", args=[DeletionRequest.objects.get().pk])
    )

    request = DeletionRequest.objects.get()
    assert request.state == DeletionState.ERASED
    assert request.user is None
    assert request.handled_by == provincial_office
    assert not User.objects.filter(pk=producer.pk).exists()
    assert not Producer.objects.filter(pk=producer_org.pk).exists()
    assert not type(draft).objects.filter(pk=draft.pk).exists()


def test_a_submitted_dossier_keeps_the_records(producer, producer_org, provincial_office):
    from privacy_duties import erasure

    factories.DossierFactory(product__producer=producer_org, state=DossierState.SUBMITTED)
    request = erasure.request_deletion(producer)

    done = erasure.execute_deletion(request, by=provincial_office)

    assert done.state == DeletionState.ANONYMISED
    assert Producer.objects.filter(pk=producer_org.pk).exists()


@pytest.mark.parametrize("persona", ["approver", "council_member", "commune_officer"])
def test_only_the_provincial_office_executes_requests(client, request, producer, persona):
    _ask(client, producer)
    client.force_login(request.getfixturevalue(persona))

    listing = client.get(reverse("privacy:deletion-requests"))
    execute = client.post(
        reverse("privacy:deletion-request-execute", args=[DeletionRequest.objects.get().pk])
    )

    assert listing.status_code == 404
    assert execute.status_code == 404
    assert DeletionRequest.objects.get().state == DeletionState.PENDING


def test_another_provinces_office_does_not_see_the_request(client, producer, areas):
    _ask(client, producer)
    elsewhere = factories.UserFactory(role="provincial_office", province_id=1, is_staff=True)
    client.force_login(elsewhere)

    listing = client.get(reverse("privacy:deletion-requests"))
    execute = client.post(
        reverse("privacy:deletion-request-execute", args=[DeletionRequest.objects.get().pk])
    )

    assert list(listing.context["requests"]) == []
    assert execute.status_code == 404


def test_a_record_still_naming_the_account_turns_erasure_into_anonymisation(
    producer, producer_org, provincial_office, far_commune
):
    from privacy_duties import erasure

    elsewhere = factories.ProducerFactory(commune=far_commune)
    factories.ProductIdeaFactory(producer=elsewhere, entered_by=producer)
    request = erasure.request_deletion(producer)

    done = erasure.execute_deletion(request, by=provincial_office)

    producer.refresh_from_db()
    assert done.state == DeletionState.ANONYMISED
    assert producer.is_active is False
    assert Producer.objects.get(pk=producer_org.pk).representative_name == ""
