"""The chair's closing of scoring, at the edges the mutation run found untested (tests/MUTATION.md):
a member recorded absent holds nothing up, the audit names whose sheet was left out, and a
council whose every member stood aside is told so."""

import pytest
from django.utils.translation import gettext as _

from councils.models import CouncilMember, ScoreSheet
from councils.sessions import record_attendance
from dossiers.models import DossierState
from evaluations.models import DossierEvent
from evaluations.transitions import TransitionError, close_scoring

from .conftest import submitted_sheet

pytestmark = pytest.mark.django_db


def _present_all_but(council, chair, in_session, absent):
    present = CouncilMember.objects.filter(council=council).exclude(user=absent)
    record_attendance(in_session, by=chair, present=list(present))


def test_a_member_absent_without_a_sheet_is_not_waited_for(
    council, in_session, dossier, chair, secretary, council_member, second_member
):
    for member, total in [(chair, 80), (secretary, 78), (council_member, 76)]:
        submitted_sheet(dossier, member, total)
    _present_all_but(council, chair, in_session, second_member)

    close_scoring(dossier, by=chair)

    dossier.refresh_from_db()
    assert dossier.state == DossierState.SCORED
    assert DossierEvent.objects.get(dossier=dossier).data["absent_not_counted"] == [
        str(second_member)
    ]


def test_the_audit_of_a_close_with_everyone_present_lists_no_one_left_out(
    in_session, dossier, chair, secretary, council_member, second_member
):
    for member, total in [(chair, 80), (secretary, 78), (council_member, 76), (second_member, 74)]:
        submitted_sheet(dossier, member, total)

    close_scoring(dossier, by=chair)

    assert "absent_not_counted" not in DossierEvent.objects.get(dossier=dossier).data


def test_a_council_whose_every_member_declared_a_conflict_cannot_close(
    in_session, dossier, chair, secretary, council_member, second_member
):
    for member in (chair, secretary, council_member, second_member):
        ScoreSheet.objects.create(dossier=dossier, member=member, conflict_of_interest=True)

    with pytest.raises(TransitionError) as refused:
        close_scoring(dossier, by=chair)

    assert str(refused.value) == _("No score sheet counts: every member declared a conflict.")
    dossier.refresh_from_db()
    assert dossier.state == DossierState.IN_SCORING
