"""What each step of the local review records, beyond the state: the audit row's comment and
data, the Form 03 assessment, the revision and submission time, and the step's own rules."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Role
from dossiers.models import DossierState, RoundState
from evaluations import transitions
from evaluations.models import DossierEvent
from evaluations.transitions import AlreadyApplied, TransitionError
from products.models import EvidenceKind
from tests import factories

from .conftest import ASSESSMENT


def _last_event(dossier):
    return DossierEvent.objects.filter(dossier=dossier).latest("created_at", "pk")


@pytest.mark.django_db
def test_producer_submission_starts_revision_one_and_keeps_the_self_assessment(
    producer, draft, today
):
    dossier = transitions.submit_dossier(draft, by=producer)

    event = _last_event(dossier)
    assert (dossier.revision, timezone.localdate(dossier.submitted_at)) == (1, today)
    assert (event.action, event.data["revision"]) == ("submit", 1)
    assert event.data["self_assessment"] == draft.product.self_assessment.points_by_code


@pytest.mark.django_db
def test_officer_return_keeps_a_comment_per_item(commune_officer, submitted):
    items = [
        {"item": "test_report", "comment": "Phiếu kiểm nghiệm đã quá 12 tháng."},
        {"item": "photos", "comment": "  Bổ sung ảnh bao bì.  "},
        {"item": "product", "comment": "   "},
    ]

    dossier = transitions.return_dossier(
        submitted, by=commune_officer, items=items, comment="Đề nghị bổ sung trước 30/9."
    )

    event = _last_event(dossier)
    assert dossier.state == DossierState.RETURNED
    assert (event.action, event.actor, event.comment) == (
        "return",
        commune_officer,
        "Đề nghị bổ sung trước 30/9.",
    )
    assert event.data == {
        "items": [
            {"item": "test_report", "comment": "Phiếu kiểm nghiệm đã quá 12 tháng."},
            {"item": "photos", "comment": "Bổ sung ảnh bao bì."},
        ]
    }


@pytest.mark.django_db
def test_officer_cannot_return_without_an_item_to_correct(commune_officer, submitted):
    with pytest.raises(TransitionError):
        transitions.return_dossier(
            submitted, by=commune_officer, items=[{"item": "photos", "comment": " "}]
        )

    submitted.refresh_from_db()
    assert submitted.state == DossierState.SUBMITTED
    assert DossierEvent.objects.filter(dossier=submitted).count() == 0


@pytest.mark.django_db
def test_officer_cannot_return_once_the_round_left_the_open_state(
    commune_officer, submitted, open_round
):
    open_round.state = RoundState.COUNCIL
    open_round.save()

    with pytest.raises(TransitionError):
        transitions.return_dossier(
            submitted, by=commune_officer, items=[{"item": "photos", "comment": "Thêm ảnh"}]
        )

    submitted.refresh_from_db()
    assert submitted.state == DossierState.SUBMITTED


@pytest.mark.django_db
def test_producer_resubmission_is_a_new_revision_and_restarts_the_clock(
    producer, make_dossier, today
):
    returned = make_dossier(
        DossierState.RETURNED,
        revision=1,
        submitted_at=timezone.now() - datetime.timedelta(days=20),
    )

    dossier = transitions.resubmit_dossier(returned, by=producer, comment="Đã bổ sung phiếu.")

    event = _last_event(dossier)
    assert (dossier.state, dossier.revision) == (DossierState.SUBMITTED, 2)
    assert timezone.localdate(dossier.submitted_at) == today
    assert (event.action, event.from_state, event.comment, event.data["revision"]) == (
        "resubmit",
        "returned",
        "Đã bổ sung phiếu.",
        2,
    )


@pytest.mark.django_db
def test_producer_cannot_resubmit_a_dossier_that_is_still_incomplete(producer, make_dossier):
    returned = make_dossier(DossierState.RETURNED)
    returned.product.documents.filter(kind="test_report").delete()

    with pytest.raises(TransitionError) as refused:
        transitions.resubmit_dossier(returned, by=producer)

    returned.refresh_from_db()
    assert returned.state == DossierState.RETURNED
    assert str(refused.value) == _("The dossier is not complete. Add: %(missing)s.") % {
        "missing": EvidenceKind.TEST_REPORT.label
    }


@pytest.mark.django_db
def test_officer_accepts_with_the_four_areas_of_form_03(district_officer, submitted):
    dossier = transitions.accept_dossier(
        submitted,
        by=district_officer,
        assessment={**ASSESSMENT, "local_labour": "  12 lao động  "},
        comment="Đủ điều kiện.",
    )

    event = _last_event(dossier)
    expected = {**ASSESSMENT, "local_labour": "12 lao động"}
    submitted.refresh_from_db()
    assert (dossier.state, submitted.local_assessment) == (DossierState.ACCEPTED, expected)
    assert (event.action, event.comment, event.data) == (
        "accept",
        "Đủ điều kiện.",
        {"assessment": expected},
    )


@pytest.mark.django_db
def test_officer_cannot_accept_without_all_four_areas(district_officer, submitted):
    with pytest.raises(TransitionError):
        transitions.accept_dossier(
            submitted, by=district_officer, assessment={**ASSESSMENT, "idea_origin": ""}
        )

    submitted.refresh_from_db()
    assert (submitted.state, submitted.local_assessment) == (DossierState.SUBMITTED, {})


@pytest.mark.django_db
def test_officer_rejects_with_a_reason(commune_officer, submitted):
    dossier = transitions.reject_dossier(submitted, by=commune_officer, reason=" Trùng sản phẩm. ")

    event = _last_event(dossier)
    assert (dossier.state, event.action, event.comment) == (
        DossierState.REJECTED,
        "reject",
        "Trùng sản phẩm.",
    )


@pytest.mark.django_db
def test_officer_cannot_reject_without_a_reason(commune_officer, submitted):
    with pytest.raises(TransitionError):
        transitions.reject_dossier(submitted, by=commune_officer, reason="  ")

    submitted.refresh_from_db()
    assert submitted.state == DossierState.SUBMITTED


@pytest.mark.django_db
def test_officer_forwards_an_accepted_dossier_to_the_province(commune_officer, make_dossier):
    accepted = make_dossier(DossierState.ACCEPTED)

    dossier = transitions.forward_dossier(accepted, by=commune_officer, comment="Kèm Mẫu 03.")

    event = _last_event(dossier)
    assert (dossier.state, event.action, event.from_state, event.comment) == (
        DossierState.FORWARDED,
        "forward",
        "accepted",
        "Kèm Mẫu 03.",
    )


@pytest.mark.django_db
def test_officer_cannot_act_on_a_dossier_of_a_closed_round(commune_officer, make_dossier):
    accepted = make_dossier(DossierState.ACCEPTED)
    accepted.round.state = RoundState.CLOSED
    accepted.round.save()

    with pytest.raises(TransitionError):
        transitions.forward_dossier(accepted, by=commune_officer)

    accepted.refresh_from_db()
    assert accepted.state == DossierState.ACCEPTED


@pytest.mark.django_db
def test_officer_double_click_accepts_once(commune_officer, submitted):
    transitions.accept_dossier(submitted, by=commune_officer, assessment=ASSESSMENT)

    with pytest.raises(AlreadyApplied):
        transitions.accept_dossier(submitted, by=commune_officer, assessment=ASSESSMENT)

    assert DossierEvent.objects.filter(dossier=submitted, action="accept").count() == 1


@pytest.mark.django_db
def test_second_officer_is_told_the_dossier_has_moved_on(
    commune_officer, district_officer, submitted
):
    transitions.accept_dossier(submitted, by=commune_officer, assessment=ASSESSMENT)

    with pytest.raises(TransitionError) as refused:
        transitions.return_dossier(
            submitted, by=district_officer, items=[{"item": "photos", "comment": "Thêm ảnh"}]
        )

    assert not isinstance(refused.value, AlreadyApplied)
    assert str(refused.value) == _(
        "This dossier has already moved on: it is now “%(state)s”, so the action was not "
        "applied. Reload the page to see what changed."
    ) % {"state": DossierState.ACCEPTED.label}
    assert DossierEvent.objects.filter(dossier=submitted).count() == 1


@pytest.mark.django_db
def test_producer_withdraws_a_submitted_dossier(producer, submitted):
    dossier = transitions.withdraw_dossier(submitted, by=producer, comment="Chưa sẵn sàng.")

    event = _last_event(dossier)
    assert (dossier.state, event.action, event.comment) == (
        DossierState.WITHDRAWN,
        "withdraw",
        "Chưa sẵn sàng.",
    )


@pytest.mark.django_db
def test_officer_of_the_neighbour_commune_cannot_act(neighbour_commune, submitted):
    neighbour = factories.UserFactory(
        role=Role.LOCAL_OFFICER, jurisdiction_commune=neighbour_commune
    )

    with pytest.raises(PermissionDenied):
        transitions.accept_dossier(submitted, by=neighbour, assessment=ASSESSMENT)

    submitted.refresh_from_db()
    assert submitted.state == DossierState.SUBMITTED
