"""Why a member's sheet is refused, in the words the member reads, and under the code that tells
the refusals apart: scoring closed, a conflict declared, a sheet already submitted, a possible
conflict not yet declared (naming every reason seen). A first sheet scores the revision of the
dossier in front of the member."""

import pytest
from django.core.exceptions import ValidationError

from evaluations.councils import (
    declare_conflict,
    declare_no_conflict,
    save_sheet_points,
    sheet_for,
    submit_sheet,
)
from evaluations.models import DossierState, ScoreSheet

from .conftest import submitted_sheet

pytestmark = pytest.mark.django_db


def _refusal(call, *args, **kwargs):
    with pytest.raises(ValidationError) as refused:
        call(*args, **kwargs)
    return refused.value.code, refused.value.messages


@pytest.fixture
def scored(dossier):
    dossier.state = DossierState.SCORED
    dossier.save()
    return dossier


def test_a_sheet_is_refused_once_the_dossiers_scoring_is_closed(council_member, scored):
    sheet = sheet_for(scored, council_member)

    refusal = _refusal(save_sheet_points, sheet, points={"1.1": "2"})

    assert refusal == ("closed", ["Hồ sơ này đã kết thúc chấm điểm."])
    sheet.refresh_from_db()
    assert sheet.points_by_code == {}


@pytest.mark.parametrize("declare", ["conflict", "no_conflict"])
def test_no_declaration_is_taken_once_scoring_is_closed(council_member, scored, declare):
    if declare == "conflict":
        refusal = _refusal(declare_conflict, scored, member=council_member, note="Người nhà")
    else:
        refusal = _refusal(declare_no_conflict, scored, member=council_member)

    assert refusal == ("closed", ["Hồ sơ này đã kết thúc chấm điểm."])
    assert not ScoreSheet.objects.filter(conflict_declared_at__isnull=False).exists()


def test_a_member_who_declared_a_conflict_scores_nothing(council_member, dossier):
    declare_conflict(dossier, member=council_member, note="Em gái là xã viên")

    refusal = _refusal(save_sheet_points, sheet_for(dossier, council_member), points={"1.1": "2"})

    assert refusal == (
        "conflict",
        ["Bạn đã khai báo xung đột lợi ích với hồ sơ này; bạn không chấm điểm hồ sơ này."],
    )
    assert ScoreSheet.objects.get(member=council_member).points_by_code == {}


def test_a_submitted_sheet_takes_no_more_points(council_member, dossier):
    sheet = submitted_sheet(dossier, council_member, 70)
    before = dict(sheet.points_by_code)

    refusal = _refusal(save_sheet_points, sheet, points={"1.1": "1"})

    assert refusal == ("submitted", ["Bạn đã nộp phiếu đánh giá này; không thể sửa nữa."])
    sheet.refresh_from_db()
    assert sheet.points_by_code == before


def test_submitting_after_scoring_closed_is_refused(council_member, dossier):
    sheet = sheet_for(dossier, council_member)
    dossier.state = DossierState.SCORED
    dossier.save()

    refusal = _refusal(submit_sheet, sheet, by=council_member)

    assert refusal == ("closed", ["Hồ sơ này đã kết thúc chấm điểm."])
    sheet.refresh_from_db()
    assert sheet.submitted_at is None


def test_the_undeclared_refusal_names_every_reason_seen(council_member, dossier, home_commune):
    council_member.organisation = "Hợp tác xã Mật ong Khoái Châu"
    council_member.home_commune = home_commune
    council_member.save()

    refusal = _refusal(save_sheet_points, sheet_for(dossier, council_member), points={"1.1": "2"})

    assert refusal == (
        "undeclared",
        [
            "Bạn có thể có xung đột lợi ích với chủ thể này (làm việc tại tổ chức trùng tên với "
            "chủ thể; sống hoặc làm việc tại xã của chủ thể). Hãy khai báo có hay không trước "
            "khi chấm điểm."
        ],
    )


def test_a_flagged_member_may_declare_either_way_before_scoring(
    council_member, second_member, dossier, home_commune
):
    for member in (council_member, second_member):
        member.home_commune = home_commune
        member.save()

    declared_none = declare_no_conflict(dossier, member=council_member)
    declared = declare_conflict(dossier, member=second_member, note="Hàng xóm của chủ nhiệm HTX")

    assert declared_none.conflict_declared_at is not None
    assert (declared.conflict_of_interest, declared.conflict_note) == (
        True,
        "Hàng xóm của chủ nhiệm HTX",
    )
    saved = save_sheet_points(declared_none, points={"1.1": "2"})
    assert saved.points_by_code == {"1.1": "2"}


def test_a_first_sheet_scores_the_revision_the_member_opens(council_member, dossier):
    dossier.revision = 3
    dossier.save()

    sheet = sheet_for(dossier, council_member)

    assert sheet.dossier_revision == 3
    assert ScoreSheet.objects.get(pk=sheet.pk).dossier_revision == 3
    assert sheet_for(dossier, council_member).pk == sheet.pk
