"""The secretary's consolidated sheet: per criterion the average of the sheets that count, the
total the scoring module's own result, the excluded sheets shown as such."""

from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from councils.models import ScoreSheet
from councils.services import compute_council_result, declare_conflict
from councils.session_board import consolidated_sheet

from .conftest import submitted_sheet

pytestmark = pytest.mark.django_db


@pytest.fixture
def sheets(dossier, chair, secretary, council_member, second_member):
    submitted_sheet(dossier, chair, 81)
    submitted_sheet(dossier, secretary, 74)
    submitted_sheet(dossier, council_member, 70)
    declare_conflict(dossier, member=second_member, note="Em ruột là xã viên hợp tác xã")


def test_consolidated_averages_equal_the_scoring_outcome(dossier, sheets, criteria_set):
    outcome = compute_council_result(dossier)

    consolidated = consolidated_sheet(dossier, outcome, dossier.score_sheets.all())

    assert consolidated.result.average == outcome.result.average == Decimal("75.00")
    assert len(consolidated.rows) == len(criteria_set.leaf_criteria())
    for row in consolidated.rows:
        counted = [p for p in row.points if p is not None]
        assert row.average == (sum(counted) / 3).quantize(Decimal("0.01"))
        assert row.average == outcome.result.points[row.criterion.code].quantize(Decimal("0.01"))
    assert [s.member.full_name for s in consolidated.excluded] == ["Lý Văn Hai"]


def test_secretary_reads_the_consolidated_sheet_with_the_excluded_sheet(
    client, secretary, dossier, sheets, in_session
):
    client.force_login(secretary)

    page = client.get(
        reverse(
            "evaluations:session-consolidated",
            kwargs={"pk": in_session.pk, "dossier_pk": dossier.pk},
        )
    )

    consolidated = page.context["consolidated"]
    assert consolidated.result.average == Decimal("75.00")
    assert len(consolidated.counted) == 3
    assert "Lý Văn Hai — xung đột lợi ích: Em ruột là xã viên hợp tác xã" in page.text


@pytest.mark.parametrize("persona", ["council_member", "stranger"])
def test_consolidated_sheet_is_not_found_for_plain_members_and_outsiders(
    client, request, persona, dossier, sheets, in_session
):
    client.force_login(request.getfixturevalue(persona))

    page = client.get(
        reverse(
            "evaluations:session-consolidated",
            kwargs={"pk": in_session.pk, "dossier_pk": dossier.pk},
        )
    )

    assert page.status_code == 404


def test_the_part_rows_add_up_to_the_total_and_the_sheet_says_how_it_rounds(
    client, secretary, dossier, sheets, in_session, today
):
    client.force_login(secretary)

    page = client.get(
        reverse(
            "evaluations:session-consolidated",
            kwargs={"pk": in_session.pk, "dossier_pk": dossier.pk},
        )
    )

    consolidated = page.context["consolidated"]
    assert [row.part.code for row in consolidated.parts] == ["A", "B", "C"]
    assert sum(row.average for row in consolidated.parts) == consolidated.result.average
    for row in consolidated.parts:
        assert abs(sum(row.points) / 3 - row.average) < Decimal("0.01")
    assert [sum(row.points[i] for row in consolidated.parts) for i in range(3)] == [
        sheet.total for sheet in consolidated.counted
    ]
    assert "được làm tròn sao cho cộng lại đúng bằng tổng điểm" in page.text


def test_a_result_of_90_points_lists_the_5_star_minima_it_misses_for_the_central_council(
    client, secretary, dossier, in_session, criteria_set, chair, council_member, today
):
    best = {c.code: str(max(o.points for o in c.options)) for c in criteria_set.leaf_criteria()}
    for member in (chair, secretary, council_member):
        ScoreSheet.objects.create(
            dossier=dossier,
            member=member,
            points_by_code=best | {"4.1": "3"},  # 98 points; 4.1's 5★ mark is 5
            total=Decimal(98),
            submitted_at=timezone.now(),
        )
    client.force_login(secretary)

    page = client.get(
        reverse(
            "evaluations:session-consolidated",
            kwargs={"pk": in_session.pk, "dossier_pk": dossier.pk},
        )
    )

    assert page.context["consolidated"].result.missing_five_star_minima == ("4.1",)
    assert "để Hội đồng Trung ương xem xét: 4.1" in page.text
