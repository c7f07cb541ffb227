"""The province's steps on a dossier, each at its boundary: what the office, the approver and the
ministry's result may do, the message a refusal gives, and what the audit row keeps of it
(Decision 26/2026, Art. 7.3-7.4). Survivors of the mutation run (tests/MUTATION.md)."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from certificates.models import Certificate, Notice
from councils.models import ScoreSheet
from dossiers.models import DossierState
from evaluations.models import DossierEvent
from evaluations.transitions import (
    TransitionError,
    approve_result,
    assign_dossier,
    nominate_for_national,
    notify_not_recognised,
    record_ministry_result,
    send_back_to_council,
)
from tests import factories

DECIDED_ON = datetime.date(2026, 9, 10)

pytestmark = pytest.mark.django_db


def _event(dossier):
    return DossierEvent.objects.filter(dossier=dossier).latest("created_at", "pk")


@pytest.fixture
def forwarded(areas, producer_org):
    return factories.DossierFactory(
        state=DossierState.FORWARDED,
        product__producer=producer_org,
        revision=1,
        local_assessment={"raw_materials": "Nguyên liệu tại xã"},
    )


def test_the_office_assigns_a_dossier_to_a_council_of_its_round_and_the_audit_names_it(
    today, provincial_office, forwarded
):
    council = factories.CouncilFactory(round=forwarded.round, name="Hội đồng OCOP đợt 2")

    assign_dossier(forwarded, by=provincial_office, council=council)

    forwarded.refresh_from_db()
    assert (forwarded.state, forwarded.council) == (DossierState.IN_SCORING, council)
    assert _event(forwarded).data == {"council": council.pk, "council_name": "Hội đồng OCOP đợt 2"}


def test_a_council_of_another_round_is_refused(today, provincial_office, forwarded):
    other_round = factories.CouncilFactory(name="Hội đồng đợt 1")

    with pytest.raises(TransitionError) as refused:
        assign_dossier(forwarded, by=provincial_office, council=other_round)

    assert str(refused.value) == "Hãy chọn hội đồng của chính đợt đánh giá có hồ sơ này."
    forwarded.refresh_from_db()
    assert (forwarded.state, forwarded.council) == (DossierState.FORWARDED, None)
    assert not DossierEvent.objects.filter(dossier=forwarded).exists()


def test_sending_back_needs_a_reason_and_reopens_the_submitted_sheets(today, approver):
    result = factories.CouncilResultFactory()
    dossier = result.dossier
    member = factories.UserFactory(role="council_member", province_id=33)
    sheet = ScoreSheet.objects.create(dossier=dossier, member=member, submitted_at=timezone.now())

    with pytest.raises(TransitionError) as refused:
        send_back_to_council(dossier, by=approver, reason="   ")
    assert str(refused.value) == "Hãy nêu lý do trả kết quả về hội đồng."
    sheet.refresh_from_db()
    assert sheet.submitted_at is not None

    send_back_to_council(dossier, by=approver, reason="  Xem lại tiêu chí 2.3.  ")

    dossier.refresh_from_db()
    sheet.refresh_from_db()
    assert dossier.state == DossierState.IN_SCORING
    assert sheet.submitted_at is None
    assert _event(dossier).comment == "Xem lại tiêu chí 2.3."


def test_a_3_star_result_is_recognised_not_notified(today, approver):
    result = factories.CouncilResultFactory(average=Decimal("55.00"), stars=3)

    with pytest.raises(TransitionError) as refused:
        notify_not_recognised(
            result.dossier, by=approver, decision_number="7/TB-UBND", decision_date=DECIDED_ON
        )

    assert str(refused.value) == "Kết quả này đạt 3★: hãy công nhận thay vì thông báo."
    assert not Notice.objects.exists()


def test_a_2_star_result_gets_its_notice_under_the_decision_given(today, approver):
    result = factories.CouncilResultFactory(average=Decimal("48.00"), stars=2)

    notify_not_recognised(
        result.dossier, by=approver, decision_number="7/TB-UBND", decision_date=DECIDED_ON
    )

    result.refresh_from_db()
    assert (result.decision_number, result.decision_date) == ("7/TB-UBND", DECIDED_ON)
    notice = Notice.objects.get(dossier=result.dossier)
    assert (notice.stars, notice.decision_number) == (2, "7/TB-UBND")
    assert _event(result.dossier).data == {"decision_number": "7/TB-UBND"}


def test_the_province_recognises_neither_2_nor_5_stars(today, approver):
    two = factories.CouncilResultFactory(average=Decimal("48.00"), stars=2)

    with pytest.raises(TransitionError) as refused:
        approve_result(two.dossier, by=approver, decision_number="8/QĐ", decision_date=DECIDED_ON)

    assert str(refused.value) == "Tỉnh chỉ công nhận kết quả 3★ và 4★; kết quả này là 2★."
    assert not Certificate.objects.exists()


def test_a_dossier_without_a_council_result_is_neither_recognised_nor_notified(today, approver):
    dossier = factories.DossierFactory(state=DossierState.SCORED, revision=1)

    for step in (approve_result, notify_not_recognised):
        with pytest.raises(TransitionError) as refused:
            step(dossier, by=approver, decision_number="9/QĐ", decision_date=DECIDED_ON)
        assert str(refused.value) == "Hồ sơ này chưa có kết quả của hội đồng."


def test_exactly_90_points_is_nominated_and_89_99_is_not(today, approver):
    ninety = factories.CouncilResultFactory(average=Decimal("90.00"), stars=5)
    below = factories.CouncilResultFactory(average=Decimal("89.99"), stars=4)
    with_a_word = factories.CouncilResultFactory(average=Decimal("94.00"), stars=5)

    nominate_for_national(ninety.dossier, by=approver)
    nominate_for_national(with_a_word.dossier, by=approver, comment="Đề nghị Hội đồng Trung ương")
    with pytest.raises(TransitionError) as refused:
        nominate_for_national(below.dossier, by=approver)

    ninety.dossier.refresh_from_db()
    assert ninety.dossier.state == DossierState.NOMINATED
    assert _event(ninety.dossier).comment == ""
    assert _event(with_a_word.dossier).comment == "Đề nghị Hội đồng Trung ương"
    assert str(refused.value) == "Chỉ sản phẩm đạt từ 90 điểm trở lên mới được đề nghị."
    below.dossier.refresh_from_db()
    assert below.dossier.state == DossierState.SCORED


@pytest.fixture
def nominated(areas):
    return factories.CouncilResultFactory(
        average=Decimal("93.00"), stars=5, dossier__state=DossierState.NOMINATED
    )


def test_the_ministry_keeping_4_stars_gives_a_4_star_certificate(today, approver, nominated):
    record_ministry_result(
        nominated.dossier,
        by=approver,
        decision_number="55/QĐ-BNNMT",
        decision_date=DECIDED_ON,
        stars=4,
    )

    nominated.refresh_from_db()
    assert (nominated.ministry_decision_number, nominated.ministry_stars) == ("55/QĐ-BNNMT", 4)
    certificate = Certificate.objects.get(dossier=nominated.dossier)
    assert (certificate.stars, certificate.decision_number) == (4, "55/QĐ-BNNMT")
    assert _event(nominated.dossier).data == {"certificate": certificate.number, "stars": 4}
    nominated.dossier.refresh_from_db()
    assert nominated.dossier.state == DossierState.APPROVED


def test_the_ministry_result_is_5_or_4_stars_only(today, approver, nominated):
    with pytest.raises(TransitionError) as refused:
        record_ministry_result(
            nominated.dossier,
            by=approver,
            decision_number="55/QĐ-BNNMT",
            decision_date=DECIDED_ON,
            stars=3,
        )

    assert str(refused.value) == "Kết quả của Bộ là 5★, hoặc giữ 4★ do tỉnh công nhận."
    assert not Certificate.objects.exists()


def test_a_3_star_result_is_recognised_and_the_audit_keeps_the_decision(today, approver):
    result = factories.CouncilResultFactory(average=Decimal("55.00"), stars=3)

    approve_result(
        result.dossier, by=approver, decision_number="12/QĐ-UBND", decision_date=DECIDED_ON
    )

    result.refresh_from_db()
    assert (result.decision_number, result.decision_date) == ("12/QĐ-UBND", DECIDED_ON)
    certificate = Certificate.objects.get(dossier=result.dossier)
    assert certificate.stars == 3
    assert _event(result.dossier).data == {
        "certificate": certificate.number,
        "decision_number": "12/QĐ-UBND",
    }
