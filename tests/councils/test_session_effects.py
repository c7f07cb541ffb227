"""Closing a sitting and recording attendance do what they say, and only for those who run the
sitting: every effect of ``close_session`` is asserted (state, time, frozen attendance and agenda,
no scoring closed without a sitting, a new sitting possible), and ``record_attendance`` refuses a
plain member and a closed sitting, changing nothing."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from councils.models import CouncilMember, CouncilResult, SessionState
from councils.sessions import (
    close_session,
    open_session,
    record_attendance,
    set_agenda_order,
)
from dossiers.models import DossierState
from evaluations.transitions import TransitionError, close_scoring

from .conftest import submitted_sheet

pytestmark = pytest.mark.django_db


def _seats(council, *users):
    return CouncilMember.objects.filter(council=council, user__in=users)


def _present(session) -> set[int]:
    return set(session.attendees.values_list("pk", flat=True))


@pytest.fixture
def all_signed(dossier, chair, secretary, council_member, second_member):
    for member, total in [(chair, 80), (secretary, 78), (council_member, 76), (second_member, 74)]:
        submitted_sheet(dossier, member, total)


def test_closing_a_sitting_closes_it_at_the_time_it_is_done(
    today, all_signed, in_session, secretary
):
    close_session(in_session, by=secretary)

    in_session.refresh_from_db()
    assert in_session.state == SessionState.CLOSED
    assert not in_session.is_open
    assert in_session.closed_at == timezone.now()


def test_a_closed_sittings_attendance_and_agenda_are_frozen(
    today, all_signed, council, in_session, chair
):
    present_before = _present(in_session)
    item = in_session.items.get()

    close_session(in_session, by=chair)
    with pytest.raises(ValidationError):
        record_attendance(in_session, by=chair, present=_seats(council, chair))
    with pytest.raises(ValidationError):
        set_agenda_order(in_session, by=chair, positions={item.pk: 1})

    assert _present(in_session) == present_before


def test_no_scoring_closes_after_the_sitting_closed(today, chair, dossier, all_signed, in_session):
    close_session(in_session, by=chair)

    with pytest.raises(TransitionError):
        close_scoring(dossier, by=chair)

    dossier.refresh_from_db()
    assert dossier.state == DossierState.IN_SCORING
    assert CouncilResult.objects.count() == 0


def test_a_new_sitting_opens_once_the_last_one_is_closed(
    today, all_signed, council, in_session, chair
):
    close_session(in_session, by=chair)

    again = open_session(
        council, by=chair, held_on=datetime.date(2026, 9, 16), place="Phòng họp", present=[]
    )

    assert again.is_open


def test_closing_twice_is_refused(today, all_signed, in_session, chair):
    close_session(in_session, by=chair)

    with pytest.raises(ValidationError):
        close_session(in_session, by=chair)


@pytest.mark.parametrize("persona", ["council_member", "adviser", "provincial_office"])
def test_only_the_chair_or_secretary_closes_a_sitting(today, request, in_session, persona):
    with pytest.raises(PermissionDenied):
        close_session(in_session, by=request.getfixturevalue(persona))

    in_session.refresh_from_db()
    assert in_session.is_open


def test_the_close_page_closes_the_sitting_for_the_secretary(
    client, today, all_signed, in_session, secretary
):
    client.force_login(secretary)

    client.post(reverse("evaluations:session-close", args=[in_session.pk]), {"confirm": "on"})

    in_session.refresh_from_db()
    assert in_session.state == SessionState.CLOSED


# ---- Attendance ----------------------------------------------------------------------------------


def test_chair_records_who_is_present(today, council, in_session, chair, secretary):
    record_attendance(in_session, by=chair, present=_seats(council, chair, secretary))

    assert _present(in_session) == set(
        _seats(council, chair, secretary).values_list("pk", flat=True)
    )


@pytest.mark.parametrize("persona", ["council_member", "adviser", "provincial_office", "approver"])
def test_only_the_chair_or_secretary_records_attendance(
    today, request, council, in_session, chair, persona
):
    before = _present(in_session)

    with pytest.raises(PermissionDenied):
        record_attendance(
            in_session, by=request.getfixturevalue(persona), present=_seats(council, chair)
        )

    assert _present(in_session) == before


def test_attendance_of_a_closed_sitting_is_refused_without_closing_it_here(
    today, council, in_session, chair
):
    """The closed state is set directly, so this holds even if ``close_session`` were broken."""
    type(in_session).objects.filter(pk=in_session.pk).update(state=SessionState.CLOSED)
    in_session.refresh_from_db()
    before = _present(in_session)

    with pytest.raises(ValidationError):
        record_attendance(in_session, by=chair, present=_seats(council, chair))

    assert _present(in_session) == before


def test_a_plain_member_posting_attendance_learns_nothing_and_changes_nothing(
    client, today, council, in_session, council_member, chair
):
    before = _present(in_session)
    client.force_login(council_member)

    response = client.post(
        reverse("evaluations:session-attendance", args=[in_session.pk]),
        {"present": list(_seats(council, chair).values_list("pk", flat=True))},
    )

    assert response.status_code == 404
    assert _present(in_session) == before
