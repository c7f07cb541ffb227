"""The open-data JSON listing: public, paginated, filterable, the catalogue's rows."""

import pytest
from django.urls import reverse

from tests import factories

URL = reverse("reports:open-data")


@pytest.mark.django_db
def test_anyone_gets_the_listing_with_every_documented_field(client, recognitions):
    home = recognitions["home_4"]

    response = client.get(URL, {"q": "mat ong hoa nhan khoai chau"})

    body = response.json()
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert body == {
        "count": 1,
        "page": 1,
        "pages": 1,
        "page_size": 50,
        "next": None,
        "previous": None,
        "results": [
            {
                "certificate_number": home.number,
                "product_code": home.product_code,
                "product_name": "Mật ong hoa nhãn Khoái Châu",
                "stars": 4,
                "producer": {"name": home.product.producer.name, "kind": "cooperative"},
                "commune": {
                    "code": home.product.producer.commune.code,
                    "name": home.product.producer.commune.name,
                },
                "former_district": {"code": 330, "name": "Huyện Khoái Châu"},
                "province": {"code": 33, "name": "Tỉnh Hưng Yên"},
                "criteria_set": {
                    "decision": "26/2026",
                    "number": 4,
                    "name": "Mật ong, mật khác và nông sản thực phẩm khác",
                },
                "decision_number": home.decision_number,
                "decision_date": "2025-09-01",
                "valid_until": "2028-09-01",
                "extended_until": None,
                "status": "valid",
                "verification_url": f"http://127.0.0.1:8000/catalogue/verify/{home.number}/",
            }
        ],
    }


@pytest.mark.django_db
def test_listing_holds_only_current_certificates(client, recognitions):
    response = client.get(URL)

    numbers = sorted(item["certificate_number"] for item in response.json()["results"])
    assert numbers == sorted(
        recognitions[key].number
        for key in ("home_4", "home_3", "neighbour_5", "far_3", "elsewhere")
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"stars": 3}, ["far_3", "home_3"]),
        ({"set": 21}, ["far_3"]),
        ({"former_district": 331}, ["far_3"]),
        ({"former_district": 330, "stars": 5}, ["neighbour_5"]),
        ({"q": "MAT ONG khoai"}, ["home_4"]),
    ],
)
def test_listing_filters(client, recognitions, params, expected):
    response = client.get(URL, params)

    numbers = sorted(item["certificate_number"] for item in response.json()["results"])
    assert numbers == sorted(recognitions[key].number for key in expected)


@pytest.mark.django_db
def test_listing_filters_by_commune_code(client, recognitions, home_commune):
    response = client.get(URL, {"commune": home_commune.code})

    numbers = sorted(item["certificate_number"] for item in response.json()["results"])
    assert numbers == sorted(recognitions[key].number for key in ("home_4", "home_3"))


@pytest.mark.django_db
def test_listing_links_the_next_and_previous_pages(client, recognitions):
    first = client.get(URL, {"page_size": 2}).json()
    second = client.get(first["next"]).json()
    third = client.get(second["next"]).json()

    assert (first["count"], first["pages"]) == (5, 3)
    assert first["next"] == "http://testserver/reports/open-data/products.json?page_size=2&page=2"
    assert second["previous"] == (
        "http://testserver/reports/open-data/products.json?page_size=2&page=1"
    )
    assert (len(first["results"]), len(second["results"]), len(third["results"])) == (2, 2, 1)
    assert third["next"] is None
    listed = [i["certificate_number"] for p in (first, second, third) for i in p["results"]]
    assert len(set(listed)) == 5


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("params", "field"),
    [({"page_size": 101}, "page_size"), ({"stars": 2}, "stars"), ({"set": "x"}, "set")],
)
def test_listing_refuses_bad_parameters(client, areas, params, field):
    response = client.get(URL, params)

    assert response.status_code == 400
    assert list(response.json()["errors"]) == [field]


@pytest.mark.django_db
def test_listing_page_past_the_end_is_not_found(client, recognitions):
    response = client.get(URL, {"page": 9})

    assert response.status_code == 404
    assert response.json()["errors"]["page"][0]["code"] == "empty"


@pytest.mark.django_db
@pytest.mark.parametrize("item_count", [1, 3])
def test_listing_query_count_is_constant(
    client, certify, home_commune, item_count, django_assert_num_queries
):
    for _index in range(item_count):
        certify(home_commune)

    with django_assert_num_queries(2):
        response = client.get(URL)

    assert response.json()["count"] == item_count


@pytest.mark.django_db
@pytest.mark.parametrize("item_count", [1, 3])
def test_catalogue_csv_query_count_is_constant(
    client, certify, home_commune, item_count, django_assert_num_queries
):
    for _index in range(item_count):
        certify(home_commune)

    with django_assert_num_queries(1):
        response = client.get(reverse("reports:catalogue-csv"))
        lines = b"".join(response.streaming_content).decode().splitlines()

    assert len(lines) == 1 + item_count


@pytest.mark.django_db
def test_signed_in_producer_gets_the_same_listing(client, producer, recognitions):
    client.force_login(producer)
    factories.RoundFactory()

    response = client.get(URL)

    assert response.json()["count"] == 5
