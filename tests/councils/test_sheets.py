"""A member's own score sheet: autosave, submission, conflict of interest, advisers."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from councils.models import ScoreSheet
from councils.services import save_sheet_points, sheet_for, submit_sheet

from .conftest import sheet_points, submitted_sheet

HTMX = {"HTTP_HX_REQUEST": "true"}


def _sheet_url(name, dossier):
    return reverse(f"evaluations:{name}", kwargs={"pk": dossier.pk})


def _sheet(dossier, member):
    return ScoreSheet.objects.get(dossier=dossier, member=member)


@pytest.mark.django_db
def test_member_sees_every_criterion_with_its_options_and_the_evidence(
    client, council_member, dossier, criteria_set
):
    from tests import factories

    factories.DocumentFactory(product=dossier.product, title="Phiếu kết quả kiểm nghiệm")
    client.force_login(council_member)

    response = client.get(_sheet_url("sheet", dossier))

    criterion_rows = [row for row in response.context["rows"] if row["kind"] == "criterion"]
    assert response.status_code == 200
    assert [row["criterion"].code for row in criterion_rows] == [
        c.code for c in criteria_set.leaf_criteria()
    ]
    assert response.context["editable"] is True
    assert "Phiếu kết quả kiểm nghiệm" in response.text
    assert ScoreSheet.objects.count() == 0


@pytest.mark.django_db
def test_member_autosaves_one_criterion_and_sees_the_time_and_running_total(
    client, council_member, dossier, criteria_set, today
):
    first = criteria_set.leaf_criteria()[0]
    client.force_login(council_member)

    response = client.post(_sheet_url("sheet-autosave", dossier), {first.code: "1"}, **HTMX)

    sheet = _sheet(dossier, council_member)
    assert response.status_code == 200
    assert sheet.points_by_code == {first.code: str(first.options[1].points)}
    assert sheet.options_by_code == {first.code: 1}
    assert response.context["running_total"] == first.options[1].points
    assert "Đã lưu lúc 10:00" in response.text


@pytest.mark.django_db
def test_member_autosave_keeps_the_answers_saved_before(
    client, council_member, dossier, criteria_set
):
    first, second = criteria_set.leaf_criteria()[:2]
    client.force_login(council_member)

    client.post(_sheet_url("sheet-autosave", dossier), {first.code: "0"}, **HTMX)
    client.post(_sheet_url("sheet-autosave", dossier), {second.code: "1"}, **HTMX)

    assert _sheet(dossier, council_member).points_by_code == {
        first.code: str(first.options[0].points),
        second.code: str(second.options[1].points),
    }


@pytest.mark.django_db
def test_member_autosave_of_an_option_not_on_the_sheet_is_refused(
    client, council_member, dossier, criteria_set
):
    first = criteria_set.leaf_criteria()[0]
    client.force_login(council_member)
    client.post(_sheet_url("sheet-autosave", dossier), {first.code: "0"}, **HTMX)

    response = client.post(_sheet_url("sheet-autosave", dossier), {first.code: "99"}, **HTMX)

    assert _sheet(dossier, council_member).points_by_code == {
        first.code: str(first.options[0].points)
    }
    assert response.context["error"] == (
        f"Hãy chọn một trong các phương án của tiêu chí {first.code}."
    )
    assert response.context["saved"] is False


@pytest.mark.django_db
def test_member_cannot_save_points_that_are_no_option_of_the_criterion(
    council_member, dossier, criteria_set
):
    first, second = criteria_set.leaf_criteria()[:2]
    sheet = sheet_for(dossier, council_member)

    with pytest.raises(ValidationError) as refused:
        save_sheet_points(sheet, points={second.code: second.max_points, first.code: "7.5"})

    sheet.refresh_from_db()
    assert refused.value.code == "invalid"
    assert sheet.points_by_code == {}


@pytest.mark.django_db
def test_member_cannot_save_points_of_an_unknown_criterion(council_member, dossier):
    sheet = sheet_for(dossier, council_member)

    with pytest.raises(ValidationError) as refused:
        save_sheet_points(sheet, points={"99.9": 1})

    assert refused.value.code == "unknown"


@pytest.mark.django_db
def test_member_cannot_submit_an_incomplete_sheet(client, council_member, dossier, criteria_set):
    leaves = criteria_set.leaf_criteria()
    points = sheet_points(criteria_set, 60)
    save_sheet_points(
        sheet_for(dossier, council_member),
        points={c.code: points[c.code] for c in leaves[:-2]},
    )
    client.force_login(council_member)

    response = client.post(_sheet_url("sheet-submit", dossier), {"confirm": "on"}, follow=True)

    sheet = _sheet(dossier, council_member)
    assert sheet.submitted_at is None
    assert [str(m) for m in response.context["messages"]] == [
        "Hãy chấm tất cả các tiêu chí trước khi nộp. Còn chưa chấm: "
        f"{leaves[-2].code}, {leaves[-1].code}."
    ]


@pytest.mark.django_db
def test_member_submits_a_complete_sheet_which_is_then_locked(
    client, council_member, dossier, criteria_set, today
):
    save_sheet_points(sheet_for(dossier, council_member), points=sheet_points(criteria_set, 72))
    client.force_login(council_member)

    client.post(_sheet_url("sheet-submit", dossier), {"confirm": "on"})
    refused = client.post(
        _sheet_url("sheet-autosave", dossier), {criteria_set.leaf_criteria()[0].code: "0"}, **HTMX
    )
    page = client.get(_sheet_url("sheet", dossier))

    sheet = _sheet(dossier, council_member)
    assert (sheet.total, sheet.dossier_revision) == (Decimal(72), 1)
    assert sheet.submitted_at is not None
    assert refused.context["error"] == "Bạn đã nộp phiếu đánh giá này; không thể sửa nữa."
    assert sheet.points_by_code == sheet_points(criteria_set, 72)
    assert page.context["editable"] is False


@pytest.mark.django_db
def test_member_submitting_twice_changes_nothing(council_member, dossier, criteria_set):
    sheet = submitted_sheet(dossier, council_member, 64)
    first_submission = sheet.submitted_at

    again = submit_sheet(sheet, by=council_member)

    assert (again.submitted_at, again.total) == (first_submission, Decimal(64))


@pytest.mark.django_db
def test_member_ticking_one_of_two_options_of_equal_points_keeps_that_one(
    council_member, producer_org, council
):
    from criteria import scoring
    from tests import factories

    dossier = factories.DossierFactory(
        round=council.round,
        product__producer=producer_org,
        product__criteria_set=7,
        state="in_scoring",
        council=council,
    )
    criterion = scoring.load_criteria_set("26/2026", 7).criterion("3.1")
    sheet = sheet_for(dossier, council_member)

    saved = save_sheet_points(
        sheet, points={"3.1": criterion.options[1].points}, options={"3.1": 1}
    )

    assert (saved.points_by_code, saved.options_by_code) == ({"3.1": "1"}, {"3.1": 1})


@pytest.mark.django_db
def test_member_declares_a_conflict_and_can_no_longer_score(
    client, council_member, dossier, criteria_set
):
    first = criteria_set.leaf_criteria()[0]
    client.force_login(council_member)
    client.post(_sheet_url("sheet-autosave", dossier), {first.code: "0"}, **HTMX)

    client.post(_sheet_url("sheet-conflict", dossier), {"note": "Em gái tôi là xã viên HTX."})
    refused = client.post(_sheet_url("sheet-autosave", dossier), {first.code: "1"}, **HTMX)

    sheet = _sheet(dossier, council_member)
    assert (sheet.conflict_of_interest, sheet.conflict_note) == (
        True,
        "Em gái tôi là xã viên HTX.",
    )
    assert sheet.points_by_code == {}
    assert refused.context["error"] == (
        "Bạn đã khai báo xung đột lợi ích với hồ sơ này; bạn không chấm điểm hồ sơ này."
    )


@pytest.mark.django_db
def test_member_declaring_a_conflict_must_explain_it(client, council_member, dossier):
    client.force_login(council_member)

    response = client.post(_sheet_url("sheet-conflict", dossier), {"note": "  "})

    assert response.status_code == 200
    assert list(response.context["conflict_form"].errors) == ["note"]
    assert ScoreSheet.objects.filter(conflict_of_interest=True).count() == 0


@pytest.mark.django_db
def test_adviser_reads_the_sheet_but_cannot_score(client, adviser, dossier, criteria_set):
    client.force_login(adviser)

    page = client.get(_sheet_url("sheet", dossier))
    refused = client.post(
        _sheet_url("sheet-autosave", dossier), {criteria_set.leaf_criteria()[0].code: "0"}, **HTMX
    )

    assert (page.status_code, page.context["editable"], page.context["is_adviser"]) == (
        200,
        False,
        True,
    )
    assert refused.status_code == 403
    assert ScoreSheet.objects.count() == 0


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["stranger", "producer", "commune_officer", "approver"])
def test_outsiders_get_404_for_the_sheet(client, request, persona, dossier):
    client.force_login(request.getfixturevalue(persona))

    page = client.get(_sheet_url("sheet", dossier))
    autosave = client.post(_sheet_url("sheet-autosave", dossier), {"1.1": "0"}, **HTMX)

    assert (page.status_code, autosave.status_code) == (404, 404)
    assert ScoreSheet.objects.count() == 0


@pytest.mark.django_db
def test_member_cannot_score_once_the_dossier_left_scoring(
    client, council_member, dossier, criteria_set
):
    dossier.state = "scored"
    dossier.save()
    client.force_login(council_member)

    response = client.post(
        _sheet_url("sheet-autosave", dossier), {criteria_set.leaf_criteria()[0].code: "0"}, **HTMX
    )

    assert response.context["error"] == "Hồ sơ này đã kết thúc chấm điểm."
    assert _sheet(dossier, council_member).points_by_code == {}


@pytest.mark.django_db
def test_chair_reaches_the_councils_progress_from_their_sheets(client, chair, dossier):
    client.force_login(chair)

    response = client.get(reverse("evaluations:my-sheets"))

    assert list(response.context["councils"]) == [dossier.council]
    assert [d.pk for d in response.context["to_score"]] == [dossier.pk]


@pytest.mark.django_db
def test_member_sees_only_their_own_sheets_state_in_the_list(
    client, council_member, chair, dossier
):
    submitted_sheet(dossier, chair, 80)
    client.force_login(council_member)

    response = client.get(reverse("evaluations:my-sheets"))

    listed = response.context["to_score"][0]
    assert (listed.sheet, listed.answered, listed.scores) == (None, 0, True)
    assert list(response.context["councils"]) == []
