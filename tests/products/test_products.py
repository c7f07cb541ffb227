import uuid

import pytest
from django.urls import reverse

from evaluations.services import timeline
from products.models import Product
from tests import factories

pytestmark = pytest.mark.django_db


def _product_data(**overrides) -> dict:
    return {"name": "Mật ong hoa nhãn Khoái Châu", "criteria_set": "4", **overrides}


def test_producer_saves_a_draft_product_with_only_a_name_and_a_set(client, producer, producer_org):
    client.force_login(producer)

    response = client.post(reverse("products:create"), _product_data())

    product = Product.objects.get()
    assert response["Location"] == product.get_absolute_url()
    assert (product.producer, product.name, product.criteria_decision, product.criteria_set) == (
        producer_org,
        "Mật ong hoa nhãn Khoái Châu",
        "26/2026",
        4,
    )


def test_producer_registers_every_field_of_the_product(client, producer):
    client.force_login(producer)
    data = _product_data(
        description="Mật ong nguyên chất",
        raw_material_origin="Vườn nhãn của hợp tác xã",
        in_province_material_share="85",
        capacity="5 tấn/năm",
        packaging="Hũ thủy tinh 500 ml",
        label_info="Nhãn có mã QR truy xuất",
        ingredients="100% mật ong hoa nhãn",
        usage_instructions="Pha với nước ấm",
        product_code="33-12019-001-2023",
    )

    client.post(reverse("products:create"), data)

    product = Product.objects.get()
    assert (product.in_province_material_share, product.capacity, product.product_code) == (
        85,
        "5 tấn/năm",
        "33-12019-001-2023",
    )


def test_product_form_keeps_what_was_typed_when_the_set_is_missing(client, producer):
    client.force_login(producer)

    response = client.post(
        reverse("products:create"), _product_data(criteria_set="", capacity="5 tấn/năm")
    )

    form = response.context["form"]
    assert list(form.errors) == ["criteria_set"]
    assert (form["name"].value(), form["capacity"].value()) == (
        "Mật ong hoa nhãn Khoái Châu",
        "5 tấn/năm",
    )
    assert Product.objects.count() == 0


def test_product_refuses_a_share_over_100_percent(client, producer):
    client.force_login(producer)

    response = client.post(
        reverse("products:create"), _product_data(in_province_material_share="120")
    )

    assert list(response.context["form"].errors) == ["in_province_material_share"]


def test_double_submitted_product_form_makes_one_product(client, producer):
    client.force_login(producer)
    data = _product_data(client_token=str(uuid.uuid4()))

    first = client.post(reverse("products:create"), data)
    second = client.post(reverse("products:create"), data)

    assert Product.objects.count() == 1
    assert first["Location"] == second["Location"]


def test_product_form_offers_sets_with_their_sector_and_group(client, producer):
    client.force_login(producer)

    response = client.get(reverse("products:create"))

    html = response.content.decode()
    assert 'data-sector="Thực phẩm" data-group="Thực phẩm thô, sơ chế"' in html
    assert len(response.context["form"].fields["criteria_set"].widget.sets) == 26


def test_producer_edits_a_product_and_a_returned_dossier_records_it(client, producer, producer_org):
    product = factories.ProductFactory(producer=producer_org)
    dossier = factories.DossierFactory(product=product, state="returned", revision=1)
    client.force_login(producer)

    client.post(
        reverse("products:edit", kwargs={"pk": product.pk}),
        _product_data(
            name=product.name,
            description=product.description,
            capacity="8 tấn/năm",
            version="1",
        ),
    )

    product.refresh_from_db()
    [event] = timeline(dossier)
    assert (product.capacity, product.version) == ("8 tấn/năm", 2)
    assert (event.action, event.data["fields"]) == ("edit", ["capacity"])


def test_product_saved_from_a_stale_tab_is_refused_and_keeps_the_typing(
    client, producer, producer_org
):
    product = factories.ProductFactory(producer=producer_org, version=2)
    client.force_login(producer)

    response = client.post(
        reverse("products:edit", kwargs={"pk": product.pk}),
        _product_data(capacity="typed in the old tab", version="1"),
    )

    product.refresh_from_db()
    form = response.context["form"]
    assert product.capacity == ""
    assert (form["capacity"].value(), form["version"].value()) == ("typed in the old tab", "2")


@pytest.mark.parametrize(
    "state", ["submitted", "accepted", "forwarded", "in_scoring", "scored", "nominated"]
)
def test_product_under_review_cannot_be_edited(client, producer, producer_org, state):
    product = factories.ProductFactory(producer=producer_org, name="Tên cũ")
    factories.DossierFactory(product=product, state=state)
    client.force_login(producer)

    response = client.post(
        reverse("products:edit", kwargs={"pk": product.pk}), _product_data(version="1")
    )

    product.refresh_from_db()
    assert response["Location"] == product.get_absolute_url()
    assert product.name == "Tên cũ"


@pytest.mark.parametrize("state", ["draft", "returned", "approved", "withdrawn"])
def test_product_with_a_draft_returned_or_finished_dossier_can_be_edited(
    client, producer, producer_org, state
):
    product = factories.ProductFactory(producer=producer_org)
    factories.DossierFactory(product=product, state=state)
    client.force_login(producer)

    client.post(
        reverse("products:edit", kwargs={"pk": product.pk}),
        _product_data(name="Tên mới", version="1"),
    )

    product.refresh_from_db()
    assert product.name == "Tên mới"


def test_producer_deletes_a_product_never_entered_in_a_round(client, producer, producer_org):
    product = factories.ProductFactory(producer=producer_org)
    factories.PhotoFactory(product=product)
    client.force_login(producer)

    response = client.post(reverse("products:delete", kwargs={"pk": product.pk}))

    assert response["Location"] == reverse("products:list")
    assert Product.objects.count() == 0


def test_product_with_a_dossier_cannot_be_deleted(client, producer, producer_org):
    product = factories.ProductFactory(producer=producer_org)
    factories.DossierFactory(product=product, state="withdrawn")
    client.force_login(producer)

    client.post(reverse("products:delete", kwargs={"pk": product.pk}))

    assert Product.objects.count() == 1


def test_registration_form_01_is_filled_from_the_profile_and_the_product(
    client, producer, producer_org
):
    product = factories.ProductFactory(producer=producer_org, name="Mật ong hoa nhãn")
    client.force_login(producer)

    response = client.get(reverse("products:registration-form", kwargs={"pk": product.pk}))

    html = response.content.decode()
    assert response.context["kind"] == "first"
    assert response.context["criteria_set"].number == 4
    assert [text in html for text in (producer_org.name, product.name, producer_org.tax_code)] == [
        True,
        True,
        True,
    ]


@pytest.mark.parametrize("item_count", [1, 3])
def test_product_list_query_count_is_constant(
    client, producer, producer_org, item_count, django_assert_num_queries
):
    for product in factories.ProductFactory.create_batch(item_count, producer=producer_org):
        factories.PhotoFactory(product=product)
    client.force_login(producer)
    client.get(reverse("products:list"))  # warm the per-process caches (header)

    with django_assert_num_queries(5):
        response = client.get(reverse("products:list"))

    assert len(response.context["products"]) == item_count


@pytest.mark.parametrize("item_count", [1, 3])
def test_official_product_list_query_count_is_constant(
    client, commune_officer, producer_org, item_count, django_assert_num_queries
):
    for product in factories.ProductFactory.create_batch(item_count, producer=producer_org):
        factories.DossierFactory(product=product, state="submitted")
    client.force_login(commune_officer)
    client.get(reverse("products:list"))

    with django_assert_num_queries(4):
        response = client.get(reverse("products:list"))

    assert len(response.context["products"]) == item_count


@pytest.mark.parametrize("item_count", [1, 3])
def test_document_list_query_count_is_constant(
    client, producer, producer_org, item_count, django_assert_num_queries
):
    product = factories.ProductFactory(producer=producer_org)
    factories.DocumentFactory.create_batch(item_count, product=product)
    client.force_login(producer)
    url = reverse("products:documents", kwargs={"pk": product.pk})
    client.get(url)

    # No query for the lock: an unlocked product says so on its own row.
    with django_assert_num_queries(5):
        response = client.get(url)

    assert len(response.context["documents"]) == item_count


@pytest.mark.parametrize("item_count", [1, 3])
def test_photo_list_query_count_is_constant(
    client, producer, producer_org, item_count, django_assert_num_queries
):
    product = factories.ProductFactory(producer=producer_org)
    factories.PhotoFactory.create_batch(item_count, product=product)
    client.force_login(producer)
    url = reverse("products:photos", kwargs={"pk": product.pk})
    client.get(url)

    # No query for the lock: an unlocked product says so on its own row.
    with django_assert_num_queries(5):
        response = client.get(url)

    assert len(response.context["photos"]) == item_count
