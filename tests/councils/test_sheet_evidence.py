"""Beside each criterion of the score sheet the council member sees the evidence the criterion
expects, the documents the producer linked to it, and a mark where an expected kind is missing."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from products.models import CriterionEvidence, EvidenceKind
from tests import factories

from .conftest import submitted_sheet

pytestmark = pytest.mark.django_db


def _link(product, code, kind, title):
    document = factories.DocumentFactory(product=product, kind=kind, title=title)
    CriterionEvidence.objects.create(
        product=product,
        criteria_decision=product.criteria_decision,
        criteria_set=product.criteria_set,
        criterion_code=code,
        document=document,
    )
    return document


def _criterion_html(response, anchor):
    return response.text.split(f'id="{anchor}"')[1].split("</fieldset>")[0]


def test_linked_document_is_shown_beside_its_criterion_only(client, council_member, dossier):
    certificate = _link(
        dossier.product, "3.5", EvidenceKind.TRADEMARK, "Giấy chứng nhận nhãn hiệu số 123"
    )
    client.force_login(council_member)

    response = client.get(reverse("evaluations:sheet", kwargs={"pk": dossier.pk}))

    ip = _criterion_html(response, "criterion-3-5")
    labour = _criterion_html(response, "criterion-3-3")
    assert "Giấy chứng nhận nhãn hiệu số 123" in ip
    assert certificate.get_absolute_url() in ip
    assert "data-missing" not in ip
    assert "Giấy chứng nhận nhãn hiệu số 123" not in labour


def test_expected_kind_without_a_document_is_marked(client, council_member, dossier):
    # 10 (quality assurance) expects the food-safety certificate and a QMS certification.
    _link(dossier.product, "10", EvidenceKind.FOOD_SAFETY, "Giấy chứng nhận ATTP")
    client.force_login(council_member)

    response = client.get(reverse("evaluations:sheet", kwargs={"pk": dossier.pk}))

    quality = _criterion_html(response, "criterion-10")
    assert 'data-missing="certification"' in quality
    assert 'data-missing="food_safety"' not in quality
    assert 'data-missing="labour_list"' in _criterion_html(response, "criterion-3-3")


def test_sample_criteria_carry_no_missing_mark(client, council_member, dossier):
    client.force_login(council_member)

    response = client.get(reverse("evaluations:sheet", kwargs={"pk": dossier.pk}))

    row = next(r for r in response.context["rows"] if r.get("anchor") == "criterion-6-1")
    assert (row["evidence"].kinds, row["evidence"].judged_on) == ([], "sample")
    assert "data-missing" not in _criterion_html(response, "criterion-6-1")


def test_chair_reading_a_members_sheet_sees_the_evidence_too(
    client, chair, council_member, dossier
):
    submitted_sheet(dossier, council_member, 60)
    _link(dossier.product, "3.5", EvidenceKind.TRADEMARK, "Giấy chứng nhận nhãn hiệu số 123")
    client.force_login(chair)

    response = client.get(
        reverse("evaluations:member-sheet", kwargs={"pk": dossier.pk, "user_pk": council_member.pk})
    )

    assert "Giấy chứng nhận nhãn hiệu số 123" in _criterion_html(response, "criterion-3-5")


def test_sheet_reads_the_evidence_once_whatever_its_size(
    client, council_member, dossier, warm_caches, django_assert_max_num_queries
):
    """Measured with one linked criterion, then held to that count with eight (16 queries
    when written; the count includes the other parts of the page, so it is measured here)."""
    url = reverse("evaluations:sheet", kwargs={"pk": dossier.pk})
    codes = ["1.1", "1.2", "1.4", "1.5", "1.6", "3.3", "3.5", "10"]
    _link(dossier.product, codes[0], EvidenceKind.OTHER, "Minh chứng 1.1")
    client.force_login(council_member)
    client.get(url)  # session and caches warmed
    with CaptureQueriesContext(connection) as one_link:
        client.get(url)
    for code in codes[1:]:
        _link(dossier.product, code, EvidenceKind.OTHER, f"Minh chứng {code}")
        _link(dossier.product, code, EvidenceKind.CONTRACT, f"Hợp đồng {code}")

    with django_assert_max_num_queries(len(one_link.captured_queries)):
        response = client.get(url)

    shown = [r for r in response.context["rows"] if r.get("evidence") and r["evidence"].documents]
    assert len(shown) == len(codes)
    assert len(one_link.captured_queries) <= 20
