"""The producer links documents to the criteria they prove; officials read the links; a
change after submission is audited."""

import pytest
from django.urls import reverse

from evaluations.models import DossierState
from evaluations.services import timeline
from products.models import CriterionEvidence, EvidenceKind
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def product(producer_org):
    return factories.ProductFactory(producer=producer_org, criteria_set=4)


@pytest.fixture
def trademark(product):
    return factories.DocumentFactory(product=product, kind=EvidenceKind.TRADEMARK)


@pytest.fixture
def labour_list(product):
    return factories.DocumentFactory(product=product, kind=EvidenceKind.LABOUR_LIST)


def _url(product):
    return reverse("products:criterion-evidence", kwargs={"pk": product.pk})


def _link(client, product, code, *documents):
    return client.post(_url(product), {"criterion": code, "documents": [d.pk for d in documents]})


def _linked(product):
    return sorted(
        CriterionEvidence.objects.filter(product=product).values_list(
            "criterion_code", "document__kind"
        )
    )


def test_page_shows_expected_kinds_and_the_products_documents_unticked(
    client, producer, product, trademark, labour_list
):
    client.force_login(producer)

    response = client.get(_url(product))

    html = response.content.decode()
    ip_row = next(r for r in response.context["rows"] if r.get("code") == "3.5")
    assert [kind for kind, _ in ip_row["evidence"].kinds] == ["trademark"]
    # Each document is offered only where its kind is accepted: the trademark papers at 3.5
    # (intellectual property), the labour list at 3.3 (local labour).
    offered = {
        r["code"]: [d.kind for d in r["offered"]] for r in response.context["rows"] if r["offered"]
    }
    assert offered == {"3.3": ["labour_list"], "3.5": ["trademark"]}
    assert html.count('name="documents"') == 2
    assert " checked" not in html.split('id="evidence-3-5"')[1].split("</form>")[0]


def test_producer_links_documents_to_one_criterion_keeping_the_others(
    client, producer, product, trademark, labour_list
):
    client.force_login(producer)
    _link(client, product, "3.3", labour_list)

    response = _link(client, product, "3.5", trademark)

    assert response.status_code == 302
    assert response["Location"].endswith("#evidence-3-5")
    assert _linked(product) == [("3.3", "labour_list"), ("3.5", "trademark")]


def test_unticking_every_document_removes_that_criterions_links_only(
    client, producer, product, trademark, labour_list
):
    client.force_login(producer)
    _link(client, product, "3.3", labour_list)
    _link(client, product, "3.5", trademark)

    _link(client, product, "3.5")

    assert _linked(product) == [("3.3", "labour_list")]


def test_a_document_of_another_product_cannot_be_linked(client, producer, product, producer_org):
    other = factories.DocumentFactory(product=factories.ProductFactory(producer=producer_org))
    client.force_login(producer)

    response = client.post(
        _url(product), {"criterion": "3.5", "documents": [other.pk]}, follow=True
    )

    assert CriterionEvidence.objects.count() == 0
    assert [m.level_tag for m in response.context["messages"]] == ["error"]


def test_a_criterion_not_on_the_sheet_is_refused(client, producer, product, trademark):
    client.force_login(producer)

    _link(client, product, "9.9", trademark)

    assert CriterionEvidence.objects.count() == 0


def test_deleting_a_document_removes_its_links(client, producer, product, trademark):
    client.force_login(producer)
    _link(client, product, "3.5", trademark)

    client.post(reverse("products:document-delete", kwargs={"pk": trademark.pk}))

    assert CriterionEvidence.objects.count() == 0


def test_links_made_for_another_criteria_set_are_not_shown(client, producer, product, trademark):
    client.force_login(producer)
    _link(client, product, "3.5", trademark)
    product.criteria_set = 5
    product.save()

    response = client.get(_url(product))

    assert all(not r["evidence"].documents for r in response.context["rows"] if r.get("options"))


def test_another_producer_gets_404_and_changes_nothing(client, stranger, product, trademark):
    client.force_login(stranger)

    assert client.get(_url(product)).status_code == 404
    assert _link(client, product, "3.5", trademark).status_code == 404
    assert CriterionEvidence.objects.count() == 0


def test_officer_of_the_dossier_reads_the_links_but_cannot_change_them(
    client, producer, commune_officer, product, trademark, labour_list
):
    factories.DossierFactory(product=product, state=DossierState.SUBMITTED, revision=1)
    CriterionEvidence.objects.create(
        product=product,
        criteria_decision="26/2026",
        criteria_set=4,
        criterion_code="3.5",
        document=trademark,
    )
    client.force_login(commune_officer)

    page = client.get(_url(product))
    refused = _link(client, product, "3.5", labour_list)

    html = page.content.decode()
    assert page.status_code == 200
    assert 'name="documents"' not in html
    assert trademark.get_absolute_url() in html.split('id="evidence-3-5"')[1].split("</form>")[0]
    assert refused.status_code == 403
    assert _linked(product) == [("3.5", "trademark")]


def test_officer_of_another_district_gets_404(client, other_district_officer, product):
    factories.DossierFactory(product=product, state=DossierState.SUBMITTED, revision=1)
    client.force_login(other_district_officer)

    assert client.get(_url(product)).status_code == 404


def test_links_cannot_change_while_the_dossier_is_under_review(
    client, producer, product, trademark
):
    factories.DossierFactory(product=product, state=DossierState.SUBMITTED, revision=1)
    client.force_login(producer)

    page = client.get(_url(product))
    _link(client, product, "3.5", trademark)

    assert 'name="documents"' not in page.content.decode()
    assert CriterionEvidence.objects.count() == 0


def test_change_after_a_submission_is_audited_on_the_dossier(client, producer, product, trademark):
    dossier = factories.DossierFactory(product=product, state=DossierState.RETURNED, revision=1)
    client.force_login(producer)

    _link(client, product, "3.5", trademark)
    _link(client, product, "3.5", trademark)  # unchanged: nothing more to audit

    [event] = timeline(dossier)
    assert (event.action, event.actor) == ("edit", producer)
    assert event.data == {"criterion": "3.5", "documents": [trademark.pk]}


def test_links_in_a_first_draft_are_not_audited(client, producer, product, trademark):
    draft = factories.DossierFactory(product=product, state=DossierState.DRAFT, revision=0)
    client.force_login(producer)

    _link(client, product, "3.5", trademark)

    assert _linked(product) == [("3.5", "trademark")]
    assert timeline(draft) == []
