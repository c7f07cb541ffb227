"""The catalogue's cached parts change at once with the rows they show, whichever way the rows
are written: a queryset update(), bulk_create() or bulk_update() sends no model signal, and a
stale catalogue would keep a revoked product or an old name on show."""

import pytest
from django.db import transaction
from django.urls import reverse

from catalogue import public_cache
from certificates.models import Certificate
from ocop_portal.row_changes import rows_changed
from producers.models import Producer
from products.models import Product
from programme.models import SalesPoint
from tests import factories

pytestmark = pytest.mark.django_db


def _product_url(product):
    return reverse("catalogue:product", args=[product.pk])


def test_a_description_changed_by_a_queryset_update_shows_at_once(client, listed):
    product = listed("Mật ong hoa nhãn").product
    client.get(_product_url(product))

    Product.objects.filter(pk=product.pk).update(description="Mật ong hoa nhãn vụ xuân")

    assert "Mật ong hoa nhãn vụ xuân" in client.get(_product_url(product)).text


def test_a_certificate_revoked_by_a_queryset_update_leaves_the_catalogue_at_once(
    client, listed, today
):
    certificate = listed("Chè búp Tân Cương")
    assert client.get(_product_url(certificate.product)).status_code == 200
    assert "Chè búp Tân Cương" in client.get(reverse("catalogue:list")).text

    Certificate.objects.filter(pk=certificate.pk).update(
        revoked_on=today, revocation_ground="quality", revocation_note="Kết luận kiểm tra"
    )

    assert client.get(_product_url(certificate.product)).status_code == 404
    assert "Chè búp Tân Cương" not in client.get(reverse("catalogue:list")).text


def test_sales_points_added_in_bulk_show_on_the_product_page(client, listed):
    product = listed("Mật ong hoa nhãn").product
    client.get(_product_url(product))

    SalesPoint.objects.bulk_create(
        [
            SalesPoint(
                product=product, kind="shop", name="Cửa hàng OCOP Phố Hiến", address="Phố Hiến"
            )
        ]
    )

    assert "Cửa hàng OCOP Phố Hiến" in client.get(_product_url(product)).text


def test_a_producer_phone_changed_by_bulk_update_shows_at_once(client, listed, producer_org):
    Producer.objects.filter(pk=producer_org.pk).update(publish_contact=True)
    product = listed("Mật ong hoa nhãn").product
    client.get(_product_url(product))

    producer_org.phone = "0221 3862 999"
    Producer.objects.bulk_update([producer_org], ["phone"])

    assert "0221 3862 999" in client.get(_product_url(product)).text


def test_an_update_that_changes_no_row_does_not_retire_the_catalogue(listed):
    listed()
    before = public_cache.version()

    Product.objects.filter(pk=0).update(name="Không có")

    assert public_cache.version() == before


@pytest.mark.django_db(transaction=True)
def test_a_bulk_write_retires_the_catalogue_again_at_its_commit(areas):
    """A request rendering between the write and the commit reads the old rows: what it cached
    must not outlive the commit."""
    producer = factories.ProducerFactory()
    with transaction.atomic():
        Producer.objects.filter(pk=producer.pk).update(name="Hợp tác xã đổi tên")
        during = public_cache.version()

    assert public_cache.version() > during


def test_every_bulk_write_is_announced_once_per_statement():
    heard = []

    def listener(sender, **kwargs):
        heard.append(sender)

    rows_changed.connect(listener, sender=SalesPoint)
    try:
        product = factories.ProductFactory()
        points = SalesPoint.objects.bulk_create(
            [SalesPoint(product=product, name=f"Điểm {i}", address="Phố Hiến") for i in range(3)]
        )
        created = len(heard)
        for point in points:
            point.name += " mới"
        SalesPoint.objects.bulk_update(points, ["name"], batch_size=10)
        updated = len(heard)
        SalesPoint.objects.filter(product=product).delete()
    finally:
        rows_changed.disconnect(listener, sender=SalesPoint)

    assert created == 1
    assert updated > created
    assert len(heard) > updated


def test_moving_a_photo_reorders_the_catalogue_card_without_saving_the_product(
    client, listed, add_photo, producer
):
    from products.services import move_photo

    product = listed("Mật ong hoa nhãn").product
    add_photo(product, caption="Ảnh tổ ong", position=0)
    second = add_photo(product, caption="Ảnh hũ mật", position=1)
    before = client.get(_product_url(product)).text
    updated_at = Product.objects.get(pk=product.pk).updated_at

    move_photo(second, by=producer, offset=-1)
    after = client.get(_product_url(product)).text

    assert before.index("Ảnh tổ ong") < before.index("Ảnh hũ mật")
    assert after.index("Ảnh hũ mật") < after.index("Ảnh tổ ong")
    assert Product.objects.get(pk=product.pk).updated_at == updated_at


def test_a_product_page_asked_again_unchanged_is_answered_not_modified_without_a_query(
    client, listed, warm_caches, django_assert_num_queries
):
    product = listed("Mật ong hoa nhãn").product
    client.get(_product_url(product))  # the browser's first visit: it gets its cookies
    first = client.get(_product_url(product))

    with django_assert_num_queries(0):
        again = client.get(_product_url(product), HTTP_IF_NONE_MATCH=first["ETag"])

    assert again.status_code == 304


def test_a_verification_page_asked_again_after_a_revocation_is_sent_anew(client, listed, today):
    certificate = listed("Chè búp Tân Cương")
    url = reverse("catalogue:verify", args=[certificate.number])
    first = client.get(url)

    Certificate.objects.filter(pk=certificate.pk).update(
        revoked_on=today, revocation_ground="quality", revocation_note="Kết luận kiểm tra"
    )
    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])

    assert first.status_code == 200
    assert again.status_code == 200
    assert again["ETag"] != first["ETag"]
    assert "Đã thu hồi" in again.text
