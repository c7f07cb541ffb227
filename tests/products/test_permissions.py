"""A producer never sees, downloads or changes another producer's products; officials see the
products of dossiers they can see, read-only; photos are public once the product is certified."""

import pytest
from django.urls import get_resolver, reverse

from products.models import EvidenceDocument, Product, ProductPhoto, SelfAssessment
from products.permissions import can_view_product
from tests import factories
from tests.conftest import PERSONAS

pytestmark = pytest.mark.django_db
POST_ONLY = {
    "delete",
    "self-assessment-answer",
    "photo-cover",
    "photo-move",
    "photo-delete",
    "document-delete",
}


@pytest.fixture
def theirs(stranger):
    """The stranger's product with everything that could leak."""
    product = factories.ProductFactory(
        producer=stranger.producer_membership.producer, name="Nhãn lồng bí mật"
    )
    return {
        "product": product,
        "photo": factories.PhotoFactory(product=product),
        "document": factories.DocumentFactory(product=product),
        "assessment": factories.SelfAssessmentFactory(product=product, points_by_code={"1.1": "3"}),
        "dossier": factories.DossierFactory(product=product, state="returned"),
    }


def _products_namespace():
    """The products namespace as served: ocop_portal/urls.py adds the product's page to it."""
    return get_resolver().namespace_dict["products"][1].url_patterns


def _urls_by_object(objects) -> dict[str, str]:
    """Every products URL that names one object, reversed for the stranger's objects."""
    kinds = {"photo": "photo", "document": "document"}
    urls = {}
    for pattern in _products_namespace():
        if "<int:pk>" in str(pattern.pattern) and getattr(pattern, "name", None):
            urls[pattern.name] = reverse(
                f"products:{pattern.name}", kwargs={"pk": objects["product"].pk}
            )
        for sub in getattr(pattern, "url_patterns", []):
            kind = next((k for k in kinds if str(pattern.pattern).startswith(f"{k}s/")), "product")
            urls[sub.name] = reverse(f"products:{sub.name}", kwargs={"pk": objects[kind].pk})
    return urls


def test_every_products_url_with_an_object_is_covered(theirs):
    named = {
        p.name
        for p in _products_namespace()
        if getattr(p, "name", None) and "<int:pk>" not in str(p.pattern)
    }

    covered = set(_urls_by_object(theirs))

    assert named == {"list", "create"}
    assert covered == {
        "detail",
        "edit",
        "delete",
        "photos",
        "documents",
        "self-assessment",
        "self-assessment-answer",
        "criterion-evidence",
        "registration-form",
        "photo",
        "photo-thumbnail",
        "photo-cover",
        "photo-move",
        "photo-delete",
        "document-download",
        "document-delete",
    }


@pytest.mark.parametrize("method", ["get", "post"])
def test_producer_gets_404_on_every_url_of_another_producers_product(
    client, producer, theirs, method
):
    client.force_login(producer)
    urls = _urls_by_object(theirs)
    data = {"c-1.1": "0", "name": "Đổi tên", "criteria_set": "4", "direction": "up"}

    statuses = {name: getattr(client, method)(url, data).status_code for name, url in urls.items()}

    # Actions only take POST: a GET is refused before any object is looked up (405 for any pk).
    expected = {name: 405 if method == "get" and name in POST_ONLY else 404 for name in urls}
    assert statuses == expected
    assert Product.objects.get(pk=theirs["product"].pk).name == "Nhãn lồng bí mật"
    assert ProductPhoto.objects.filter(product=theirs["product"]).count() == 1
    assert EvidenceDocument.objects.filter(product=theirs["product"]).count() == 1
    assert SelfAssessment.objects.get().points_by_code == {"1.1": "3"}


def test_producer_uploading_to_another_producers_product_stores_nothing(client, producer, theirs):
    from tests.uploads import pdf_upload, photo_upload

    client.force_login(producer)
    pk = theirs["product"].pk

    photo = client.post(reverse("products:photos", kwargs={"pk": pk}), {"image": photo_upload()})
    document = client.post(
        reverse("products:documents", kwargs={"pk": pk}),
        {"kind": "contract", "file": pdf_upload()},
    )

    assert (photo.status_code, document.status_code) == (404, 404)
    assert (ProductPhoto.objects.count(), EvidenceDocument.objects.count()) == (1, 1)


def test_producer_lists_only_their_own_products(client, producer, producer_org, theirs):
    mine = factories.ProductFactory(producer=producer_org)
    client.force_login(producer)

    response = client.get(reverse("products:list"))

    assert list(response.context["products"]) == [mine]
    assert "Nhãn lồng bí mật" not in response.content.decode()


def test_fellow_member_of_the_producer_sees_and_edits_its_products(client, producer_org):
    product = factories.ProductFactory(producer=producer_org)
    member = factories.MembershipFactory(producer=producer_org, is_owner=False).user
    client.force_login(member)

    response = client.get(reverse("products:edit", kwargs={"pk": product.pk}))

    assert response.status_code == 200


@pytest.fixture
def submitted(producer_org):
    product = factories.ProductFactory(producer=producer_org)
    return {
        "product": product,
        "photo": factories.PhotoFactory(product=product),
        "document": factories.DocumentFactory(product=product),
        "dossier": factories.DossierFactory(product=product, state="submitted"),
    }


READ_URLS = ["detail", "documents", "document-download", "photo", "self-assessment"]


@pytest.mark.parametrize("persona", ["commune_officer", "district_officer", "provincial_office"])
def test_official_reads_the_product_of_a_dossier_in_their_jurisdiction(
    client, request, persona, submitted
):
    client.force_login(request.getfixturevalue(persona))
    urls = _urls_by_object(submitted)

    statuses = [client.get(urls[name]).status_code for name in READ_URLS]

    assert statuses == [200] * len(READ_URLS)


@pytest.mark.parametrize("name", ["edit", "photos", "photo-delete", "document-delete", "delete"])
def test_official_cannot_change_the_product(client, commune_officer, submitted, name):
    client.force_login(commune_officer)

    response = client.post(_urls_by_object(submitted)[name], {"name": "x", "criteria_set": "4"})

    assert response.status_code == 404
    assert (ProductPhoto.objects.count(), EvidenceDocument.objects.count()) == (1, 1)


@pytest.mark.parametrize("persona", ["other_district_officer", "council_member", "stranger"])
def test_outsiders_get_404_on_a_submitted_product(client, request, persona, submitted):
    client.force_login(request.getfixturevalue(persona))
    urls = _urls_by_object(submitted)

    statuses = [client.get(urls[name]).status_code for name in READ_URLS]

    assert statuses == [404] * len(READ_URLS)


def test_officer_does_not_see_a_product_whose_dossier_is_still_a_draft(
    client, commune_officer, producer_org
):
    product = factories.ProductFactory(producer=producer_org)
    factories.DossierFactory(product=product, state="draft")
    client.force_login(commune_officer)

    response = client.get(product.get_absolute_url())

    assert response.status_code == 404


def test_visitor_sees_photos_of_a_certified_product_but_not_its_documents(client, submitted):
    factories.CertificateFactory(dossier__product=submitted["product"])
    urls = _urls_by_object(submitted)

    statuses = [client.get(urls[n]).status_code for n in ("photo", "photo-thumbnail")]
    document = client.get(urls["document-download"])

    assert statuses == [200, 200]
    assert document.status_code == 302  # to sign in
    assert document["Location"].startswith(reverse("accounts:login"))


def test_visitor_gets_404_for_photos_of_a_product_without_a_current_certificate(client, submitted):
    urls = _urls_by_object(submitted)

    statuses = [client.get(urls[n]).status_code for n in ("photo", "photo-thumbnail")]

    assert statuses == [404, 404]


def test_stranger_sees_photos_of_a_certified_product_like_anyone(client, stranger, submitted):
    factories.CertificateFactory(dossier__product=submitted["product"])
    client.force_login(stranger)

    response = client.get(_urls_by_object(submitted)["photo-thumbnail"])

    assert response.status_code == 200


def test_can_view_product_agrees_with_visible_to(request, producer_org, stranger, far_commune):
    users = [request.getfixturevalue(persona) for persona in PERSONAS]
    council = factories.CouncilMemberFactory(user=request.getfixturevalue("council_member")).council
    far = stranger.producer_membership.producer
    products = [factories.ProductFactory(producer=producer_org)]  # no dossier
    for state in ["draft", "submitted", "returned", "forwarded", "approved"]:
        for owner in (producer_org, far):
            product = factories.ProductFactory(producer=owner)
            factories.DossierFactory(
                product=product,
                state=state,
                round=council.round,
                council=council if state == "forwarded" else None,
            )
            products.append(product)

    disagreements = [
        (user.email, product.pk)
        for user in users
        for product in products
        if can_view_product(user, product)
        != Product.objects.visible_to(user).filter(pk=product.pk).exists()
    ]

    assert disagreements == []
