"""A producer submits only a complete dossier, only while the round accepts dossiers, and only
with a kind of evaluation that fits the product (Decision 26/2026, Art. 6, 7.1, 7.6)."""

import datetime

import pytest
from django.utils.translation import gettext as _

from dossiers import checklist
from dossiers.models import DossierKind, DossierState, RoundState
from evaluations import services, transitions
from evaluations.models import DossierEvent
from evaluations.transitions import TransitionError
from products.models import EvidenceKind
from tests import factories


def _refused(dossier, user):
    with pytest.raises(TransitionError) as refused:
        transitions.submit_dossier(dossier, by=user)
    dossier.refresh_from_db()
    assert dossier.state == DossierState.DRAFT
    assert DossierEvent.objects.filter(dossier=dossier, action="submit").count() == 0
    return str(refused.value)


@pytest.mark.django_db
def test_producer_cannot_submit_a_dossier_missing_required_documents(producer, draft):
    draft.product.documents.filter(kind__in=["quality_declaration", "food_safety"]).delete()

    message = _refused(draft, producer)

    missing = f"{EvidenceKind.QUALITY_DECLARATION.label}, {EvidenceKind.FOOD_SAFETY.label}"
    assert message == _("The dossier is not complete. Add: %(missing)s.") % {"missing": missing}


@pytest.mark.django_db
def test_an_expired_document_does_not_count(producer, draft, today):
    draft.product.documents.filter(kind="food_safety").update(
        issued_on=today - datetime.timedelta(days=400),
        expires_on=today - datetime.timedelta(days=1),
    )

    message = _refused(draft, producer)

    assert message == _("The dossier is not complete. Add: %(missing)s.") % {
        "missing": EvidenceKind.FOOD_SAFETY.label
    }


@pytest.mark.django_db
def test_producer_cannot_submit_without_photo_or_with_a_partial_self_assessment(producer, draft):
    draft.product.photos.all().delete()
    assessment = draft.product.self_assessment
    assessment.points_by_code = dict(list(assessment.points_by_code.items())[:3])
    assessment.save()

    assert checklist.missing_documents(draft) == [
        _("at least one product photo"),
        _("the self-assessment (Form 02 Part III)"),
    ]
    _refused(draft, producer)


@pytest.mark.django_db
def test_a_handicraft_needs_no_food_safety_certificate(producer_org, open_round):
    product = factories.complete_product(producer_org, criteria_set=21)
    product.documents.filter(kind="food_safety").delete()
    product.self_assessment.delete()
    factories.SelfAssessmentFactory(
        product=product, points_by_code=factories.complete_answers("26/2026", 21)
    )
    dossier = factories.DossierFactory(product=product, round=open_round)

    required = checklist.required_documents(dossier)

    assert EvidenceKind.FOOD_SAFETY not in required
    assert checklist.missing_documents(dossier) == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("state", "opens_in", "cutoff_in"),
    [
        (RoundState.PLANNED, -10, 30),
        (RoundState.OPEN, 5, 30),
        (RoundState.OPEN, -30, -1),
        (RoundState.COUNCIL, -30, 10),
    ],
    ids=["planned", "not-yet-open", "past-cut-off", "at-council"],
)
def test_producer_cannot_submit_when_the_round_does_not_accept(
    producer, draft, today, state, opens_in, cutoff_in
):
    round_ = draft.round
    round_.state = state
    round_.opens_on = today + datetime.timedelta(days=opens_in)
    round_.local_cutoff_on = today + datetime.timedelta(days=cutoff_in)
    round_.save()

    message = _refused(draft, producer)

    assert message == _(
        "Round “%(round)s” does not accept dossiers now (open %(opens)s to %(cutoff)s)."
    ) % {
        "round": round_.name,
        "opens": round_.opens_on.strftime("%d/%m/%Y"),
        "cutoff": round_.local_cutoff_on.strftime("%d/%m/%Y"),
    }


@pytest.mark.django_db
def test_producer_submits_on_the_cut_off_day(producer, draft, today):
    draft.round.local_cutoff_on = today
    draft.round.save()

    dossier = transitions.submit_dossier(draft, by=producer)

    assert dossier.state == DossierState.SUBMITTED


def _certificate(product, today, *, days_left, stars=3):
    valid_until = today + datetime.timedelta(days=days_left)
    return factories.CertificateFactory(
        dossier__product=product,
        dossier__round__year=2023,
        product=product,
        stars=stars,
        decision_date=valid_until - datetime.timedelta(days=1095),
        valid_until=valid_until,
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("days_left", "accepted"), [(181, False), (180, True), (120, True), (119, False)]
)
def test_re_evaluation_is_filed_180_to_120_days_before_expiry(
    producer, product, open_round, today, days_left, accepted
):
    certificate = _certificate(product, today, days_left=days_left)
    dossier = factories.DossierFactory(
        product=product,
        round=open_round,
        kind=DossierKind.RE_EVALUATION,
        previous_certificate=certificate,
    )

    problem = services.kind_problem(dossier, today)

    assert (problem is None) == accepted


@pytest.mark.django_db
def test_first_evaluation_is_refused_for_a_product_already_certified(
    producer, product, open_round, today
):
    _certificate(product, today, days_left=500)
    dossier = factories.DossierFactory(product=product, round=open_round, kind=DossierKind.FIRST)

    message = _refused(dossier, producer)

    assert message == _(
        "This product already holds a valid OCOP certificate: choose an upgrade or a "
        "re-evaluation instead of a first evaluation."
    )


@pytest.mark.django_db
def test_upgrade_needs_a_certificate_below_five_stars(producer, product, open_round, today):
    certificate = _certificate(product, today, days_left=500, stars=5)
    dossier = factories.DossierFactory(
        product=product,
        round=open_round,
        kind=DossierKind.UPGRADE,
        previous_certificate=certificate,
    )

    message = _refused(dossier, producer)

    assert message == _("A 5★ product cannot be upgraded.")


@pytest.mark.django_db
@pytest.mark.parametrize(("criteria_set", "food"), [(4, True), (14, True), (18, True), (21, False)])
def test_foods_and_drinks_need_the_food_safety_certificate(
    producer_org, open_round, criteria_set, food
):
    product = factories.ProductFactory(producer=producer_org, criteria_set=criteria_set)
    dossier = factories.DossierFactory(product=product, round=open_round)

    required = checklist.required_documents(dossier)

    assert (EvidenceKind.FOOD_SAFETY in required) == food
