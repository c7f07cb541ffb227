import pytest
from django.urls import reverse

from tests import factories


@pytest.mark.django_db
def test_sign_in_is_locked_after_five_failed_attempts(client, producer, settings):
    settings.AXES_FAILURE_LIMIT = 5
    login = reverse("accounts:login")
    for _ in range(5):
        client.post(login, {"username": producer.email, "password": "wrong-password"})

    response = client.post(login, {"username": producer.email, "password": factories.PASSWORD})

    assert response.status_code == 429
    assert "Quá nhiều lần đăng nhập không thành công" in response.text
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_a_lockout_of_one_account_leaves_others_alone(client, producer, stranger):
    login = reverse("accounts:login")
    for _ in range(6):
        client.post(login, {"username": producer.email, "password": "wrong-password"})

    response = client.post(login, {"username": stranger.email, "password": factories.PASSWORD})

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(stranger.pk)


@pytest.mark.django_db
def test_pages_carry_a_content_security_policy_without_inline_scripts(client):
    response = client.get(reverse("accounts:login"))

    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy
    assert response["X-Frame-Options"] == "DENY"
    assert "<script>" not in response.text


@pytest.mark.django_db
def test_forms_refuse_posts_without_a_csrf_token(producer):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)

    response = client.post(
        reverse("accounts:login"), {"username": producer.email, "password": factories.PASSWORD}
    )

    assert response.status_code == 403
