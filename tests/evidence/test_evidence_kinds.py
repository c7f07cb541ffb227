"""A document proves a criterion only if it is of a kind the criterion accepts (the evidence data,
after Form 02 Part III): a test report does not prove criterion 8's quality declaration. The
page, the service and the model refuse it, with a message naming the accepted kinds, and nothing
already saved is lost."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from products.evidence import link_criterion_evidence, unproven_claims
from products.models import CriterionEvidence, EvidenceKind
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def product(producer_org):
    return factories.ProductFactory(producer=producer_org, criteria_set=6)  # rice, cereals


@pytest.fixture
def declaration(product):
    return factories.DocumentFactory(
        product=product, kind=EvidenceKind.QUALITY_DECLARATION, title="Bản tự công bố 01/2026"
    )


@pytest.fixture
def test_report(product):
    return factories.DocumentFactory(
        product=product, kind=EvidenceKind.TEST_REPORT, title="Phiếu kiểm nghiệm số 45"
    )


def _url(product):
    return reverse("products:criterion-evidence", kwargs={"pk": product.pk})


def _linked(product):
    return sorted(
        CriterionEvidence.objects.filter(product=product).values_list(
            "criterion_code", "document__title"
        )
    )


def _legacy_link(product, code, document):
    """A link written before kinds were checked (arranged directly)."""
    return CriterionEvidence.objects.create(
        product=product,
        criteria_decision="26/2026",
        criteria_set=6,
        criterion_code=code,
        document=document,
    )


def test_a_test_report_linked_to_the_quality_declaration_is_refused_and_the_saved_link_kept(
    today, client, producer, product, declaration, test_report
):
    client.force_login(producer)
    client.post(_url(product), {"criterion": "8", "documents": [declaration.pk]}, follow=True)

    response = client.post(
        _url(product),
        {"criterion": "8", "documents": [declaration.pk, test_report.pk]},
        follow=True,
    )

    assert [str(m) for m in response.context["messages"]] == [
        "“Phiếu kiểm nghiệm số 45” là tài liệu loại “Phiếu kết quả kiểm nghiệm”; tiêu chí 8 "
        "chỉ nhận: Bản công bố chất lượng. Chưa có gì thay đổi."
    ]
    assert _linked(product) == [("8", "Bản tự công bố 01/2026")]


def test_the_service_refuses_it_whatever_path_calls_it(today, producer, product, test_report):
    with pytest.raises(ValidationError) as refused:
        link_criterion_evidence(
            product, by=producer, criterion_code="8", document_ids=[test_report.pk]
        )

    assert refused.value.code == "wrong_kind"
    assert not CriterionEvidence.objects.exists()


def test_a_criterion_accepting_two_kinds_takes_either(today, producer, product):
    safety = factories.DocumentFactory(product=product, kind=EvidenceKind.FOOD_SAFETY)
    haccp = factories.DocumentFactory(product=product, kind=EvidenceKind.CERTIFICATION)

    changed = link_criterion_evidence(
        product, by=producer, criterion_code="9", document_ids=[safety.pk, haccp.pk]
    )

    assert changed is True
    assert CriterionEvidence.objects.filter(criterion_code="9").count() == 2


def test_a_criterion_judged_on_the_samples_takes_no_document(today, producer, product, test_report):
    with pytest.raises(ValidationError) as refused:
        link_criterion_evidence(
            product, by=producer, criterion_code="6.5", document_ids=[test_report.pk]
        )

    assert refused.value.messages == [
        "Tiêu chí 6.5 được đánh giá trên mẫu sản phẩm, tại cơ sở hoặc từ nội dung hồ sơ; "
        "tiêu chí này không nhận tài liệu minh chứng. Chưa có gì thay đổi."
    ]
    assert not CriterionEvidence.objects.exists()


def test_the_model_refuses_it_too_for_the_admin_and_model_forms(today, product, test_report):
    link = CriterionEvidence(
        product=product,
        criteria_decision="26/2026",
        criteria_set=6,
        criterion_code="8",
        document=test_report,
    )

    with pytest.raises(ValidationError, match="chỉ nhận: Bản công bố chất lượng"):
        link.full_clean()


def test_the_page_offers_a_document_only_where_its_kind_is_accepted(
    today, client, producer, product, declaration, test_report
):
    client.force_login(producer)

    page = client.get(_url(product))

    offered = {r["code"]: [d.title for d in r["offered"]] for r in page.context["rows"]}
    assert offered["8"] == ["Bản tự công bố 01/2026"]
    assert offered["6.5"] == []
    block = page.text.split('id="evidence-8"')[1].split("</form>")[0]
    assert "Phiếu kiểm nghiệm số 45" not in block


def test_a_wrong_link_saved_earlier_is_flagged_proves_nothing_and_can_be_unticked(
    today, client, producer, product, test_report
):
    _legacy_link(product, "8", test_report)
    factories.SelfAssessmentFactory(product=product, points_by_code={"8": "5"})
    client.force_login(producer)

    page = client.get(_url(product))
    claims = [claim.code for claim in unproven_claims(product)]
    client.post(_url(product), {"criterion": "8", "documents": []})

    block = page.text.split('id="evidence-8"')[1].split("</form>")[0]
    assert "Đã gắn nhưng không thuộc loại tài liệu tiêu chí này nhận" in block
    assert f'value="{test_report.pk}"' in block
    assert "8" in claims
    assert _linked(product) == []
