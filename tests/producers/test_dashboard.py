import datetime

import pytest
from django.urls import reverse

from products.models import EvidenceKind
from tests import factories

pytestmark = pytest.mark.django_db


def _dashboard(client, user):
    client.force_login(user)
    return client.get(reverse("producers:dashboard"))


def test_producer_sees_each_products_dossiers_in_current_and_past_rounds(
    client, producer, producer_org, today
):
    product = factories.ProductFactory(producer=producer_org, name="Mật ong hoa nhãn")
    past = factories.RoundFactory(
        name="Đợt 2 năm 2025",
        year=2025,
        number=2,
        opens_on=datetime.date(2025, 8, 1),
        local_cutoff_on=datetime.date(2025, 9, 1),
        council_meeting_on=datetime.date(2025, 10, 1),
        closes_on=datetime.date(2025, 11, 1),
        state="closed",
    )
    old = factories.DossierFactory(product=product, round=past, state="not_recognised")
    current = factories.DossierFactory(product=product, state="submitted")

    response = _dashboard(client, producer)

    (row,) = response.context["rows"]
    assert row["product"] == product
    assert row["dossiers"] == [current, old]
    assert row["can_submit"] is False


def test_producer_is_asked_to_correct_a_returned_dossier_with_the_officers_comments(
    client, producer, producer_org, commune_officer
):
    dossier = factories.DossierFactory(product__producer=producer_org, state="returned")
    dossier.events.create(
        actor=commune_officer,
        action="return",
        from_state="submitted",
        to_state="returned",
        comment="Bổ sung phiếu kiểm nghiệm",
        data={"items": [{"item": "test_report", "comment": "Phiếu đã hết hạn"}]},
    )

    response = _dashboard(client, producer)

    (ask,) = [a for a in response.context["asks"] if a.level == "danger"]
    assert ask.details == ["Bổ sung phiếu kiểm nghiệm", "Phiếu đã hết hạn"]
    assert ask.url == reverse("evaluations:dossier-detail", kwargs={"pk": dossier.pk})


def test_producer_is_asked_to_renew_expiring_and_expired_documents(
    client, producer, producer_org, today
):
    product = factories.ProductFactory(producer=producer_org)
    factories.DocumentFactory(
        product=product,
        kind=EvidenceKind.FOOD_SAFETY,
        title="Giấy ATTP",
        expires_on=today + datetime.timedelta(days=30),
    )
    factories.DocumentFactory(
        product=product,
        kind=EvidenceKind.CERTIFICATION,
        title="VietGAP",
        expires_on=today - datetime.timedelta(days=1),
    )

    response = _dashboard(client, producer)

    renewals = [
        (a.level, a.url)
        for a in response.context["asks"]
        if "documents" in a.url and a.link_label != "Bổ sung ngay"  # not "add what is missing"
    ]
    assert sorted(renewals) == [
        ("danger", reverse("products:documents", kwargs={"pk": product.pk})),
        ("warning", reverse("products:documents", kwargs={"pk": product.pk})),
    ]


def test_producer_is_told_what_a_product_still_needs(client, producer, producer_org):
    product = factories.ProductFactory(producer=producer_org)

    response = _dashboard(client, producer)

    (ask,) = response.context["asks"]
    # "Bổ sung ngay" leads to the tab of the first missing piece, not the product's summary
    documents = reverse("products:documents", args=[product.pk])
    assert ask.url == f"{documents}?kind=business_registration#add-document"
    assert len(ask.details) == 6  # 3 documents + food safety, a photo, the self-assessment


def test_producer_sees_certificates_with_expiry_and_the_re_evaluation_window(
    client, producer, producer_org, today
):
    product = factories.ProductFactory(producer=producer_org)
    certificate = factories.CertificateFactory(
        dossier__product=product,
        decision_date=datetime.date(2023, 12, 1),
        valid_until=datetime.date(2027, 2, 1),
    )

    response = _dashboard(client, producer)

    assert response.context["certificates"] == [(product, certificate)]
    windows = [a for a in response.context["asks"] if "dossiers/new" in a.url]
    assert [a.url for a in windows] == [
        reverse("evaluations:dossier-create") + f"?product={product.pk}"
    ]


def test_dashboard_shows_nothing_of_another_producer(client, producer, stranger):
    factories.ProductFactory(producer=stranger.producer_membership.producer, name="Nhãn lồng")

    response = _dashboard(client, producer)

    assert response.context["rows"] == []
    assert "Nhãn lồng" not in response.content.decode()


@pytest.mark.parametrize("item_count", [1, 3])
def test_dashboard_query_count_is_constant(
    client, producer, producer_org, item_count, django_assert_num_queries
):
    for product in factories.ProductFactory.create_batch(item_count, producer=producer_org):
        factories.DossierFactory(product=product, state="returned")
        factories.DocumentFactory(product=product)
        factories.CertificateFactory(dossier__product=product)
    client.force_login(producer)
    client.get(reverse("producers:dashboard"))  # warm the per-process caches (header)

    with django_assert_num_queries(9):
        response = client.get(reverse("producers:dashboard"))

    assert len(response.context["rows"]) == item_count
