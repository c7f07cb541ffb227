"""What the chair and the secretary are told when a sitting refuses a change: a closed sitting
(also one closed by someone else after the page was read) takes no attendance, order, discussion
or written sheet; only the council's own members are recorded present."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from evaluations.models import CouncilMember, CouncilSession, SessionState
from evaluations.sessions import (
    admit_written_sheet,
    open_session,
    record_attendance,
    record_discussion,
    set_agenda_order,
)
from tests import factories

pytestmark = pytest.mark.django_db

CLOSED = ["Phiên họp này đã kết thúc."]
NOT_OURS = ["Chỉ thành viên của hội đồng mới được ghi nhận có mặt."]


@pytest.fixture
def closed_elsewhere(in_session):
    """The sitting as the page read it (open), closed since by the other of chair and secretary."""
    CouncilSession.objects.filter(pk=in_session.pk).update(state=SessionState.CLOSED)
    assert in_session.state == SessionState.OPEN
    return in_session


@pytest.fixture
def seat_elsewhere(round_, chair):
    """The chair's seat on another council of the round."""
    other = factories.CouncilFactory(round=round_, name="Hội đồng đợt 2, tổ 2")
    return factories.CouncilMemberFactory(council=other, user=chair, role="member")


def _messages(call, *args, **kwargs):
    with pytest.raises(ValidationError) as refused:
        call(*args, **kwargs)
    return refused.value.messages


def test_a_sitting_closed_meanwhile_takes_no_attendance(closed_elsewhere, council, chair):
    before = set(closed_elsewhere.attendees.all())

    messages = _messages(
        record_attendance, closed_elsewhere, by=chair, present=council.members.filter(role="chair")
    )

    assert messages == CLOSED
    assert set(closed_elsewhere.attendees.all()) == before


def test_a_sitting_closed_meanwhile_takes_no_order_discussion_or_written_sheet(
    closed_elsewhere, council, chair, second_member
):
    item = closed_elsewhere.items.get()
    seat = CouncilMember.objects.get(council=council, user=second_member)

    refusals = [
        _messages(set_agenda_order, closed_elsewhere, by=chair, positions={item.pk: 1}),
        _messages(record_discussion, item, by=chair, note="Thống nhất"),
        _messages(
            admit_written_sheet, closed_elsewhere, by=chair, member=seat, basis="Điều 9 Quy chế"
        ),
    ]

    assert refusals == [CLOSED, CLOSED, CLOSED]
    item.refresh_from_db()
    assert item.discussion_note == ""
    assert not closed_elsewhere.written_admissions.exists()


def test_a_seat_of_another_council_is_not_recorded_present_at_opening(
    council, chair, seat_elsewhere
):
    own = list(council.members.all())

    messages = _messages(
        open_session,
        council,
        by=chair,
        held_on=datetime.date(2026, 9, 15),
        place="Hội trường UBND tỉnh",
        present=[*own, seat_elsewhere],
    )

    assert messages == NOT_OURS
    assert not CouncilSession.objects.exists()


def test_a_seat_of_another_council_is_not_recorded_present_later(
    in_session, council, chair, seat_elsewhere
):
    before = set(in_session.attendees.all())

    messages = _messages(
        record_attendance, in_session, by=chair, present=[seat_elsewhere, *council.members.all()]
    )

    assert messages == NOT_OURS
    assert set(in_session.attendees.all()) == before


def test_the_councils_own_seats_are_recorded_present_as_given(in_session, council, chair):
    present = list(council.members.filter(role__in=["chair", "member"]))

    record_attendance(in_session, by=chair, present=iter(present))

    assert set(in_session.attendees.all()) == set(present)
