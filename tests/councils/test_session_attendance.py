"""Issue 18: results come from the session. Only the sheets of scoring members recorded present
count; an absent member's sheet is kept and listed apart, unless the secretary admits it as a
written sheet with its basis; a session with an unscored product cannot close; closing asks for
confirmation first."""

import hashlib
import io

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from pypdf import PdfReader

from certificates.models import IssuedDocument
from certificates.session_documents import render_minutes_pdf
from councils.models import CouncilMember, CouncilResult, SessionState
from councils.services import compute_council_result
from councils.session_board import consolidated_sheet, session_board
from councils.sessions import admit_written_sheet, close_session, presence_of, record_attendance
from dossiers.models import DossierState
from evaluations.transitions import close_scoring

from .conftest import submitted_sheet

pytestmark = pytest.mark.django_db


def _seat(council, user):
    return CouncilMember.objects.get(council=council, user=user)


@pytest.fixture
def absent_second(council, in_session, chair, secretary, council_member, second_member):
    """Everyone signed; the second member (85 points) was not at the sitting."""
    for member, total in [(chair, 80), (secretary, 78), (council_member, 76), (second_member, 85)]:
        submitted_sheet(in_session.items.get().dossier, member, total)
    present = CouncilMember.objects.filter(
        council=council, user__in=[chair, secretary, council_member]
    )
    record_attendance(in_session, by=chair, present=list(present))
    return in_session


def test_an_absent_members_sheet_is_not_averaged_in(absent_second, dossier, chair, second_member):
    close_scoring(dossier, by=chair)

    result = CouncilResult.objects.get(dossier=dossier)
    assert str(result.average) == "78.00"  # (80 + 78 + 76) / 3, not with the absent 85
    assert result.absent_members == [{"name": str(second_member), "total": "85.00"}]


def test_the_consolidated_sheet_and_the_minutes_list_the_absent_sheet_apart(
    absent_second, dossier, second_member
):
    board = session_board(absent_second)
    item = board.items[0]
    consolidated = consolidated_sheet(item.dossier, item.outcome, item.dossier.score_sheets.all())

    assert [sheet.member for sheet in consolidated.absent] == [second_member]
    assert second_member not in [sheet.member for sheet in consolidated.counted]
    text = " ".join(
        page.extract_text()
        for page in PdfReader(io.BytesIO(render_minutes_pdf(absent_second))).pages
    )
    assert "không được tính" in text


def test_the_secretary_may_admit_a_written_sheet_only_with_a_basis(
    absent_second, council, dossier, secretary, second_member
):
    seat = _seat(council, second_member)
    with pytest.raises(ValidationError):
        admit_written_sheet(absent_second, by=secretary, member=seat, basis="  ")
    assert len(compute_council_result(dossier, presence_of(absent_second)).counted) == 3

    admit_written_sheet(
        absent_second, by=secretary, member=seat, basis="Quy chế hội đồng, Điều 7 khoản 3"
    )

    outcome = compute_council_result(dossier, presence_of(absent_second))
    assert len(outcome.counted) == 4
    assert [sheet.member for sheet in outcome.admitted] == [second_member]


def test_a_present_member_needs_no_admission(in_session, council, secretary, council_member):
    with pytest.raises(ValidationError):
        admit_written_sheet(
            in_session, by=secretary, member=_seat(council, council_member), basis="Điều 7"
        )


def test_a_session_with_a_product_without_a_counted_sheet_cannot_close(
    in_session, council, chair, second_member, dossier
):
    submitted_sheet(dossier, second_member, 85)  # the only sheet, of a member then absent
    present = CouncilMember.objects.filter(council=council).exclude(user=second_member)
    record_attendance(in_session, by=chair, present=list(present))

    with pytest.raises(ValidationError, match=dossier.product.name):
        close_session(in_session, by=chair)

    in_session.refresh_from_db()
    assert in_session.state == SessionState.OPEN


def test_a_session_closes_once_each_product_has_a_counted_sheet(in_session, chair, dossier):
    submitted_sheet(dossier, chair, 80)

    close_session(in_session, by=chair)

    in_session.refresh_from_db()
    assert in_session.state == SessionState.CLOSED


def test_closing_scoring_without_the_confirmation_is_refused(
    client, absent_second, council, dossier, chair
):
    client.force_login(chair)
    url = reverse(
        "evaluations:council-close-scoring", kwargs={"pk": council.pk, "dossier_pk": dossier.pk}
    )

    response = client.post(url, follow=True)

    dossier.refresh_from_db()
    assert dossier.state == DossierState.IN_SCORING
    assert "confirmation" in response.text or "xác nhận" in response.text.lower()


def test_closing_the_session_without_the_confirmation_is_refused(
    client, in_session, chair, dossier
):
    submitted_sheet(dossier, chair, 80)
    client.force_login(chair)

    client.post(reverse("evaluations:session-close", args=[in_session.pk]))

    in_session.refresh_from_db()
    assert in_session.state == SessionState.OPEN


def test_a_closed_sessions_minutes_are_issued_once(client, in_session, chair, dossier):
    submitted_sheet(dossier, chair, 80)
    close_session(in_session, by=chair)
    client.force_login(chair)
    url = reverse("evaluations:session-minutes", args=[in_session.pk])

    first, second = client.get(url).content, client.get(url).content

    issued = IssuedDocument.objects.get(key=f"minutes:{in_session.pk}")
    assert first == second
    assert issued.sha256 == hashlib.sha256(first).hexdigest()
