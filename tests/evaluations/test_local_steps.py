"""The local review's refusals in the words the officer and the producer read, and the rules the
mutation run found untested (tests/MUTATION.md): a closed round freezes acceptance and
rejection too, a request for correction keeps every item asked (even after a repeated one), and a
resubmission is recorded under the producer who made it."""

import pytest
from django.utils.translation import gettext as _

from dossiers.models import CorrectionItem, DossierState, RoundState
from evaluations import transitions
from evaluations.models import DossierEvent
from evaluations.transitions import TransitionError
from tests import factories

from .conftest import ASSESSMENT

pytestmark = pytest.mark.django_db

ROUND_CLOSED = "The round is closed: its dossiers can no longer change."


def _last_event(dossier):
    return DossierEvent.objects.filter(dossier=dossier).latest("created_at", "pk")


def _round_in(dossier, state):
    dossier.round.state = state
    dossier.round.save()


@pytest.mark.parametrize(
    "step",
    [
        lambda d, u: transitions.accept_dossier(d, by=u, assessment=ASSESSMENT),
        lambda d, u: transitions.reject_dossier(d, by=u, reason="Sản phẩm không thuộc xã."),
    ],
    ids=["accept", "reject"],
)
def test_a_closed_rounds_submitted_dossier_is_neither_accepted_nor_rejected(
    commune_officer, submitted, step
):
    _round_in(submitted, RoundState.CLOSED)

    with pytest.raises(TransitionError) as refused:
        step(submitted, commune_officer)

    assert str(refused.value) == _(ROUND_CLOSED)
    submitted.refresh_from_db()
    assert submitted.state == DossierState.SUBMITTED


def test_a_closed_rounds_accepted_dossier_is_not_forwarded_and_says_why(
    commune_officer, make_dossier
):
    accepted = make_dossier(DossierState.ACCEPTED)
    _round_in(accepted, RoundState.CLOSED)

    with pytest.raises(TransitionError) as refused:
        transitions.forward_dossier(accepted, by=commune_officer)

    assert str(refused.value) == _(ROUND_CLOSED)


def test_a_dossier_accepted_without_form_03_is_not_forwarded(commune_officer, make_dossier):
    accepted = make_dossier(DossierState.ACCEPTED, local_assessment={})

    with pytest.raises(TransitionError) as refused:
        transitions.forward_dossier(accepted, by=commune_officer)

    assert str(refused.value) == _("Accept the dossier with the local assessment first.")
    accepted.refresh_from_db()
    assert accepted.state == DossierState.ACCEPTED


def test_steps_taken_without_a_comment_record_none(
    commune_officer, producer, producer_org, make_dossier
):
    def another(state, name):
        return make_dossier(state, product=factories.complete_product(producer_org, name=name))

    accepted = transitions.accept_dossier(
        make_dossier(DossierState.SUBMITTED), by=commune_officer, assessment=ASSESSMENT
    )
    transitions.forward_dossier(accepted, by=commune_officer)
    withdrawn = transitions.withdraw_dossier(another(DossierState.DRAFT, "Chè búp"), by=producer)
    returned = transitions.return_dossier(
        another(DossierState.SUBMITTED, "Nhãn sấy"),
        by=commune_officer,
        items=[{"item": "photos", "comment": "Thêm ảnh nhãn."}],
    )

    events = DossierEvent.objects.filter(dossier__in=[accepted, withdrawn, returned])
    assert sorted((event.action, event.comment) for event in events) == [
        ("accept", ""),
        ("forward", ""),
        ("return", ""),
        ("withdraw", ""),
    ]


def test_refusals_of_an_incomplete_step_say_what_is_missing(commune_officer, submitted):
    partial = ASSESSMENT | {"local_identity": "  "}

    with pytest.raises(TransitionError) as no_form:
        transitions.accept_dossier(submitted, by=commune_officer, assessment=partial)
    with pytest.raises(TransitionError) as no_reason:
        transitions.reject_dossier(submitted, by=commune_officer, reason="  ")
    with pytest.raises(TransitionError) as no_item:
        transitions.return_dossier(
            submitted, by=commune_officer, items=[{"item": "photos", "comment": ""}]
        )

    assert str(no_form.value) == _("Fill in all four areas of the local assessment (Form 03).")
    assert str(no_reason.value) == _("Give the reason for the rejection.")
    assert str(no_item.value) == _("List at least one item to correct, with a comment.")


def test_a_return_past_the_open_round_tells_the_officer_to_reject(commune_officer, submitted):
    _round_in(submitted, RoundState.COUNCIL)

    with pytest.raises(TransitionError) as refused:
        transitions.return_dossier(
            submitted, by=commune_officer, items=[{"item": "photos", "comment": "Thêm ảnh."}]
        )

    assert str(refused.value) == _(
        "The round is no longer open, so the producer could not resubmit: reject "
        "the dossier with the reason instead."
    )


def test_a_request_keeps_every_item_after_a_repeated_one(commune_officer, submitted):
    items = [
        {"item": "photos", "comment": "Thêm ảnh nhãn."},
        {"item": "photos", "comment": "Ảnh mặt sau."},  # the same item again: the first stands
        {"comment": "Ghi rõ địa chỉ cơ sở."},  # no item named: "other"
        {"item": "test_report", "comment": None},  # no comment: not asked
        {"item": "product_details", "comment": "Bổ sung quy cách đóng gói."},
    ]

    transitions.return_dossier(submitted, by=commune_officer, items=items)

    asked = CorrectionItem.objects.filter(dossier=submitted).order_by("pk")
    assert [(item.key, item.note) for item in asked] == [
        ("photos", "Thêm ảnh nhãn."),
        ("other", "Ghi rõ địa chỉ cơ sở."),
        ("product_details", "Bổ sung quy cách đóng gói."),
    ]
    assert [entry["item"] for entry in _last_event(submitted).data["items"]] == [
        "photos",
        "other",
        "product_details",
    ]


def test_a_criterion_outside_the_dossiers_set_is_named_in_the_refusal(commune_officer, submitted):
    with pytest.raises(TransitionError) as refused:
        transitions.return_dossier(
            submitted,
            by=commune_officer,
            items=[{"kind": "criterion", "item": "9.9", "comment": "Không rõ."}],
        )

    assert str(refused.value) == _("Criterion %(code)s is not on this dossier's criteria set.") % {
        "code": "9.9"
    }


def _returned_with_two_items(make_dossier, commune_officer):
    returned = transitions.return_dossier(
        make_dossier(DossierState.SUBMITTED),
        by=commune_officer,
        items=[
            {"item": "photos", "comment": "Thêm ảnh nhãn."},
            {"item": "test_report", "comment": "Phiếu kiểm nghiệm mới."},
        ],
    )
    return returned, list(CorrectionItem.objects.filter(dossier=returned).order_by("pk"))


def test_resubmitting_names_every_unanswered_item(producer, commune_officer, make_dossier):
    returned, (photos, report) = _returned_with_two_items(make_dossier, commune_officer)

    with pytest.raises(TransitionError) as refused:
        transitions.resubmit_dossier(returned, by=producer)

    assert str(refused.value) == _(
        "Answer every item of the request for correction before resubmitting: %(items)s."
    ) % {"items": f"{photos.label}; {report.label}"}


def test_a_closed_round_takes_no_resubmission(producer, commune_officer, make_dossier):
    returned, items = _returned_with_two_items(make_dossier, commune_officer)
    CorrectionItem.objects.filter(pk__in=[item.pk for item in items]).update(answer="Đã bổ sung.")
    _round_in(returned, RoundState.COUNCIL)

    with pytest.raises(TransitionError) as refused:
        transitions.resubmit_dossier(returned, by=producer)

    assert str(refused.value) == _("The round is closed; the dossier can no longer be resubmitted.")


def test_a_resubmission_is_the_producers_and_carries_the_answers_only_when_there_are_some(
    producer, producer_org, commune_officer, make_dossier
):
    returned, items = _returned_with_two_items(make_dossier, commune_officer)
    CorrectionItem.objects.filter(pk__in=[item.pk for item in items]).update(answer="Đã bổ sung.")
    bare = make_dossier(
        DossierState.RETURNED, product=factories.complete_product(producer_org, name="Chè búp")
    )

    transitions.resubmit_dossier(returned, by=producer)
    transitions.resubmit_dossier(bare, by=producer)

    revision = returned.revisions.get(number=2)
    assert revision.submitted_by == producer
    assert [answer["answer"] for answer in _last_event(returned).data["answers"]] == [
        "Đã bổ sung.",
        "Đã bổ sung.",
    ]
    assert "answers" not in _last_event(bare).data
    assert _last_event(bare).comment == ""


def test_a_second_officer_accepting_the_same_dossier_is_told_it_moved_on_not_that_they_did_it(
    commune_officer, district_officer, submitted
):
    transitions.accept_dossier(submitted, by=commune_officer, assessment=ASSESSMENT)

    with pytest.raises(TransitionError) as refused:
        transitions.accept_dossier(submitted, by=district_officer, assessment=ASSESSMENT)

    assert not isinstance(refused.value, transitions.AlreadyApplied)
    assert str(refused.value) == _(
        "This dossier has already moved on: it is now “%(state)s”, so the action was not "
        "applied. Reload the page to see what changed."
    ) % {"state": DossierState.ACCEPTED.label}


def test_the_same_officer_accepting_twice_is_told_it_is_already_done(
    producer, commune_officer, draft
):
    # The submission's audit row comes first; the clock is pinned, so both rows share a moment
    # and only the row order tells the last one.
    submitted = transitions.submit_dossier(draft, by=producer)
    transitions.accept_dossier(submitted, by=commune_officer, assessment=ASSESSMENT)

    with pytest.raises(transitions.AlreadyApplied) as repeated:
        transitions.accept_dossier(submitted, by=commune_officer, assessment=ASSESSMENT)

    assert str(repeated.value) == _("This was already done: the dossier is “%(state)s”.") % {
        "state": DossierState.ACCEPTED.label
    }
