"""Issue 19, item 6: a NUL byte in a URL, endless text, sign-up telling who is registered, the
content policy for plugins, and a household's street address on the public certificate."""

import io
import re

import pytest
from django import forms
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pypdf import PdfReader

from evaluations.certificates import render_certificate_pdf
from products.models import Product
from tests import factories

pytestmark = pytest.mark.django_db

PROJECT_APPS = {
    "accounts", "catalogue", "evaluations", "duties", "outbox", "producers", "products",
    "programme", "regions", "reports", "ocop_portal",
}  # fmt: skip


@pytest.mark.parametrize(
    "path",
    [
        "/catalogue/verify/%00/",
        "/catalogue/verify/OCOP-33-2026-0001%00/certificate.pdf",
        "/producer/invitations/%00abc/",
        "/catalogue/report/?certificate=%00",
        "/areas/communes/?q=%00",
    ],
)
def test_a_nul_byte_answers_404_before_any_lookup(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)

    assert response.status_code == 404
    assert queries.captured_queries == []  # PostgreSQL would have refused the value: 500


def _form_classes():
    import ocop_portal.urls  # noqa: F401  (imports every view, and so every form)

    def walk(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from walk(sub)

    return {form for form in walk(forms.BaseForm) if form.__module__.split(".")[0] in PROJECT_APPS}


def test_every_text_box_of_every_form_has_a_length_limit():
    unlimited = [
        f"{form.__module__}.{form.__name__}.{name}"
        for form in _form_classes()
        for name, field in form.base_fields.items()
        if isinstance(field, forms.CharField)
        and not isinstance(field, forms.UUIDField)  # checked by its format
        and not isinstance(field.widget, forms.PasswordInput)  # hashed, never stored
        and field.max_length is None
    ]

    assert len(_form_classes()) > 30
    assert unlimited == []


def test_a_five_million_character_description_is_refused(client, producer, producer_org):
    client.force_login(producer)

    response = client.post(
        reverse("products:create"),
        {"name": "Mật ong", "criteria_set": "4", "description": "x" * 5_000_000},
    )

    assert response.status_code == 200
    assert "description" in response.context["form"].errors
    assert Product.objects.count() == 0


def test_sign_up_with_an_email_in_use_answers_as_usual_and_tells_the_owner(
    client, django_capture_on_commit_callbacks
):
    owner = factories.UserFactory(email="chuthe@example.vn", full_name="Nguyễn Thị Hoa")
    data = {
        "full_name": "Kẻ Lạ",
        "phone": "",
        "password1": "mat-ong-hoa-nhan-2026",
        "password2": "mat-ong-hoa-nhan-2026",
        "consent": "on",
    }
    with django_capture_on_commit_callbacks(execute=True):
        fresh = client.post(reverse("accounts:signup"), {**data, "email": "moi@example.vn"})
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        taken = client.post(reverse("accounts:signup"), {**data, "email": "CHUTHE@example.vn"})

    # The page cannot tell the two apart; the account's owner hears of it by email.
    assert taken.status_code == fresh.status_code == 200
    assert [t.name for t in taken.templates][:1] == ["accounts/signup_done.html"]
    assert [t.name for t in fresh.templates][:1] == ["accounts/signup_done.html"]
    assert [m.to for m in mail.outbox] == [["chuthe@example.vn"]]
    assert "đã có tài khoản" in mail.outbox[0].body
    assert "/accounts/password/reset/" in mail.outbox[0].body
    owner.refresh_from_db()
    assert owner.full_name == "Nguyễn Thị Hoa"  # nothing about the account changed


def test_content_policy_allows_no_plugins(client):
    policy = client.get(reverse("catalogue:list"))["Content-Security-Policy"]

    assert "object-src 'none'" in policy


def _pdf_text(pdf: bytes) -> str:
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    return re.sub(r"\s+", " ", text)


@pytest.mark.parametrize("published", [False, True])
def test_public_certificate_prints_the_street_address_only_if_published(
    today, home_commune, published
):
    producer = factories.ProducerFactory(
        name="Hộ kinh doanh Nguyễn Văn Ba",
        commune=home_commune,
        address_line="Số 12 ngõ 3 thôn Đông",
        publish_contact=published,
    )
    certificate = factories.CertificateFactory(dossier__product__producer=producer)

    text = _pdf_text(render_certificate_pdf(certificate))

    assert home_commune.name in text
    assert ("Số 12 ngõ 3 thôn Đông" in text) is published
