"""A producer finds the way into a round from the product's page, and each missing piece of a
draft leads to the tab where it is added."""

import pytest
from django.urls import reverse

from dossiers.models import DossierState
from tests import factories

pytestmark = pytest.mark.django_db

ENTER = "Nộp hồ sơ vào đợt đánh giá"


def _enter_url(product):
    return reverse("evaluations:dossier-create") + f"?product={product.pk}"


def test_the_product_page_offers_entering_an_open_round(client, producer, product, open_round):
    client.force_login(producer)

    page = client.get(product.get_absolute_url()).text

    assert f'href="{_enter_url(product)}">{ENTER}</a>' in page


def test_no_entry_link_without_an_open_round(client, producer, product, today):
    factories.RoundFactory(state="planned")
    client.force_login(producer)

    assert ENTER not in client.get(product.get_absolute_url()).text


def test_no_entry_link_while_a_dossier_is_under_way(client, producer, make_dossier):
    dossier = make_dossier(DossierState.SUBMITTED)
    client.force_login(producer)

    assert ENTER not in client.get(dossier.product.get_absolute_url()).text


def test_an_officer_sees_no_entry_link(client, commune_officer, product, open_round):
    client.force_login(commune_officer)

    assert ENTER not in client.get(product.get_absolute_url()).text


def test_each_missing_item_of_a_draft_links_to_where_it_is_added(
    client, producer, product, make_dossier
):
    product.photos.all().delete()
    product.documents.filter(kind="business_registration").delete()
    dossier = make_dossier(DossierState.DRAFT)
    client.force_login(producer)

    response = client.get(dossier.get_absolute_url())

    links = {item.key: item.add_url for item in response.context["checklist"] if not item.ok}
    documents = reverse("products:documents", args=[product.pk])
    assert links == {
        "business_registration": f"{documents}?kind=business_registration#add-document",
        "photos": reverse("products:photos", args=[product.pk]),
    }
    page = response.text
    assert f'href="{documents}?kind=business_registration#add-document">Tải lên</a>' in page


def test_the_documents_tab_has_the_missing_kind_chosen(client, producer, product):
    client.force_login(producer)

    response = client.get(
        reverse("products:documents", args=[product.pk]) + "?kind=business_registration"
    )

    assert response.context["form"]["kind"].value() == "business_registration"
    assert 'id="add-document"' in response.text


def test_complete_it_on_the_dashboard_leads_to_the_documents_tab(client, producer, product):
    product.documents.filter(kind="business_registration").delete()
    client.force_login(producer)

    response = client.get(reverse("producers:dashboard"))

    (ask,) = [a for a in response.context["asks"] if a.link_label == "Bổ sung ngay"]
    documents = reverse("products:documents", args=[product.pk])
    assert ask.url == f"{documents}?kind=business_registration#add-document"
