import re

import pytest
from django.core import mail
from django.urls import reverse

from accounts.models import Role, User
from tests import factories

SIGN_UP = {
    "full_name": "Nguyễn Thị Hoa",
    "email": "Hoa.Nguyen@Example.vn",
    "phone": "0912 345 678",
    "password1": "mat-ong-hoa-nhan-2026",
    "password2": "mat-ong-hoa-nhan-2026",
    "consent": "on",
}


@pytest.fixture
def sign_up(client, django_capture_on_commit_callbacks):
    """Post the sign-up form and run what the view queued for after the commit (the email)."""

    def post(data=SIGN_UP):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(reverse("accounts:signup"), data)

    return post


def _confirmation_path(message) -> str:
    return re.search(r"https?://[^/\s]+(/\S+)", message.body).group(1)


@pytest.mark.django_db
def test_visitor_signs_up_as_inactive_producer_and_gets_a_confirmation_email(client, sign_up):
    response = sign_up()

    user = User.objects.get(email="hoa.nguyen@example.vn")
    assert response.status_code == 200
    assert (user.role, user.is_active, user.full_name) == (Role.PRODUCER, False, "Nguyễn Thị Hoa")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["hoa.nguyen@example.vn"]
    assert "/accounts/sign-up/confirm/" in mail.outbox[0].body


@pytest.mark.django_db
def test_producer_confirms_email_and_is_signed_in(client, sign_up):
    sign_up()

    response = client.get(_confirmation_path(mail.outbox[0]), follow=True)

    user = User.objects.get(email="hoa.nguyen@example.vn")
    assert user.is_active is True
    assert response.context["user"] == user


@pytest.mark.django_db
def test_confirmation_link_with_a_wrong_token_activates_nothing(client, sign_up):
    sign_up()
    path = _confirmation_path(mail.outbox[0])

    response = client.get(path[:-3] + "xyz/")

    assert response.status_code == 400
    assert User.objects.get(email="hoa.nguyen@example.vn").is_active is False


@pytest.mark.django_db
def test_sign_up_keeps_what_was_typed_when_passwords_differ(client, sign_up):
    response = sign_up({**SIGN_UP, "password2": "something-else-1"})

    form = response.context["form"]
    assert response.status_code == 200
    assert list(form.errors) == ["password2"]
    assert form["full_name"].value() == "Nguyễn Thị Hoa"
    assert User.objects.count() == 0


@pytest.mark.django_db
def test_signing_up_again_before_confirming_sends_a_fresh_link(client, sign_up):
    sign_up()

    sign_up({**SIGN_UP, "full_name": "Nguyễn Thị Hoa (HTX)"})

    assert User.objects.filter(email="hoa.nguyen@example.vn").count() == 1
    assert User.objects.get().full_name == "Nguyễn Thị Hoa (HTX)"
    assert len(mail.outbox) == 2


@pytest.mark.django_db
def test_unconfirmed_producer_is_told_to_confirm_when_signing_in(client, sign_up):
    sign_up()

    response = client.post(
        reverse("accounts:login"),
        {"username": "hoa.nguyen@example.vn", "password": SIGN_UP["password1"]},
    )

    assert response.status_code == 200
    assert (
        response.context["form"].errors["__all__"][0].startswith("Tài khoản này chưa được xác nhận")
    )


@pytest.mark.django_db
def test_user_signs_in_with_email_in_any_case(client, producer):
    response = client.post(
        reverse("accounts:login"), {"username": "ChuThe@Example.VN", "password": factories.PASSWORD}
    )

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(producer.pk)


@pytest.mark.django_db
def test_wrong_password_is_refused_with_a_message(client, producer):
    response = client.post(
        reverse("accounts:login"), {"username": producer.email, "password": "not-the-password"}
    )

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert response.context["form"].errors["__all__"] == [
        "Email hoặc mật khẩu không đúng. Vui lòng kiểm tra và thử lại."
    ]


@pytest.mark.django_db
def test_password_reset_sends_a_link_that_sets_a_new_password(client, producer):
    client.post(reverse("accounts:password-reset"), {"email": producer.email})
    path = _confirmation_path(mail.outbox[0])

    form_page = client.get(path, follow=True)
    response = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "nhan-long-hung-yen-9", "new_password2": "nhan-long-hung-yen-9"},
    )

    producer.refresh_from_db()
    assert response.status_code == 302
    assert producer.check_password("nhan-long-hung-yen-9")


@pytest.mark.django_db
def test_signed_in_user_changes_password(client, producer):
    client.force_login(producer)

    response = client.post(
        reverse("accounts:password-change"),
        {
            "old_password": factories.PASSWORD,
            "new_password1": "tuong-ban-my-hao-7",
            "new_password2": "tuong-ban-my-hao-7",
        },
    )

    producer.refresh_from_db()
    assert response.status_code == 302
    assert producer.check_password("tuong-ban-my-hao-7")


@pytest.mark.django_db
def test_a_reused_confirmation_link_tells_the_signed_in_producer_the_account_is_confirmed(
    client, sign_up
):
    sign_up()
    path = _confirmation_path(mail.outbox[0])
    client.get(path)  # confirms and signs in; the link is spent

    again = client.get(path)

    assert again.status_code == 200
    assert "Tài khoản của bạn đã được xác nhận" in again.text
    assert "Đăng ký lại" not in again.text
    assert 'href="/">Đến trang làm việc của tôi</a>' in again.text  # a producer's start: home


class FailingBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("SMTP is down")


@pytest.mark.django_db(transaction=True)
def test_a_failing_mail_server_still_answers_the_sign_up_and_keeps_the_account(
    client, settings, caplog
):
    # A real commit: the confirmation is sent straight after it, not through the outbox.
    settings.EMAIL_BACKEND = f"{__name__}.FailingBackend"

    response = client.post(reverse("accounts:signup"), SIGN_UP)

    assert response.status_code == 200
    assert User.objects.filter(email="hoa.nguyen@example.vn", is_active=False).exists()
    assert "SMTP is down" in caplog.text
