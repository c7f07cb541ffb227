"""The council's result: sheets aggregated, conflicts excluded, spreads discussed, the chair
closes scoring and the result is stored on the dossier."""

from decimal import Decimal

import pytest
from django.urls import reverse

from councils.models import CouncilResult, ScoreSheet
from councils.services import compute_council_result, declare_conflict, store_council_result
from councils.sessions import record_discussion
from dossiers.models import DossierState
from evaluations.models import DossierEvent
from tests import factories

from .conftest import sheet_points, submitted_sheet

CONFIRMED = {"confirm": "on"}  # the chair ticks the confirmation (irreversible)


def _close_url(dossier):
    return reverse(
        "evaluations:council-close-scoring",
        kwargs={"pk": dossier.council_id, "dossier_pk": dossier.pk},
    )


@pytest.fixture
def three_sheets(dossier, chair, council_member, second_member, secretary):
    """80 and 70 submitted; the secretary submitted 20 but declared a conflict; the second
    member submitted 76."""
    submitted_sheet(dossier, chair, 80)
    submitted_sheet(dossier, council_member, 70)
    submitted_sheet(
        dossier, secretary, 20, conflict_of_interest=True, conflict_note="Người nhà của chủ thể"
    )
    submitted_sheet(dossier, second_member, 75)


@pytest.mark.django_db
def test_council_averages_the_submitted_sheets_of_several_members(
    dossier, chair, council_member, second_member, secretary
):
    for member, total in [(chair, 80), (council_member, 70), (second_member, 76), (secretary, 77)]:
        submitted_sheet(dossier, member, total)

    outcome = compute_council_result(dossier)

    assert (outcome.waiting_for, outcome.excluded) == ([], [])
    assert (outcome.result.average, outcome.result.spread) == (Decimal("75.75"), Decimal(10))
    assert sorted(outcome.result.member_totals) == [70, 76, 77, 80]
    assert outcome.result.spread_exceeded is False


@pytest.mark.django_db
def test_council_leaves_a_conflict_of_interest_out_of_the_average(
    dossier, criteria_set, chair, council_member, secretary, second_member
):
    submitted_sheet(dossier, chair, 80)
    submitted_sheet(dossier, council_member, 70)
    ScoreSheet.objects.create(
        dossier=dossier,
        member=secretary,
        points_by_code=sheet_points(criteria_set, 10, partial=True),
        total=Decimal(10),
        conflict_of_interest=True,
        conflict_note="Người nhà của chủ thể",
    )
    declare_conflict(dossier, member=second_member, note="Tôi là cổ đông của doanh nghiệp")

    outcome = compute_council_result(dossier)

    assert outcome.result.average == Decimal("75.00")
    assert sorted(outcome.result.member_totals) == [Decimal(70), Decimal(80)]
    assert sorted(outcome.excluded) == ["Bùi Thị Thư", "Lý Văn Hai"]
    assert outcome.waiting_for == []


@pytest.mark.django_db
def test_chair_waits_for_scoring_members_but_not_for_advisers(dossier, chair, council_member):
    submitted_sheet(dossier, chair, 80)

    outcome = compute_council_result(dossier)

    assert outcome.waiting_for == ["Bùi Thị Thư", "Hoàng Văn Hội", "Lý Văn Hai"]
    assert outcome.result.average == Decimal(80)


@pytest.mark.django_db
def test_chair_closes_scoring_and_the_result_is_stored(
    client, chair, dossier, three_sheets, in_session
):
    client.force_login(chair)

    response = client.post(_close_url(dossier), CONFIRMED, follow=True)

    dossier.refresh_from_db()
    result = CouncilResult.objects.get(dossier=dossier)
    assert dossier.state == DossierState.SCORED
    assert (result.average, result.band_stars, result.spread, result.closed_by) == (
        Decimal("75.00"),
        4,
        Decimal(10),
        chair,
    )
    assert sorted(t["total"] for t in result.member_totals.values()) == ["70", "75", "80"]
    assert result.excluded_members == ["Bùi Thị Thư"]
    event = DossierEvent.objects.get(dossier=dossier)
    assert (event.action, event.actor, event.from_state, event.to_state) == (
        "close_scoring",
        chair,
        DossierState.IN_SCORING,
        DossierState.SCORED,
    )
    assert event.data == {
        "average": "75.00",
        "stars": result.stars,
        "spread": "10",
        "discussed": False,
    }
    assert [str(m) for m in response.context["messages"]] == [
        f"Đã kết thúc chấm điểm “Mật ong hoa nhãn Khoái Châu”: 75,00 điểm, {result.stars}★."
    ]


@pytest.mark.django_db
def test_chair_cannot_close_while_a_member_has_not_submitted(
    client, chair, dossier, council_member, in_session
):
    submitted_sheet(dossier, chair, 80)
    client.force_login(chair)

    response = client.post(_close_url(dossier), CONFIRMED, follow=True)

    dossier.refresh_from_db()
    assert dossier.state == DossierState.IN_SCORING
    assert [str(m) for m in response.context["messages"]] == [
        "Chưa phải mọi thành viên đã nộp phiếu đánh giá: Bùi Thị Thư, Hoàng Văn Hội, Lý Văn Hai."
    ]
    assert CouncilResult.objects.count() == 0


@pytest.mark.django_db
def test_chair_closes_a_spread_over_the_limit_only_once_discussed(
    client, chair, dossier, council_member, second_member, secretary, in_session
):
    for member, total in [(chair, 90), (council_member, 70), (second_member, 80), (secretary, 80)]:
        submitted_sheet(dossier, member, total)
    client.force_login(chair)

    page = client.get(reverse("evaluations:council-detail", kwargs={"pk": dossier.council_id}))
    refused = client.post(_close_url(dossier), CONFIRMED, follow=True)
    dossier.refresh_from_db()
    state_after_refusal = dossier.state
    record_discussion(
        in_session.items.get(dossier=dossier), by=chair, note="Thống nhất giữ nguyên điểm."
    )
    client.post(_close_url(dossier), CONFIRMED)

    dossier.refresh_from_db()
    assert page.context["dossiers"][0].outcome.result.spread_exceeded is True
    assert 'data-role="spread-flag"' in page.text
    assert state_after_refusal == DossierState.IN_SCORING
    assert [str(m) for m in refused.context["messages"]] == [
        "Tổng điểm của các thành viên chênh lệch 20 điểm, vượt mức cho phép của hội đồng. "
        "Hãy ghi lại ý kiến thảo luận của hội đồng về sản phẩm trước khi kết thúc."
    ]
    assert dossier.state == DossierState.SCORED
    assert DossierEvent.objects.get(dossier=dossier).data["discussed"] is True
    assert CouncilResult.objects.get(dossier=dossier).spread_exceeded is True


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["secretary", "provincial_office"])
def test_only_the_chair_closes_scoring(client, request, persona, dossier, three_sheets, in_session):
    client.force_login(request.getfixturevalue(persona))

    response = client.post(_close_url(dossier), CONFIRMED)

    dossier.refresh_from_db()
    assert response.status_code == 403
    assert dossier.state == DossierState.IN_SCORING
    assert DossierEvent.objects.count() == 0


@pytest.mark.django_db
def test_chair_closing_again_after_a_send_back_replaces_the_stored_result(
    chair, dossier, council_member, second_member, secretary
):
    earlier = factories.CouncilResultFactory(
        dossier=dossier, average=Decimal("60.00"), stars=3, closed_by=council_member
    )
    for member, total in [(chair, 80), (council_member, 70), (second_member, 75)]:
        submitted_sheet(dossier, member, total)
    submitted_sheet(dossier, secretary, 75)

    stored = store_council_result(dossier, by=chair)

    assert stored.pk == earlier.pk
    assert (stored.average, stored.closed_by) == (Decimal("75.00"), chair)
    assert CouncilResult.objects.count() == 1
