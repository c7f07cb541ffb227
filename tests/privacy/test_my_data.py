"""A person downloads their data (JSON) and the office reads the register."""

import json

import pytest
from django.apps import apps
from django.urls import reverse

from privacy.models import ConsentRecord
from privacy.register import REGISTER, SENSITIVE, SENSITIVE_PRODUCER_FIELDS
from tests import factories

# Every test runs on the suite's frozen clock (15/09/2026, 10:00 in Vietnam).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("today")]


def test_a_producer_downloads_account_consent_profile_and_products(client, producer, producer_org):
    ConsentRecord.objects.create(user=producer, version="2026-12", text_sha256="a" * 64)
    factories.ProductFactory(producer=producer_org, name="Mật ong hoa nhãn")
    client.force_login(producer)

    response = client.get(reverse("privacy:my-data-download"))

    data = json.loads(response.content)
    assert response["Content-Disposition"].startswith("attachment;")
    assert data["account"]["email"] == producer.email
    assert data["consent_records"][0]["version"] == "2026-12"
    profile = data["producers"][0]
    assert profile["name"] == producer_org.name
    assert profile["representative_name"] == producer_org.representative_name
    assert profile["representative_gender"] == producer_org.representative_gender
    assert [p["name"] for p in profile["products"]] == ["Mật ong hoa nhãn"]


def test_an_official_downloads_their_own_account(client, council_member):
    client.force_login(council_member)

    data = json.loads(client.get(reverse("privacy:my-data-download")).content)

    assert data["account"]["full_name"] == council_member.full_name
    assert data["producers"] == []


def test_the_register_names_real_fields_only():
    for entry in REGISTER:
        model = apps.get_model(entry.model)
        model._meta.get_field(entry.field)  # raises if the register names a missing field


def test_the_sensitive_fields_are_the_representatives_gender_ethnicity_and_disability():
    assert set(SENSITIVE_PRODUCER_FIELDS) == {
        "representative_gender",
        "representative_ethnicity",
        "representative_has_disability",
    }
    assert all(e.category in {"basic", SENSITIVE} for e in REGISTER)


@pytest.mark.parametrize(
    ("persona", "status"),
    [("provincial_office", 200), ("approver", 404), ("producer", 404), ("council_member", 404)],
)
def test_the_register_is_shown_to_the_provincial_office(client, request, persona, status):
    client.force_login(request.getfixturevalue(persona))

    response = client.get(reverse("privacy:register"))

    assert response.status_code == status
    if status == 200:
        assert "representative_ethnicity" in response.content.decode()


def test_my_personal_data_page_offers_download_consent_and_deletion(client, producer):
    client.force_login(producer)

    page = client.get(reverse("privacy:my-data")).content.decode()

    assert reverse("privacy:my-data-download") in page
    assert reverse("privacy:consent") in page
    assert reverse("accounts:2fa") in page
    assert 'name="confirm"' in page


def test_the_consent_page_shows_the_text_and_an_official_has_none(client, producer, approver):
    client.force_login(producer)
    producer_page = client.get(reverse("privacy:consent"))
    client.force_login(approver)
    official_page = client.get(reverse("privacy:consent"))

    assert producer_page.status_code == 200
    assert 'data-testid="consent-text"' in producer_page.content.decode()
    assert official_page.status_code == 404


def test_a_pending_request_is_shown_instead_of_the_form(client, producer):
    from privacy_duties.erasure import request_deletion

    request_deletion(producer)
    client.force_login(producer)

    page = client.get(reverse("privacy:my-data"))

    assert page.context["pending"] is not None
    assert 'name="confirm"' not in page.content.decode()


@pytest.mark.parametrize("persona", ["approver", "producer"])
def test_the_two_factor_page_shows_its_state(client, request, persona):
    user = request.getfixturevalue(persona)
    client.force_login(user)

    response = client.get(reverse("accounts:2fa"))

    assert response.status_code == 200
    assert (response.context["device"] is not None) is (persona == "approver")
