"""A council member's list of sheets says where each of their own sheets stands: what they have
left to score, what waits for a declaration, and what is closed."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from councils.models import ScoreSheet
from dossiers.models import DossierState
from tests import factories

from .conftest import submitted_sheet

pytestmark = pytest.mark.django_db


def _dossier(council, producer_org, name, state=DossierState.IN_SCORING):
    return factories.DossierFactory(
        round=council.round,
        product__producer=producer_org,
        product__name=name,
        state=state,
        council=council,
        revision=1,
    )


def _rows(response) -> dict[str, str]:
    """Product name → the text of its row, whitespace folded."""
    rows = {}
    for item in re.findall(r'<li class="list-group-item d-flex.*?</li>', response.text, re.S):
        text = " ".join(re.sub(r"<[^>]+>", " ", item).split())
        rows[re.search(r'fw-semibold"[^>]*>([^<]+)<', item).group(1)] = text
    return rows


def test_each_row_tells_the_member_where_their_own_sheet_stands(
    client, council_member, second_member, council, producer_org, criteria_set
):
    not_started = _dossier(council, producer_org, "Mật ong chưa chấm")
    in_progress = _dossier(council, producer_org, "Mật ong đang chấm")
    submitted = _dossier(council, producer_org, "Mật ong đã nộp")
    declared = _dossier(council, producer_org, "Mật ong xung đột")
    closed = _dossier(council, producer_org, "Mật ong đã chấm xong", DossierState.SCORED)
    first, second = criteria_set.leaf_criteria()[:2]
    ScoreSheet.objects.create(
        dossier=in_progress,
        member=council_member,
        points_by_code={first.code: str(first.options[0].points), second.code: "0"},
    )
    submitted_sheet(submitted, council_member, 72)
    submitted_sheet(closed, council_member, 64)
    ScoreSheet.objects.create(
        dossier=declared,
        member=council_member,
        conflict_of_interest=True,
        conflict_declared_at=timezone.now(),
    )
    # Another member's sheet is theirs, not this member's progress.
    submitted_sheet(not_started, second_member, 80)
    client.force_login(council_member)

    rows = _rows(client.get(reverse("evaluations:my-sheets")))

    count = len(criteria_set.leaf_criteria())
    assert "Chưa chấm" in rows[not_started.product.name]
    assert f"Đang chấm: 2/{count} tiêu chí" in rows[in_progress.product.name]
    assert "Đã nộp: 72,00 điểm" in rows[submitted.product.name]
    assert "Đã khai báo xung đột lợi ích" in rows[declared.product.name]
    assert "Đã nộp: 64,00 điểm" in rows[closed.product.name]
    assert "Đã chấm điểm, chờ phê duyệt" in rows[closed.product.name]  # its state
    assert "chờ phê duyệt" not in rows[submitted.product.name]
    assert all(
        f"Hợp tác xã Mật ong Khoái Châu, {producer_org.commune.name}" in row
        and "bộ tiêu chí 4" in row
        for row in rows.values()
    )


def test_an_adviser_reads_the_list_without_scoring(client, adviser, dossier):
    client.force_login(adviser)

    rows = _rows(client.get(reverse("evaluations:my-sheets")))

    assert "Tổ tư vấn: chỉ xem" in rows[dossier.product.name]
    assert "Chưa chấm" not in rows[dossier.product.name]


def test_a_possible_conflict_asks_for_a_declaration_until_one_is_made(
    client, council_member, council, producer_org, home_commune
):
    council_member.home_commune = home_commune  # the producer's commune
    council_member.save()
    undeclared = _dossier(council, producer_org, "Mật ong chưa khai báo")
    declared = _dossier(council, producer_org, "Mật ong đã khai báo")
    ScoreSheet.objects.create(
        dossier=declared, member=council_member, conflict_declared_at=timezone.now()
    )
    # A conflict recorded without the time of its declaration is a declaration all the same
    # (ScoreSheet.has_declared).
    recorded = _dossier(council, producer_org, "Mật ong có xung đột")
    ScoreSheet.objects.create(dossier=recorded, member=council_member, conflict_of_interest=True)
    client.force_login(council_member)

    rows = _rows(client.get(reverse("evaluations:my-sheets")))

    reason = "Có thể có xung đột lợi ích sống hoặc làm việc tại xã của chủ thể"
    assert f"{reason} · cần khai báo trước khi chấm" in rows[undeclared.product.name]
    assert reason in rows[declared.product.name]
    assert "cần khai báo" not in rows[declared.product.name]
    assert "Đã khai báo xung đột lợi ích" in rows[recorded.product.name]
    assert "cần khai báo" not in rows[recorded.product.name]
