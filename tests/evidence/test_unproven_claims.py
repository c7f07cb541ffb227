"""A criterion claimed at a star minimum without any linked document is flagged to the producer
before submission - a warning, never a refusal."""

import pytest
from django.urls import reverse

from criteria import scoring
from dossiers.models import DossierState
from evaluations.transitions import submit_dossier
from products.evidence import unproven_claims
from products.models import CriterionEvidence, EvidenceKind
from tests import factories

pytestmark = pytest.mark.django_db


def _product(producer_org, **options):
    """A honey product (set 4) whose self-assessment ticks the option index given per criterion
    (underscores for dots), the lowest option elsewhere."""
    product = factories.complete_product(producer_org, criteria_set=4)
    assessment = product.self_assessment
    sheet = scoring.load_criteria_set("26/2026", 4)
    points, chosen = {}, {}
    for criterion in sheet.leaf_criteria():
        index = options.get(criterion.code.replace(".", "_"), 0)
        points[criterion.code] = str(criterion.options[index].points)
        chosen[criterion.code] = index
    assessment.points_by_code, assessment.options_by_code = points, chosen
    assessment.save()
    return product


def _link(product, code, kind):
    document = factories.DocumentFactory(product=product, kind=kind)
    CriterionEvidence.objects.create(
        product=product,
        criteria_decision=product.criteria_decision,
        criteria_set=product.criteria_set,
        criterion_code=code,
        document=document,
    )


def _flagged(product):
    return {claim.code: claim.stars for claim in unproven_claims(product)}


def test_claim_at_a_star_minimum_without_evidence_is_flagged(producer_org):
    # 3.5 option 0 (trademark application accepted) is the 3★ minimum; 3.4 option 1 the 4★ one.
    product = _product(producer_org, **{"3_4": 1})

    flagged = _flagged(product)

    assert flagged["3.5"] == 3
    assert flagged["3.4"] == 4


def test_claim_with_a_linked_document_is_not_flagged(producer_org):
    product = _product(producer_org)
    _link(product, "3.5", EvidenceKind.TRADEMARK)

    assert "3.5" not in _flagged(product)


def test_claim_below_every_minimum_is_not_flagged(producer_org):
    # 4.1 option 0 (1 point) is below its 3★ minimum (2 points); 3.4 option 0 below 4★.
    product = _product(producer_org)

    flagged = _flagged(product)

    assert "4.1" not in flagged
    assert "3.4" not in flagged


def test_criterion_judged_on_the_sample_is_never_flagged(producer_org):
    # 2.2 option 2 (creative packaging) is the 3★ minimum, but the council sees the sample.
    product = _product(producer_org, **{"2_2": 2})

    assert "2.2" not in _flagged(product)


def test_no_self_assessment_means_no_flag(producer_org):
    product = factories.ProductFactory(producer=producer_org, criteria_set=4)

    assert unproven_claims(product) == []


def test_self_assessment_page_lists_the_flag_with_a_link_to_fix_it(client, producer, producer_org):
    product = _product(producer_org)
    client.force_login(producer)

    response = client.get(reverse("products:self-assessment", kwargs={"pk": product.pk}))

    fix = reverse("products:criterion-evidence", kwargs={"pk": product.pk}) + "#evidence-3-5"
    html = response.content.decode()
    assert f'href="{fix}"' in html
    claim = next(c for c in response.context["claims"] if c.code == "3.5")
    assert claim.kinds == [EvidenceKind.TRADEMARK.label]
    assert str(claim.kinds[0]) in html.split('data-criterion="3.5"')[1].split("</li>")[0]


def test_submit_page_warns_but_the_dossier_can_still_be_submitted(client, producer, producer_org):
    product = _product(producer_org)
    dossier = factories.DossierFactory(product=product, state=DossierState.DRAFT, revision=0)
    client.force_login(producer)

    page = client.get(dossier.get_absolute_url())
    submit_dossier(dossier, by=producer)

    fix = reverse("products:criterion-evidence", kwargs={"pk": product.pk}) + "#evidence-3-5"
    assert "3.5" in {claim.code for claim in page.context["evidence_claims"]}
    assert f'href="{fix}"' in page.content.decode()
    dossier.refresh_from_db()
    assert dossier.state == DossierState.SUBMITTED


def test_officials_are_not_shown_the_producers_warnings(client, commune_officer, producer_org):
    product = _product(producer_org)
    dossier = factories.DossierFactory(product=product, state=DossierState.SUBMITTED, revision=1)
    client.force_login(commune_officer)

    page = client.get(dossier.get_absolute_url())

    assert page.context["evidence_claims"] == []
