"""Support records: listed per producer, summed per area, year and source of funds."""

import datetime

import pytest
from django.urls import reverse

from programme.models import SupportRecord
from programme.permissions import can_view_support
from programme.selectors import support_sums
from tests import factories

pytestmark = pytest.mark.django_db
LIST = reverse("programme:support-list")
CREATE = reverse("programme:support-create")


@pytest.fixture
def spread(producer_org, neighbour_commune, far_commune):
    """Support in two communes of Khoái Châu and one of Kim Động, over two years."""
    neighbour = factories.ProducerFactory(commune=neighbour_commune)
    far = factories.ProducerFactory(commune=far_commune)
    make = factories.SupportRecordFactory
    make(producer=producer_org, amount_vnd=10_000_000, source="provincial")
    make(producer=producer_org, amount_vnd=2_500_000, source="central", kind="training")
    make(producer=neighbour, amount_vnd=7_000_000, source="provincial")
    make(producer=far, amount_vnd=30_000_000, source="loans", kind="loan")
    make(producer=far, amount_vnd=99_000_000, given_on=datetime.date(2025, 12, 31))
    return neighbour, far


def test_support_sums_per_area_source_and_year(spread, khoai_chau, kim_dong, home_commune):
    neighbour, far = spread

    rows, total = support_sums(SupportRecord.objects.in_year(2026))

    # Communes under their former district, each list in alphabetical order.
    assert [(r.name, r.by_source, r.total, r.indent) for r in rows] == [
        (khoai_chau.name, {"provincial": 17_000_000, "central": 2_500_000}, 19_500_000, False),
        (neighbour.commune.name, {"provincial": 7_000_000}, 7_000_000, True),
        (home_commune.name, {"provincial": 10_000_000, "central": 2_500_000}, 12_500_000, True),
        (kim_dong.name, {"loans": 30_000_000}, 30_000_000, False),
        (far.commune.name, {"loans": 30_000_000}, 30_000_000, True),
    ]
    assert (total.by_source, total.total) == (
        {"provincial": 17_000_000, "central": 2_500_000, "loans": 30_000_000},
        49_500_000,
    )


def test_office_sees_sums_and_producer_totals_in_vietnamese_format(
    client, provincial_office, spread, producer_org
):
    client.force_login(provincial_office)

    response = client.get(LIST, {"year": 2026})

    assert response.context["grand_total"].total == 49_500_000
    assert "49.500.000 ₫" in response.text
    assert producer_org.name in response.text
    assert "12.500.000 ₫" in response.text
    assert response.context["years"] == [(2026, 49_500_000), (2025, 99_000_000)]


def test_district_officer_sees_support_of_their_area_only(client, district_officer, spread):
    _neighbour, far = spread
    client.force_login(district_officer)

    response = client.get(LIST, {"year": 2026})

    assert response.context["grand_total"].total == 19_500_000
    assert far.name not in response.text


def test_producer_sees_their_own_support_only(client, producer, spread, producer_org):
    client.force_login(producer)

    response = client.get(LIST, {"year": 2026})

    assert {r.producer for r in response.context["records"]} == {producer_org}
    assert response.context["show_areas"] is False


def test_can_view_support_agrees_with_visible_to(request, spread, producer_org):
    records = list(SupportRecord.objects.all())
    names = ["producer", "stranger", "commune_officer", "district_officer"]
    users = [request.getfixturevalue(n) for n in [*names, "other_district_officer", "approver"]]

    answers = [
        (
            can_view_support(user, record),
            SupportRecord.objects.visible_to(user).filter(pk=record.pk).exists(),
        )
        for user in users
        for record in records
    ]

    assert all(predicate == scope for predicate, scope in answers)
    assert sum(predicate for predicate, _scope in answers[: len(records)]) == 2


def test_officer_records_support_typed_the_vietnamese_way(
    client, commune_officer, producer_org, today
):
    client.force_login(commune_officer)

    response = client.post(
        CREATE,
        {
            "producer": producer_org.pk,
            "kind": "trademark",
            "source": "local",
            "amount_vnd": "1.500.000",
            "given_on": "2026-09-01",
        },
    )

    assert response.status_code == 302
    record = SupportRecord.objects.get()
    assert (record.amount_vnd, record.recorded_by, record.producer) == (
        1_500_000,
        commune_officer,
        producer_org,
    )


def test_support_form_explains_a_bad_amount_and_a_foreign_product(
    client, commune_officer, producer_org, today
):
    other_product = factories.ProductFactory(producer__commune=producer_org.commune)
    client.force_login(commune_officer)

    response = client.post(
        CREATE,
        {
            "producer": producer_org.pk,
            "product": other_product.pk,
            "kind": "trademark",
            "source": "local",
            "amount_vnd": "1,5 triệu",
            "given_on": "2026-09-01",
        },
    )

    assert response.context["form"].errors == {
        "amount_vnd": ["Nhập số đồng, không dùng dấu phẩy, ví dụ 1.500.000."],
        "product": ["Hãy chọn một sản phẩm của chủ thể này."],
    }
    assert SupportRecord.objects.count() == 0


@pytest.mark.parametrize("persona", ["producer", "council_member"])
def test_producer_and_council_cannot_record_support(client, request, persona):
    client.force_login(request.getfixturevalue(persona))

    response = client.get(CREATE)

    assert response.status_code == 404


@pytest.mark.parametrize("item_count", [1, 3])
def test_support_list_query_count_is_constant(
    client, provincial_office, home_commune, item_count, warm_caches, django_assert_num_queries
):
    for _ in range(item_count):
        factories.SupportRecordFactory(producer=factories.ProducerFactory(commune=home_commune))
    client.force_login(provincial_office)

    with django_assert_num_queries(7):
        response = client.get(LIST, {"year": 2026})

    assert len(response.context["records"]) == item_count
