"""The public catalogue: what is listed, search without diacritics, filters, pages, queries."""

import datetime

import pytest
from django.db import connection
from django.urls import reverse

from certificates.models import Certificate
from tests import factories

pytestmark = pytest.mark.django_db
LIST = reverse("catalogue:list")


def _names(response) -> list[str]:
    return [c.product_name for c in response.context["certificates"]]


def test_public_sees_products_with_a_current_certificate_only(client, today, listed):
    listed("Mật ong hoa nhãn")
    listed("Nhãn lồng sấy khô", decision_date=datetime.date(2023, 9, 1))  # expired 01/09/2026
    listed("Chè búp", revoked_on=today, revocation_ground="quality")
    old = listed("Bánh gai")
    factories.CertificateFactory(
        dossier__product=old.product, replaced_by=None, decision_date=today
    ).replaces.add(old)

    response = client.get(LIST)

    assert response.status_code == 200
    assert _names(response) == ["Bánh gai", "Mật ong hoa nhãn"]
    assert "Nhãn lồng sấy khô" not in response.text


@pytest.mark.parametrize("query", ["mat ong", "MẬT ONG", "mật ông", "  mat   ong ", "nhan mat"])
def test_public_finds_honey_without_diacritics(client, listed, query):
    listed("Mật ong hoa nhãn")
    listed("Bánh gai", producer=factories.ProducerFactory(name="Hợp tác xã Bánh gai Ninh Giang"))

    response = client.get(LIST, {"q": query})

    assert _names(response) == ["Mật ong hoa nhãn"]


def test_public_finds_products_by_producer_and_commune(client, listed, producer_org, far_commune):
    other = factories.ProducerFactory(name="Hợp tác xã Nhãn lồng Kim Động", commune=far_commune)
    listed("Mật ong hoa nhãn")
    listed("Nhãn lồng", producer=other)

    by_producer = client.get(LIST, {"q": "nhan long kim dong"})
    by_commune = client.get(LIST, {"q": far_commune.name_folded})

    assert (_names(by_producer), _names(by_commune)) == (["Nhãn lồng"], ["Nhãn lồng"])


@pytest.mark.skipif(connection.vendor != "postgresql", reason="trigram typo tolerance is PG-only")
@pytest.mark.parametrize("query", ["mat ongg", "mat onng", "mậtt ong"])
def test_public_finds_honey_despite_a_typo_on_postgresql(client, listed, query):
    listed("Mật ong hoa nhãn")
    listed("Bánh gai", producer=factories.ProducerFactory(name="Hợp tác xã Bánh gai Ninh Giang"))

    response = client.get(LIST, {"q": query})

    assert _names(response) == ["Mật ong hoa nhãn"]


def test_public_finds_a_product_by_its_certified_name_after_the_row_changes(client, listed):
    """Issue 18: the catalogue lists what was certified; a later change of the product row (by
    any route) neither renames the listing nor makes it findable under the new name."""
    product = listed("Mật ong hoa nhãn").product
    product.name = "Mật ong rừng U Minh 5 sao chính hãng"
    product.save()

    assert _names(client.get(LIST, {"q": "u minh"})) == []
    assert _names(client.get(LIST, {"q": "hoa nhan"})) == ["Mật ong hoa nhãn"]


def test_public_filters_by_stars(client, listed):
    listed("Mật ong hoa nhãn", stars=4)
    listed("Bánh gai", stars=3)

    response = client.get(LIST, {"stars": "3"})

    assert _names(response) == ["Bánh gai"]


def test_public_filters_by_criteria_set_and_sector(client, listed):
    listed("Mật ong hoa nhãn", criteria_set=4)  # food
    listed("Rượu nếp cái hoa vàng", criteria_set=14)  # beverages
    listed("Chiếu cói", criteria_set=21)  # handicrafts

    by_set = client.get(LIST, {"criteria_set": "14"})
    by_sector = client.get(LIST, {"sector": "thuc-pham"})

    assert (_names(by_set), _names(by_sector)) == (["Rượu nếp cái hoa vàng"], ["Mật ong hoa nhãn"])


def test_public_filters_by_former_district_and_commune(
    client, listed, khoai_chau, far_commune, home_commune
):
    listed("Mật ong hoa nhãn")
    listed("Nhãn lồng", producer=factories.ProducerFactory(commune=far_commune))

    by_district = client.get(LIST, {"district": khoai_chau.pk})
    by_commune = client.get(LIST, {"commune": far_commune.pk})

    assert (_names(by_district), _names(by_commune)) == (["Mật ong hoa nhãn"], ["Nhãn lồng"])
    assert list(by_district.context["form"].fields["commune"].queryset) == [home_commune]


def test_invalid_filter_is_ignored(client, listed):
    listed("Mật ong hoa nhãn")

    response = client.get(LIST, {"stars": "7", "criteria_set": "x", "commune": "abc"})

    assert (response.status_code, _names(response)) == (200, ["Mật ong hoa nhãn"])


def test_public_sorts_by_stars(client, listed):
    listed("A 3 sao", stars=3)
    listed("B 5 sao", stars=5)
    listed("C 4 sao", stars=4)

    response = client.get(LIST, {"sort": "stars"})

    assert _names(response) == ["B 5 sao", "C 4 sao", "A 3 sao"]


def test_public_pages_through_24_products_at_a_time_keeping_the_search(client, listed):
    for n in range(26):
        listed(f"Mật ong số {n:02d}")

    first = client.get(LIST, {"q": "mat ong"})
    second = client.get(LIST, {"q": "mat ong", "page": "2"})

    assert (len(_names(first)), _names(second)) == (24, ["Mật ong số 24", "Mật ong số 25"])
    assert 'href="?q=mat+ong&amp;page=2"' in first.text


def test_card_shows_the_cover_photo_thumbnail(client, listed, add_photo):
    product = listed("Mật ong hoa nhãn").product
    add_photo(product, position=0)
    cover = add_photo(product, position=1, is_cover=True)

    response = client.get(LIST)

    thumbnail = reverse("products:photo-thumbnail", args=[cover.pk])
    assert f'src="{thumbnail}"' in response.text
    assert client.get(thumbnail).status_code == 200


@pytest.mark.parametrize("item_count", [1, 3])
def test_catalogue_query_count_is_constant(
    client, listed, add_photo, item_count, django_assert_num_queries, warm_caches
):
    for n in range(item_count):
        add_photo(listed(f"Mật ong số {n}").product)

    with django_assert_num_queries(3):
        response = client.get(LIST)

    assert len(response.context["certificates"]) == item_count


def test_catalogue_is_listed_in_the_public_navigation(client):
    response = client.get(reverse("home"))

    names = [item["name"] for item in response.context["portal_nav"]]
    assert [name for name in names if name.startswith("catalogue:")] == [
        "catalogue:list",
        "catalogue:verify-lookup",
    ]


def test_certificate_count_matches_current_scope(client, listed, today):
    listed("Mật ong hoa nhãn")

    response = client.get(LIST)

    assert response.context["page"].paginator.count == Certificate.objects.current().count()


def test_a_second_visit_is_served_without_querying_the_listing(
    client, listed, django_assert_num_queries, warm_caches
):
    listed("Mật ong hoa nhãn")
    first = client.get(LIST, {"q": "mat ong"})

    with django_assert_num_queries(0):
        again = client.get(LIST, {"q": "mat ong"})

    assert "Mật ong hoa nhãn" in first.text
    assert "Mật ong hoa nhãn" in again.text


def test_a_revoked_product_leaves_the_cached_catalogue_at_once(client, listed, today, approver):
    from certificates.services import revoke_certificate

    certificate = listed("Chè búp Tân Cương")
    assert "Chè búp Tân Cương" in client.get(LIST).text  # now cached

    revoke_certificate(
        certificate, by=approver, ground="quality", revoked_on=today, note="Kết luận kiểm tra"
    )

    assert "Chè búp Tân Cương" not in client.get(LIST).text


def test_a_reissued_certificate_shows_its_new_name_in_the_cached_catalogue(
    client, listed, approver
):
    from certificates.certified_changes import reissue_certificate

    certificate = listed("Mật ong hoa nhãn")
    assert "Mật ong hoa nhãn" in client.get(LIST).text  # now cached

    product = certificate.product
    product.name = "Mật ong rừng U Minh"
    product.save()
    assert "Mật ong rừng U Minh" not in client.get(LIST).text  # the live row is not certified
    reissue_certificate(certificate, by=approver, reason="Sửa tên theo đơn đề nghị số 12")

    assert "Mật ong rừng U Minh" in client.get(LIST).text
