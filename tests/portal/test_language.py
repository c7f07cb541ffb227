import pytest
from django.urls import reverse


@pytest.mark.django_db
def test_pages_are_in_vietnamese_by_default(client):
    response = client.get(reverse("accounts:login"))

    assert response.status_code == 200
    assert '<html lang="vi">' in response.text
    assert "Đăng nhập" in response.text
    assert "Tỉnh Hưng Yên" in response.text


@pytest.mark.django_db
def test_visitor_switches_to_english_and_back(client):
    response = client.post(
        reverse("set_language"), {"language": "en", "next": reverse("accounts:login")}, follow=True
    )

    assert '<html lang="en">' in response.text
    assert "Sign in" in response.text

    response = client.post(
        reverse("set_language"), {"language": "vi", "next": reverse("accounts:login")}, follow=True
    )

    assert "Đăng nhập" in response.text


@pytest.mark.django_db
def test_every_page_offers_the_language_switch(client):
    response = client.get(reverse("home"))

    assert 'action="/i18n/setlang/"' in response.text
    assert '<option value="en"' in response.text
