"""Personal data (Decree 13/2023/NĐ-CP): consent at sign-up, and the representative's sensitive
data (gender, ethnicity, disability) seen only where a task needs them, every view logged."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from accounts.models import Role, User
from privacy.models import ConsentRecord, PersonalDataAccess
from privacy.register import CONSENT_VERSION
from producers.permissions import can_view_sensitive_personal_data
from tests import factories

# Every test runs on the suite's frozen clock (15/09/2026, 10:00 in Vietnam).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("today")]

SIGN_UP = {
    "full_name": "Nguyễn Thị Hoa",
    "email": "hoa@example.vn",
    "phone": "0912345678",
    "password1": "mat-ong-hoa-nhan-2026",
    "password2": "mat-ong-hoa-nhan-2026",
}


def test_sign_up_is_refused_without_consent(client, areas):
    response = client.post(reverse("accounts:signup"), SIGN_UP)

    assert response.status_code == 200
    assert "consent" in response.context["form"].errors
    assert not User.objects.filter(email="hoa@example.vn").exists()


def test_sign_up_shows_the_purpose_text_and_records_the_consent(client, areas, today):
    page = client.get(reverse("accounts:signup"))
    client.post(reverse("accounts:signup"), {**SIGN_UP, "consent": "on"}, REMOTE_ADDR="203.0.113.9")

    record = ConsentRecord.objects.get(user__email="hoa@example.vn")
    assert "criterion 3.2" in page.content.decode() or "tiêu chí 3.2" in page.content.decode()
    assert record.version == CONSENT_VERSION
    assert len(record.text_sha256) == 64
    assert record.ip_address == "203.0.113.9"


def test_a_producer_without_consent_to_the_current_version_is_asked_again(client, producer):
    ConsentRecord.objects.create(user=producer, version="2020-01", text_sha256="0" * 64)
    client.force_login(producer)

    asked = client.get(reverse("producers:dashboard"))
    client.post(reverse("privacy:consent"), {"agree": "on"})
    after = client.get(reverse("producers:dashboard"))

    assert asked.context["consent_outdated"] is True
    assert reverse("privacy:consent") in asked.content.decode()
    assert after.context["consent_outdated"] is False
    assert producer.consent_records.filter(version=CONSENT_VERSION).exists()


def test_a_producer_with_current_consent_sees_no_banner(client, producer):
    ConsentRecord.objects.create(user=producer, version=CONSENT_VERSION, text_sha256="0" * 64)
    client.force_login(producer)

    assert client.get(reverse("producers:dashboard")).context["consent_outdated"] is False


@pytest.mark.parametrize(
    ("persona", "allowed"),
    [
        ("producer", True),
        ("provincial_office", True),
        ("approver", False),
        ("council_member", False),
        ("commune_officer", False),
        ("district_officer", False),
        ("stranger", False),
    ],
)
def test_who_may_see_the_representatives_sensitive_data(request, producer_org, persona, allowed):
    user = request.getfixturevalue(persona)

    assert can_view_sensitive_personal_data(user, producer_org) is allowed


def test_another_provinces_office_may_not(producer_org, areas):
    elsewhere = factories.UserFactory(role=Role.PROVINCIAL_OFFICE, province_id=1)

    assert can_view_sensitive_personal_data(elsewhere, producer_org) is False


def test_the_profile_shows_them_to_the_producer_and_logs_the_view(
    client, producer, producer_org, today
):
    producer_org.representative_ethnicity = "Tày"
    producer_org.save()
    client.force_login(producer)

    response = client.get(reverse("producers:profile"))

    assert "Tày" in response.content.decode()
    access = PersonalDataAccess.objects.get()
    assert (access.viewer, access.producer, access.place) == (
        producer,
        producer_org,
        "producer profile",
    )
    assert "representative_ethnicity" in access.fields


def test_the_admin_hides_them_from_an_approver_with_view_rights(client, approver, producer_org):
    producer_org.representative_ethnicity = "Tày"
    producer_org.save()
    approver.user_permissions.add(Permission.objects.get(codename="view_producer"))
    client.force_login(approver)

    response = client.get(reverse("admin:producers_producer_change", args=[producer_org.pk]))

    assert response.status_code == 200
    page = response.content.decode()
    assert producer_org.representative_name in page
    assert "Tày" not in page
    assert "representative_gender" not in page
    assert not PersonalDataAccess.objects.exists()


def test_the_admin_shows_them_to_an_administrator_and_logs_it(admin_client, producer_org):
    response = admin_client.get(reverse("admin:producers_producer_change", args=[producer_org.pk]))

    assert "representative_has_disability" in response.context["adminform"].form.fields
    assert PersonalDataAccess.objects.get().place == "admin"


def test_the_access_log_is_read_only_for_the_office_and_hidden_from_approvers(
    client, provincial_office, approver, producer, producer_org
):
    client.force_login(producer)
    client.get(reverse("producers:profile"))
    url = reverse("admin:privacy_personaldataaccess_changelist")

    client.force_login(provincial_office)
    office_list = client.get(url)
    office_add = client.get(reverse("admin:privacy_personaldataaccess_add"))
    client.force_login(approver)
    approver_list = client.get(url)

    assert office_list.status_code == 200
    assert producer_org.name in office_list.content.decode()
    assert office_add.status_code == 403
    assert approver_list.status_code == 403


def test_an_office_reads_only_its_own_provinces_log(client, producer, producer_org, areas):
    client.force_login(producer)
    client.get(reverse("producers:profile"))
    elsewhere = factories.UserFactory(role=Role.PROVINCIAL_OFFICE, province_id=1, is_staff=True)
    client.force_login(elsewhere)

    response = client.get(reverse("admin:privacy_personaldataaccess_changelist"))

    assert response.status_code == 200
    assert producer_org.name not in response.content.decode()


def test_a_new_version_deployed_during_a_session_is_asked_at_the_next_page(
    client, producer, monkeypatch
):
    from privacy import consent

    ConsentRecord.objects.create(user=producer, version=CONSENT_VERSION, text_sha256="0" * 64)
    client.force_login(producer)
    assert client.get(reverse("producers:dashboard")).context["consent_outdated"] is False

    monkeypatch.setattr(consent, "CONSENT_VERSION", "2099-01")

    assert client.get(reverse("producers:dashboard")).context["consent_outdated"] is True
