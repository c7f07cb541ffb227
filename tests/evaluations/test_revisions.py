"""Dossier revisions and the itemised request for correction: each submission keeps what it
held; a return is a list of items with notes; the producer answers each before resubmitting."""

import pytest
from django.core.exceptions import PermissionDenied

from dossiers import corrections, revisions
from dossiers.models import CorrectionItem, DossierRevision, DossierState
from evaluations import transitions
from evaluations.models import DossierEvent
from evaluations.transitions import TransitionError
from products.models import EvidenceKind
from tests import factories

ITEMS = [
    {"item": "test_report", "comment": "Phiếu kiểm nghiệm đã quá 12 tháng."},
    {"item": "1.2", "kind": "criterion", "comment": "Chưa có giấy chứng nhận vùng nguyên liệu."},
]


def _return(dossier, officer, items=ITEMS):
    return transitions.return_dossier(dossier, by=officer, items=items, comment="Bổ sung.")


def _answer_all(dossier, producer):
    answers = {item.pk: f"Đã bổ sung: {item.key}" for item in corrections.latest_request(dossier)}
    corrections.answer_corrections(dossier, by=producer, answers=answers)


@pytest.mark.django_db
def test_submitting_keeps_a_revision_with_the_content_submitted(producer, draft):
    dossier = transitions.submit_dossier(draft, by=producer)

    revision = DossierRevision.objects.get(dossier=dossier)
    kinds = sorted(document["kind"] for document in revision.snapshot["documents"])
    assert (revision.number, revision.submitted_by, revision.submitted_at) == (
        1,
        producer,
        dossier.submitted_at,
    )
    assert revision.snapshot["product"]["name"] == "Mật ong hoa nhãn Khoái Châu"
    assert kinds == sorted(
        ["business_registration", "quality_declaration", "test_report", "food_safety"]
    )
    assert len(revision.snapshot["photos"]) == 1
    assert revision.snapshot["self_assessment"] == {
        code: {"points": points, "option": None}
        for code, points in factories.complete_answers().items()
    }


@pytest.mark.django_db
def test_officer_return_creates_one_correction_item_per_ticked_item_and_audits_them(
    commune_officer, submitted
):
    dossier = _return(submitted, commune_officer)

    rows = list(
        CorrectionItem.objects.filter(dossier=dossier).values_list(
            "revision", "kind", "key", "label", "note", "requested_by", "answer"
        )
    )
    event = DossierEvent.objects.get(dossier=dossier, action="return")
    assert rows == [
        (1, "checklist", "test_report", "Phiếu kết quả kiểm nghiệm", ITEMS[0]["comment"],
         commune_officer.pk, ""),
        (1, "criterion", "1.2", "1.2. Vùng nguyên liệu được cấp chứng nhận chất lượng",
         ITEMS[1]["comment"], commune_officer.pk, ""),
    ]  # fmt: skip
    assert event.data["items"] == [
        {"item": "test_report", "comment": ITEMS[0]["comment"]},
        {
            "kind": "criterion",
            "item": "1.2",
            "label": "1.2. Vùng nguyên liệu được cấp chứng nhận chất lượng",
            "comment": ITEMS[1]["comment"],
        },
    ]


@pytest.mark.django_db
def test_officer_cannot_ask_about_a_criterion_of_another_set(commune_officer, submitted):
    with pytest.raises(TransitionError, match=r"9\.9"):
        _return(submitted, commune_officer, [{"item": "9.9", "kind": "criterion", "comment": "x"}])

    submitted.refresh_from_db()
    assert submitted.state == DossierState.SUBMITTED
    assert not CorrectionItem.objects.exists()


@pytest.mark.django_db
def test_resubmission_is_refused_until_every_item_is_answered(producer, commune_officer, submitted):
    dossier = _return(submitted, commune_officer)
    first = corrections.latest_request(dossier)[0]
    corrections.answer_corrections(dossier, by=producer, answers={first.pk: "Đã thay phiếu mới."})

    with pytest.raises(TransitionError) as refused:
        transitions.resubmit_dossier(dossier, by=producer)

    dossier.refresh_from_db()
    assert "1.2. Vùng nguyên liệu" in str(refused.value)
    assert "Phiếu kết quả kiểm nghiệm" not in str(refused.value)
    assert (dossier.state, dossier.revision) == (DossierState.RETURNED, 1)


@pytest.mark.django_db
def test_resubmission_with_every_answer_makes_revision_two_and_audits_the_answers(
    producer, commune_officer, submitted
):
    dossier = _return(submitted, commune_officer)
    _answer_all(dossier, producer)

    dossier = transitions.resubmit_dossier(dossier, by=producer, comment="Đã bổ sung.")

    event = DossierEvent.objects.get(dossier=dossier, action="resubmit")
    assert (dossier.state, dossier.revision) == (DossierState.SUBMITTED, 2)
    assert list(dossier.revisions.values_list("number", flat=True)) == [2]
    assert event.data["answers"] == [
        {"kind": "checklist", "item": "test_report", "answer": "Đã bổ sung: test_report"},
        {"kind": "criterion", "item": "1.2", "answer": "Đã bổ sung: 1.2"},
    ]


@pytest.mark.django_db
def test_saving_one_answer_keeps_the_others(producer, commune_officer, submitted):
    dossier = _return(submitted, commune_officer)
    first, second = corrections.latest_request(dossier)
    corrections.answer_corrections(dossier, by=producer, answers={first.pk: "Câu trả lời 1"})

    changed = corrections.answer_corrections(
        dossier, by=producer, answers={first.pk: "", second.pk: "Câu trả lời 2"}
    )

    first.refresh_from_db()
    second.refresh_from_db()
    assert changed == 1
    assert (first.answer, second.answer, second.answered_by) == (
        "Câu trả lời 1",
        "Câu trả lời 2",
        producer,
    )


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["commune_officer", "stranger"])
def test_only_the_producer_may_answer(request, persona, commune_officer, submitted):
    dossier = _return(submitted, commune_officer)
    item = corrections.latest_request(dossier)[0]

    with pytest.raises(PermissionDenied):
        corrections.answer_corrections(
            dossier, by=request.getfixturevalue(persona), answers={item.pk: "Tôi trả lời."}
        )

    item.refresh_from_db()
    assert item.answer == ""


@pytest.mark.django_db
def test_answers_are_closed_once_the_dossier_is_resubmitted(producer, commune_officer, submitted):
    dossier = _return(submitted, commune_officer)
    _answer_all(dossier, producer)
    dossier = transitions.resubmit_dossier(dossier, by=producer)
    item = corrections.latest_request(dossier)[0]

    with pytest.raises(PermissionDenied):
        corrections.answer_corrections(dossier, by=producer, answers={item.pk: "Sửa lại."})


@pytest.mark.django_db
def test_second_revision_snapshot_shows_only_the_change(producer, commune_officer, draft):
    dossier = transitions.submit_dossier(draft, by=producer)
    dossier = _return(dossier, commune_officer)
    _answer_all(dossier, producer)
    product = dossier.product
    product.documents.filter(kind=EvidenceKind.TEST_REPORT).delete()
    renewed = factories.DocumentFactory(product=product, kind=EvidenceKind.TEST_REPORT)

    dossier = transitions.resubmit_dossier(dossier, by=producer)

    first, second = dossier.revisions.order_by("number")
    change = revisions.diff(first.snapshot, second.snapshot)
    assert [new["id"] for _old, new in change.documents_replaced] == [renewed.pk]
    assert (change.fields, change.criteria, change.photos_added) == ([], [], [])


@pytest.mark.django_db
def test_a_return_without_items_of_an_old_dossier_does_not_block_resubmission(
    producer, make_dossier
):
    returned = make_dossier(DossierState.RETURNED)

    dossier = transitions.resubmit_dossier(returned, by=producer)

    assert (dossier.state, dossier.revision) == (DossierState.SUBMITTED, 2)


@pytest.mark.django_db
def test_the_return_email_names_a_criterion_by_its_code_and_title(
    producer, commune_officer, submitted, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _return(submitted, commune_officer)

    [message] = mailoutbox
    assert (
        "- 1.2. Vùng nguyên liệu được cấp chứng nhận chất lượng: "
        "Chưa có giấy chứng nhận vùng nguyên liệu."
    ) in message.body.splitlines()
