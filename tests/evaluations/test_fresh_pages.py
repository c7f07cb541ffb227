"""The officials' lists and the dossier page are rendered afresh for every view: a write shows
on the next view at once, whoever made it and however (a transition, a queryset update)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from dossiers.models import Dossier, DossierState
from products.models import Product
from tests import factories

pytestmark = pytest.mark.django_db


def _submitted(producer_org, **kwargs):
    return factories.DossierFactory(
        product__producer=producer_org,
        state=DossierState.SUBMITTED,
        revision=1,
        submitted_at=timezone.now() - datetime.timedelta(days=1),
        **kwargs,
    )


def test_a_dossier_submitted_after_a_view_of_the_queue_is_on_the_next_view(
    client, district_officer, producer_org, today
):
    client.force_login(district_officer)
    _submitted(producer_org, product__name="Nhãn lồng Hưng Yên")
    client.get(reverse("evaluations:queue"))

    _submitted(producer_org, product__name="Tương Bần")
    response = client.get(reverse("evaluations:queue"))

    assert [d.product.name for d in response.context["dossiers"]] == [
        "Nhãn lồng Hưng Yên",
        "Tương Bần",
    ]


def test_the_dossier_page_shows_a_rename_made_by_a_queryset_update(
    client, district_officer, producer_org, today
):
    dossier = _submitted(producer_org, product__name="Nhãn lồng Hưng Yên")
    url = reverse("evaluations:dossier-detail", args=[dossier.pk])
    client.force_login(district_officer)
    client.get(url)

    Product.objects.filter(pk=dossier.product_id).update(name="Nhãn lồng Phố Hiến")

    assert "Nhãn lồng Phố Hiến" in client.get(url).text


def test_the_producers_list_shows_the_new_state_of_a_dossier(client, producer, producer_org, today):
    dossier = _submitted(producer_org)
    client.force_login(producer)
    client.get(reverse("evaluations:my-dossiers"))

    Dossier.objects.filter(pk=dossier.pk).update(state=DossierState.RETURNED)
    response = client.get(reverse("evaluations:my-dossiers"))

    assert [d.state for d in response.context["dossiers"]] == [DossierState.RETURNED]


def test_the_results_list_shows_a_new_result_at_once(client, approver, producer_org):
    changelist = reverse("admin:councils_councilresult_changelist")
    client.force_login(approver)
    client.get(changelist)

    factories.CouncilResultFactory(
        dossier__product=factories.ProductFactory(
            producer=producer_org, name="Gạo nếp cái hoa vàng"
        )
    )
    response = client.get(changelist)

    assert "Gạo nếp cái hoa vàng" in response.text
