"""Two-factor sign-in for the people who decide: approvers, the provincial office and
administrators cannot reach any page, the admin included, with a password alone."""

import pytest
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import Role, User
from accounts.two_factor.services import RECOVERY_CODE_COUNT
from tests import factories
from tests.conftest import totp_token

# Every test runs on the suite's frozen clock (15/09/2026, 10:00 in Vietnam).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("today")]

ADMIN = "/admin/"
VERIFY = reverse("accounts:2fa-verify")
SETUP = reverse("accounts:2fa-setup")


def _password_sign_in(client, user):
    response = client.post(
        reverse("accounts:login"), {"username": user.email, "password": factories.PASSWORD}
    )
    assert response.status_code == 302, "the password step itself must succeed"


def _codes_from(response) -> list[str]:
    return response.context["codes"]


def test_an_approver_with_a_password_alone_is_sent_from_the_admin_to_the_code(
    client, approver, today
):
    _password_sign_in(client, approver)

    response = client.get(ADMIN)

    assert response.status_code == 302
    assert response["Location"].startswith(VERIFY)
    assert "next=%2Fadmin%2F" in response["Location"]


@pytest.mark.parametrize("url_name", ["reports:dashboard", "evaluations:dossier-list"])
def test_every_page_waits_for_the_code_and_posts_are_refused_too(
    client, provincial_office, today, url_name
):
    _password_sign_in(client, provincial_office)

    page = client.get(reverse(url_name))
    post = client.post(reverse("privacy:my-data"), {"confirm": "on"})

    assert page.status_code == 302
    assert page["Location"].startswith(VERIFY)
    assert post.status_code == 302
    assert post["Location"] == VERIFY
    assert not provincial_office.deletion_requests.exists()


def test_a_right_code_from_the_app_opens_the_admin(client, approver, today):
    _password_sign_in(client, approver)

    response = client.post(VERIFY, {"token": totp_token(approver), "next": ADMIN})

    assert response.status_code == 302
    assert response["Location"] == ADMIN
    assert client.get(ADMIN).status_code == 200


def test_a_wrong_code_is_refused_with_a_message(client, approver, today):
    _password_sign_in(client, approver)
    wrong = f"{(int(totp_token(approver)) + 1) % 1_000_000:06d}"

    response = client.post(VERIFY, {"token": wrong})

    assert response.status_code == 200
    assert response.context["form"].errors["token"]
    assert client.get(ADMIN).status_code == 302


def test_a_code_works_once(client, approver, today):
    token = totp_token(approver)
    _password_sign_in(client, approver)
    client.post(VERIFY, {"token": token})
    client.post(reverse("accounts:logout"))

    _password_sign_in(client, approver)
    replay = client.post(VERIFY, {"token": token})

    assert replay.status_code == 200  # refused: a code seen once is spent
    assert client.get(ADMIN).status_code == 302


def test_signing_in_again_asks_for_the_code_again(client, approver, today):
    _password_sign_in(client, approver)
    client.post(VERIFY, {"token": totp_token(approver)})
    client.post(reverse("accounts:logout"))

    _password_sign_in(client, approver)

    assert client.get(ADMIN)["Location"].startswith(VERIFY)


def test_an_approver_without_a_device_enrols_one_and_gets_recovery_codes(client, areas, today):
    newcomer = factories.UserFactory(
        role=Role.APPROVER, province_id=33, is_staff=True, second_factor=False
    )
    _password_sign_in(client, newcomer)

    to_code = client.get(ADMIN)
    to_setup = client.get(to_code["Location"])
    setup_page = client.get(to_setup["Location"])
    device = TOTPDevice.objects.get(user=newcomer, confirmed=False)
    assert setup_page.context["manual_key"].replace(" ", "").isalnum()
    assert "<svg" in setup_page.context["qr_svg"]
    assert client.get(ADMIN).status_code == 302  # an unconfirmed device opens nothing
    from django_otp.oath import totp

    confirmed = client.post(SETUP, {"token": f"{totp(device.bin_key):06d}", "next": ADMIN})

    assert to_setup["Location"].startswith(SETUP)
    assert confirmed.status_code == 200
    assert len(_codes_from(confirmed)) == RECOVERY_CODE_COUNT
    assert client.get(ADMIN).status_code == 200


def test_a_recovery_code_works_once(client, approver, today):
    client.force_login(approver)
    codes = _codes_from(client.post(reverse("accounts:2fa"), {"action": "codes"}))
    client.post(reverse("accounts:logout"))

    _password_sign_in(client, approver)
    first = client.post(VERIFY, {"token": codes[0].upper(), "next": ADMIN})
    admin_after_first = client.get(ADMIN).status_code
    client.post(reverse("accounts:logout"))
    _password_sign_in(client, approver)
    second = client.post(VERIFY, {"token": codes[0]})

    assert first["Location"] == ADMIN
    assert admin_after_first == 200
    assert second.status_code == 200
    assert client.get(ADMIN).status_code == 302


def test_enrolling_a_new_phone_is_no_way_around_the_code(client, approver, today):
    _password_sign_in(client, approver)

    response = client.get(SETUP)
    attempt = client.post(SETUP, {"token": "000000"})

    assert response["Location"].startswith(VERIFY)
    assert attempt["Location"].startswith(VERIFY)
    assert TOTPDevice.objects.filter(user=approver).count() == 1


def test_signing_out_needs_no_code(client, approver, today):
    _password_sign_in(client, approver)

    client.post(reverse("accounts:logout"))

    assert "_auth_user_id" not in client.session


def test_an_account_of_those_roles_made_without_a_device_fails_loudly_in_tests(client, areas):
    """The suite's force_login verifies only a real device: nothing bypasses the middleware."""
    office = User.objects.create_user(
        email="moi@example.vn", full_name="Mới", role=Role.PROVINCIAL_OFFICE, province_id=33
    )
    client.force_login(office)

    response = client.get(reverse("reports:dashboard"))

    assert response.status_code == 302
    assert response["Location"].startswith(VERIFY)


def test_the_required_roles_cannot_turn_it_off(client, approver):
    client.force_login(approver)

    client.post(reverse("accounts:2fa"), {"action": "off"})

    assert TOTPDevice.objects.filter(user=approver, confirmed=True).exists()


def test_a_producer_signs_in_without_a_second_factor_until_opting_in(client, producer, today):
    _password_sign_in(client, producer)
    assert client.get(reverse("producers:dashboard")).status_code == 200

    client.get(SETUP)
    device = TOTPDevice.objects.get(user=producer, confirmed=False)
    from django_otp.oath import totp

    client.post(SETUP, {"token": f"{totp(device.bin_key):06d}"})
    client.post(reverse("accounts:logout"))
    _password_sign_in(client, producer)

    assert client.get(reverse("producers:dashboard"))["Location"].startswith(VERIFY)


def test_an_opted_in_producer_may_turn_it_off(client, producer, today):
    TOTPDevice.objects.create(user=producer, name="authenticator", key=factories.TOTP_KEY)
    client.force_login(producer)

    client.post(reverse("accounts:2fa"), {"action": "off"})
    client.post(reverse("accounts:logout"))
    _password_sign_in(client, producer)

    assert not TOTPDevice.objects.filter(user=producer).exists()
    assert client.get(reverse("producers:profile")).status_code == 200
