import pytest
from django.db import OperationalError
from django.test import Client
from django.urls import reverse


@pytest.fixture
def client_without_raising():
    """A client that lets Django turn exceptions into error pages, as in production."""
    return Client(raise_request_exception=False)


@pytest.mark.django_db
def test_pages_answer_503_while_the_database_is_down(client_without_raising, monkeypatch):
    def refuse(*args, **kwargs):
        raise OperationalError("could not connect to server: Connection refused")

    monkeypatch.setattr("django.db.backends.utils.CursorWrapper.execute", refuse)

    response = client_without_raising.get(reverse("catalogue:list"))

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "tạm thời gián đoạn" in response.content.decode()


@pytest.mark.django_db
def test_other_errors_stay_500(client_without_raising, monkeypatch):
    def explode(request):
        raise RuntimeError("bug")

    monkeypatch.setattr("ocop_portal.views.render", lambda *a, **k: explode(None))

    response = client_without_raising.get(reverse("home"))

    assert response.status_code == 500
