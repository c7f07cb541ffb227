"""The secretary's consolidated sheet before any sheet counts (members still scoring, or every
member stood aside): a row per criterion and a line per part, without points or averages, and
no stopping note; and, once sheets count, each sheet's part subtotal counts a criterion scored
0 points as 0."""

from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from evaluations.councils import compute_council_result, declare_conflict
from evaluations.models import ScoreSheet
from evaluations.sessions import consolidated_sheet

pytestmark = pytest.mark.django_db


def test_before_any_sheet_counts_the_sheet_has_no_points_nor_averages(
    dossier, criteria_set, chair, second_member
):
    declare_conflict(dossier, member=second_member, note="Em ruột là xã viên hợp tác xã")
    ScoreSheet.objects.create(dossier=dossier, member=chair, points_by_code={"1.1": "3"})
    outcome = compute_council_result(dossier)

    consolidated = consolidated_sheet(dossier, outcome, dossier.score_sheets.all())

    assert consolidated.result is None
    assert consolidated.counted == []
    assert [(row.criterion.code, row.points, row.average) for row in consolidated.rows] == [
        (criterion.code, [], None) for criterion in criteria_set.leaf_criteria()
    ]
    assert [(row.part.code, row.points, row.average) for row in consolidated.parts] == [
        ("A", [], None),
        ("B", [], None),
        ("C", [], None),
    ]
    assert consolidated.stops == []
    assert [sheet.member for sheet in consolidated.excluded] == [second_member]


def test_the_secretary_opens_the_consolidated_sheet_before_any_sheet_counts(
    client, secretary, dossier, in_session
):
    client.force_login(secretary)

    page = client.get(
        reverse(
            "evaluations:session-consolidated",
            kwargs={"pk": in_session.pk, "dossier_pk": dossier.pk},
        )
    )

    assert page.status_code == 200
    assert page.context["consolidated"].result is None


def test_a_criterion_scored_0_adds_nothing_to_the_sheets_part_subtotal(
    dossier, criteria_set, chair, secretary
):
    lowest = {c.code: min(o.points for o in c.options) for c in criteria_set.leaf_criteria()}
    for member in (chair, secretary):
        ScoreSheet.objects.create(
            dossier=dossier,
            member=member,
            points_by_code={code: str(points) for code, points in lowest.items()},
            total=sum(lowest.values()),
            submitted_at=timezone.now(),
        )
    outcome = compute_council_result(dossier)

    consolidated = consolidated_sheet(dossier, outcome, dossier.score_sheets.all())

    expected = {
        part.code: sum((lowest[leaf.code] for leaf in part.leaves()), Decimal(0))
        for part in criteria_set.parts
    }
    assert 0 in lowest.values()
    assert {row.part.code: row.points for row in consolidated.parts} == {
        code: [subtotal, subtotal] for code, subtotal in expected.items()
    }
