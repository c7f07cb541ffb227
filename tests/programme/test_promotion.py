"""Trade promotion: where to buy, the events calendar, the printable area catalogue."""

import datetime

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from programme.areas import Area
from programme.models import EventParticipation, SalesPoint, TradeEvent
from programme.selectors import area_certificates, promotion_for
from tests import factories

pytestmark = pytest.mark.django_db
EVENTS = reverse("programme:events")
PDF = reverse("programme:area-catalogue-pdf")


@pytest.fixture
def product(producer_org):
    return factories.ProductFactory(producer=producer_org, name="Mật ong hoa nhãn")


def _points(product):
    return reverse("programme:sales-points", args=[product.pk])


def test_public_page_shows_the_contact_only_when_the_producer_agreed(product, producer_org, today):
    hidden = promotion_for(product)
    producer_org.publish_contact = True
    producer_org.save()
    product.refresh_from_db()

    shown = promotion_for(product)

    assert (hidden.contact, shown.contact) == (
        None,
        {"phone": producer_org.phone, "email": producer_org.email, "website": ""},
    )
    html = render_to_string("programme/_where_to_buy.html", {"promotion": hidden})
    assert (producer_org.phone in html, producer_org.email in html) == (False, False)


def test_where_to_buy_lists_shops_online_shops_and_upcoming_events(product, today):
    shop = factories.SalesPointFactory(product=product, name="Cửa hàng OCOP Phố Hiến")
    online = factories.SalesPointFactory(
        product=product,
        kind="online",
        name="Gian hàng Postmart",
        address="",
        url="https://postmart.vn/mat-ong",
    )
    upcoming = factories.EventParticipationFactory(product=product).event
    factories.EventParticipationFactory(product=product, event__public=False)
    factories.EventParticipationFactory(
        product=product, event__starts_on=datetime.date(2026, 1, 10)
    )

    promotion = promotion_for(product)

    assert (promotion.shops, promotion.online, promotion.events) == ([shop], [online], [upcoming])
    html = render_to_string("programme/_where_to_buy.html", {"promotion": promotion})
    for text in ["Cửa hàng OCOP Phố Hiến", "https://postmart.vn/mat-ong", upcoming.name]:
        assert text in html


def test_producer_adds_and_removes_a_sales_point(client, producer, product):
    client.force_login(producer)

    client.post(
        _points(product), {"kind": "online", "name": "Shopee", "url": "https://shopee.vn/x"}
    )
    point = SalesPoint.objects.get()
    client.post(reverse("programme:sales-point-delete", args=[point.pk]))

    assert (point.product, point.url, SalesPoint.objects.count()) == (
        product,
        "https://shopee.vn/x",
        0,
    )


def test_online_shop_needs_its_link(client, producer, product):
    client.force_login(producer)

    response = client.post(_points(product), {"kind": "online", "name": "Shopee", "url": ""})

    assert list(response.context["form"].errors) == ["url"]
    assert SalesPoint.objects.count() == 0


@pytest.mark.parametrize("persona", ["stranger", "commune_officer", "provincial_office"])
def test_only_the_producer_manages_its_sales_points(client, request, product, persona):
    point = factories.SalesPointFactory(product=product)
    client.force_login(request.getfixturevalue(persona))

    responses = [
        client.get(_points(product)),
        client.post(reverse("programme:sales-point-delete", args=[point.pk])),
    ]

    assert [r.status_code for r in responses] == [404, 404]
    assert SalesPoint.objects.count() == 1


def test_public_calendar_shows_upcoming_and_past_events_with_products(client, product, today):
    soon = factories.TradeEventFactory(name="Hội chợ OCOP Hưng Yên 2026")
    factories.EventParticipationFactory(event=soon, product=product, booth="A12")
    done = factories.TradeEventFactory(
        name="Hội chợ Xuân",
        starts_on=datetime.date(2026, 1, 20),
        ends_on=datetime.date(2026, 1, 25),
    )
    factories.TradeEventFactory(name="Họp nội bộ", public=False)

    response = client.get(EVENTS)

    assert (response.context["upcoming"], response.context["past"]) == ([soon], [done])
    assert "Mật ong hoa nhãn" in response.text
    assert "Họp nội bộ" not in response.text


def test_unpublished_event_is_hidden_from_the_public_only(client, provincial_office):
    event = factories.TradeEventFactory(public=False)
    url = reverse("programme:event-detail", args=[event.pk])

    public = client.get(url)
    client.force_login(provincial_office)
    office = client.get(url)

    assert (public.status_code, office.status_code) == (404, 200)


def test_office_adds_an_event_and_a_recognised_product(client, provincial_office, recognise, today):
    product = recognise().product
    client.force_login(provincial_office)

    client.post(
        reverse("programme:event-create"),
        {
            "kind": "trade_fair",
            "name": "Tuần hàng OCOP",
            "starts_on": "2026-10-01",
            "ends_on": "2026-10-05",
            "place": "Phố Hiến",
            "public": "on",
        },
    )
    event = TradeEvent.objects.get()
    client.post(reverse("programme:event-product-add", args=[event.pk]), {"product": product.pk})

    assert (event.created_by, list(event.products.all())) == (provincial_office, [product])


@pytest.mark.parametrize("persona", ["producer", "district_officer"])
def test_only_the_office_manages_events(client, request, persona, product):
    event = factories.TradeEventFactory()
    client.force_login(request.getfixturevalue(persona))

    responses = [
        client.get(reverse("programme:event-create")),
        client.post(
            reverse("programme:event-product-add", args=[event.pk]), {"product": product.pk}
        ),
    ]

    assert [r.status_code for r in responses] == [404, 404]
    assert EventParticipation.objects.count() == 0


@pytest.mark.parametrize("item_count", [1, 3])
def test_events_query_count_is_constant(
    client, item_count, warm_caches, django_assert_num_queries, today
):
    for _ in range(item_count):
        factories.EventParticipationFactory()

    with django_assert_num_queries(3):  # upcoming, their products, past (none: no prefetch)
        response = client.get(EVENTS)

    assert len(response.context["upcoming"]) == item_count


def test_area_catalogue_lists_the_area_products_with_a_current_certificate(
    recognise, producer_org, far_commune, khoai_chau, today
):
    recognise(product=factories.ProductFactory(producer=producer_org, name="Mật ong"))
    recognise(product=factories.ProductFactory(producer=producer_org, name="Bột sắn dây"))
    recognise(
        product=factories.ProductFactory(producer=producer_org, name="Chè cũ"),
        on=datetime.date(2023, 1, 5),
    )
    recognise(product=factories.ProductFactory(producer__commune=far_commune, name="Nhãn lồng"))

    certificates = area_certificates(Area.of(khoai_chau))

    assert [c.product.name for c in certificates] == ["Bột sắn dây", "Mật ong"]


def test_public_downloads_the_area_catalogue_as_pdf(client, recognise, producer_org, khoai_chau):
    recognise(producer_org)

    response = client.get(PDF, {"former_district": khoai_chau.pk})

    assert (response.status_code, response["Content-Type"]) == (200, "application/pdf")
    assert response.content.startswith(b"%PDF")


def test_area_catalogue_of_an_unknown_area_is_not_found(client):
    response = client.get(PDF, {"commune": 1})

    assert response.status_code == 404
