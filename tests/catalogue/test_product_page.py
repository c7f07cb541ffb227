"""A recognised product's public page."""

import datetime

import pytest
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db


def _url(certificate):
    return reverse("catalogue:product", args=[certificate.product.pk])


def test_public_sees_the_recognition_of_a_product(client, listed, today):
    certificate = listed("Mật ong hoa nhãn", stars=4, decision_number="1234/QĐ-UBND")

    response = client.get(_url(certificate))

    assert response.status_code == 200
    assert response.context["certificate"] == certificate
    for text in [
        "Mật ong hoa nhãn",
        "★★★★",
        "Hợp tác xã Mật ong Khoái Châu",
        "Mật ong, mật khác và nông sản thực phẩm khác",
        "Quyết định số 1234/QĐ-UBND ngày 15/09/2026",
        "15/09/2029",
        certificate.number,
    ]:
        assert text in response.text, text


def test_producer_contact_is_shown_only_when_published(client, listed, producer_org):
    certificate = listed()
    hidden = client.get(_url(certificate))
    producer_org.publish_contact = True
    producer_org.save()

    shown = client.get(_url(certificate))

    assert (producer_org.phone in hidden.text, producer_org.phone in shown.text) == (False, True)
    assert (producer_org.email in hidden.text, producer_org.email in shown.text) == (False, True)


@pytest.mark.parametrize(
    "fields",
    [
        {"decision_date": datetime.date(2023, 1, 1)},
        {"revoked_on": datetime.date(2026, 9, 1), "revocation_ground": "misuse"},
    ],
)
def test_product_without_a_current_certificate_has_no_public_page(client, listed, today, fields):
    certificate = listed(**fields)

    response = client.get(_url(certificate))

    assert response.status_code == 404


def test_product_never_recognised_has_no_public_page(client, producer_org):
    product = factories.ProductFactory(producer=producer_org)

    response = client.get(reverse("catalogue:product", args=[product.pk]))

    assert response.status_code == 404


def test_public_sees_every_photo_of_the_product(client, listed, add_photo):
    certificate = listed()
    photos = [add_photo(certificate.product, position=n) for n in range(2)]

    response = client.get(_url(certificate))

    for photo in photos:
        assert reverse("products:photo", args=[photo.pk]) in response.text
        assert reverse("products:photo-thumbnail", args=[photo.pk]) in response.text


def test_product_page_runs_a_fixed_number_of_queries(
    client, listed, add_photo, django_assert_num_queries, warm_caches
):
    certificate = listed()
    add_photo(certificate.product)
    add_photo(certificate.product)

    with django_assert_num_queries(4):
        client.get(_url(certificate))


def test_product_page_is_served_from_the_cache_until_a_sales_point_is_added(
    client, listed, django_assert_num_queries, warm_caches
):
    product = listed("Mật ong hoa nhãn").product
    url = reverse("catalogue:product", args=[product.pk])
    client.get(url)

    with django_assert_num_queries(0):
        cached = client.get(url)
    factories.SalesPointFactory(product=product, name="Cửa hàng OCOP Phố Hiến")
    updated = client.get(url)

    assert "Mật ong hoa nhãn" in cached.text
    assert "Cửa hàng OCOP Phố Hiến" in updated.text


def test_a_product_no_longer_listed_answers_404_even_after_being_cached(
    client, listed, approver, today
):
    from certificates.services import revoke_certificate

    certificate = listed("Chè búp Tân Cương")
    url = reverse("catalogue:product", args=[certificate.product_id])
    assert client.get(url).status_code == 200

    revoke_certificate(
        certificate, by=approver, ground="quality", revoked_on=today, note="Kết luận kiểm tra"
    )

    assert client.get(url).status_code == 404
