"""The council's result at the edges the mutation run found untested (tests/MUTATION.md): the
quorum of counted sheets (the council page's warning), whose sheets are waited for and in which
order, the council's own spread limit, and what the stored result keeps of each member."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from councils.council_results import Presence, compute_council_result, store_council_result
from councils.models import CouncilMember, CouncilRole, ScoreSheet
from tests import factories

from .conftest import submitted_sheet

pytestmark = pytest.mark.django_db


def _seat(council, user):
    return CouncilMember.objects.get(council=council, user=user)


def test_the_quorum_counts_the_sheets_against_every_scoring_seat(
    council, dossier, chair, secretary, council_member, second_member
):
    # Four scoring seats, a quorum of 2/3: two counted sheets are not enough, three are.
    submitted_sheet(dossier, chair, 80)
    submitted_sheet(dossier, secretary, 78)
    ScoreSheet.objects.create(dossier=dossier, member=council_member, conflict_of_interest=True)
    ScoreSheet.objects.create(dossier=dossier, member=second_member, conflict_of_interest=True)

    assert compute_council_result(dossier).quorum_met is False

    ScoreSheet.objects.filter(member=second_member).delete()
    submitted_sheet(dossier, second_member, 76)

    assert compute_council_result(dossier).quorum_met is True


def test_an_absent_member_still_holds_a_seat_for_the_quorum(
    council, dossier, chair, secretary, council_member, second_member
):
    submitted_sheet(dossier, chair, 80)
    submitted_sheet(dossier, secretary, 78)
    ScoreSheet.objects.create(dossier=dossier, member=council_member, conflict_of_interest=True)
    present = Presence(frozenset(_seat(council, u).pk for u in (chair, secretary, council_member)))

    outcome = compute_council_result(dossier, present)

    assert [seat.user for seat, _sheet in outcome.absent] == [second_member]
    assert outcome.quorum_met is False  # 2 counted of 4 seats, not of the 3 present


def test_the_chair_waits_for_members_in_name_order_and_only_for_this_councils(
    council, dossier, chair, secretary, council_member, second_member
):
    other = factories.CouncilFactory(round=council.round, name="Hội đồng khác")
    factories.CouncilMemberFactory(council=other, user__full_name="An Văn Khác")

    outcome = compute_council_result(dossier)

    # By name (the database's order of full names), not by when the seat was given; the other
    # council's "An Văn Khác" would come first if its seats were counted here.
    expected = sorted(str(u) for u in (chair, secretary, council_member, second_member))
    assert expected[0] != str(chair)  # the seats were given chair first
    assert outcome.waiting_for == expected


def test_the_councils_own_spread_limit_decides_the_discussion(
    council, dossier, chair, secretary, council_member, second_member
):
    council.spread_limit = Decimal(5)
    council.save()
    for member, total in [(chair, 80), (secretary, 78), (council_member, 76), (second_member, 74)]:
        submitted_sheet(dossier, member, total)

    result = compute_council_result(dossier).result

    assert (result.spread, result.spread_exceeded) == (Decimal(6), True)  # over 5, under 10


def test_the_stored_result_names_each_member_and_an_absent_draft_has_no_total(
    council, dossier, chair, secretary, council_member, second_member
):
    for member, total in [(chair, 80), (secretary, 78), (council_member, 76)]:
        submitted_sheet(dossier, member, total)
    ScoreSheet.objects.create(dossier=dossier, member=second_member, total=Decimal(85))  # a draft
    present = Presence(frozenset(_seat(council, u).pk for u in (chair, secretary, council_member)))

    stored = store_council_result(dossier, by=chair, presence=present)

    assert sorted(entry["name"] for entry in stored.member_totals.values()) == sorted(
        str(u) for u in (chair, secretary, council_member)
    )
    assert stored.absent_members == [{"name": str(second_member), "total": None}]


def test_an_admitted_written_sheet_is_recorded_under_its_members_name(
    council, dossier, chair, secretary, council_member, second_member
):
    for member, total in [(chair, 80), (secretary, 78), (council_member, 76), (second_member, 85)]:
        submitted_sheet(dossier, member, total)
    seats = [_seat(council, u).pk for u in (chair, secretary, council_member)]
    written = Presence(frozenset(seats), admitted=frozenset({_seat(council, second_member).pk}))

    stored = store_council_result(dossier, by=chair, presence=written)

    assert stored.admitted_members == [str(second_member)]


def test_storing_a_result_no_sheet_counts_for_is_refused_in_words(
    dossier, chair, secretary, council_member, second_member
):
    for member in (chair, secretary, council_member, second_member):
        ScoreSheet.objects.create(dossier=dossier, member=member, conflict_of_interest=True)

    with pytest.raises(ValidationError) as refused:
        store_council_result(dossier, by=chair)

    assert refused.value.messages == [_("No score sheet counts: every member declared a conflict.")]


def test_advisers_seats_are_not_scoring_seats(council, dossier, adviser):
    assert _seat(council, adviser).role == CouncilRole.ADVISER
    assert str(adviser) not in compute_council_result(dossier).waiting_for
