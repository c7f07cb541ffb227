"""The home page: what the programme has achieved (public figures, read in a fixed number of
queries and cached per catalogue version) and the way in for each visitor."""

import datetime

import pytest
from django.urls import reverse

from certificates.models import RevocationGround
from certificates.services import revoke_certificate
from programme.models import Metric, PlanTarget
from tests import factories

HOME = reverse("home")


@pytest.fixture
def programme_year(today, listed, add_photo):
    """A 4★ and a 3★ product recognised this year, a target, and a trade fair next month."""
    honey = listed("Mật ong hoa nhãn", decision_date=today - datetime.timedelta(days=10))
    add_photo(honey.product, is_cover=True)
    listed("Chuối tiêu hồng", stars=3, decision_date=today - datetime.timedelta(days=20))
    PlanTarget.objects.create(province_id=33, year=today.year, metric=Metric.NEW_3_STAR_PLUS,
                              value=10)  # fmt: skip
    factories.TradeEventFactory(
        name="Hội chợ OCOP Hưng Yên",
        starts_on=today + datetime.timedelta(days=30),
        ends_on=today + datetime.timedelta(days=32),
    )
    return honey


@pytest.mark.django_db
def test_home_shows_what_the_programme_has_achieved_and_the_ways_in(client, programme_year):
    response = client.get(HOME)

    html = response.text
    photo = programme_year.product.photos.get()
    assert reverse("products:photo-thumbnail", args=[photo.pk]) in html  # featured with its photo
    assert "Hội chợ OCOP Hưng Yên" in html
    assert 'action="/catalogue/verify/"' in html
    assert reverse("accounts:signup") in html
    assert reverse("catalogue:list") in html
    assert "Huyện Khoái Châu" in html  # the producers' former district
    assert "2 / 10" in html  # two new products against a target of ten


@pytest.mark.django_db
@pytest.mark.parametrize("item_count", [1, 4])
def test_home_figures_take_the_same_queries_at_any_size(
    client, today, listed, add_photo, item_count, django_assert_num_queries, warm_caches
):
    for n in range(item_count):
        certificate = listed(f"Sản phẩm số {n}", stars=3 + n % 2)
        add_photo(certificate.product, is_cover=True)
        factories.TradeEventFactory(
            starts_on=today + datetime.timedelta(days=n + 1),
            ends_on=today + datetime.timedelta(days=n + 2),
        )
        PlanTarget.objects.get_or_create(
            province_id=33, year=today.year, metric=list(Metric)[n], defaults={"value": 5}
        )

    with django_assert_num_queries(9):
        client.get(HOME)
    with django_assert_num_queries(0):
        client.get(HOME)  # cached until something shown changes


@pytest.mark.django_db
def test_a_revoked_certificate_leaves_the_home_page_at_once(
    client, programme_year, approver, today
):
    assert "Mật ong hoa nhãn" in client.get(HOME).text

    revoke_certificate(
        programme_year, by=approver, ground=RevocationGround.QUALITY, revoked_on=today
    )

    assert "Mật ong hoa nhãn" not in client.get(HOME).text
