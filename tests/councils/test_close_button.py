"""The council page offers "Close scoring" exactly when the transition would close: it asks
``close_scoring_refusal``, the transition's own check, instead of a copy of part of it."""

import pytest
from django.urls import reverse

from councils.models import CouncilMember
from councils.sessions import record_attendance
from dossiers.models import DossierState
from evaluations.permissions import can
from evaluations.transitions import TransitionError, close_scoring

from .conftest import submitted_sheet

pytestmark = pytest.mark.django_db


@pytest.fixture
def all_signed(dossier, chair, secretary, council_member, second_member):
    for member, total in [(chair, 80), (secretary, 78), (council_member, 76), (second_member, 74)]:
        submitted_sheet(dossier, member, total)


def _row(client, council, dossier):
    response = client.get(reverse("evaluations:council-detail", kwargs={"pk": council.pk}))
    row = next(d for d in response.context["dossiers"] if d.pk == dossier.pk)
    close_url = reverse(
        "evaluations:council-close-scoring", kwargs={"pk": council.pk, "dossier_pk": dossier.pk}
    )
    return row, close_url in response.content.decode()


def test_every_sheet_signed_but_no_session_shows_no_button_and_says_why(
    client, chair, council, dossier, all_signed
):
    client.force_login(chair)

    row, button = _row(client, council, dossier)

    # The page used to offer the button here; the transition refuses outside a session.
    assert (row.closable, button) == (False, False)
    with pytest.raises(TransitionError) as refused:
        close_scoring(dossier, by=chair)
    assert row.closing_refusal == refused.value.args[0]


def test_a_session_without_its_quorum_shows_no_button(
    client, chair, secretary, council, dossier, all_signed, in_session
):
    present = CouncilMember.objects.filter(council=council, user__in=[chair, secretary])
    record_attendance(in_session, by=chair, present=present)
    client.force_login(chair)

    row, button = _row(client, council, dossier)

    assert (row.closable, button) == (False, False)
    assert "cần 3" in row.closing_refusal


def test_in_a_session_with_its_quorum_the_button_shows_and_closing_works(
    client, chair, council, dossier, all_signed, in_session
):
    client.force_login(chair)

    row, button = _row(client, council, dossier)
    closed = close_scoring(dossier, by=chair)

    assert (row.closable, row.closing_refusal, button) == (True, None, True)
    assert closed.state == DossierState.SCORED


@pytest.mark.django_db
def test_only_the_chair_of_the_dossiers_council_may_close_its_scoring(
    chair, secretary, council_member, second_member, dossier, all_signed, in_session
):
    # The secretary and the members sit on the same council and are council members by role:
    # the seat, not the role, decides (the chair signs the council's result).
    allowed = {
        person.email: can(person, "close_scoring", dossier)
        for person in (chair, secretary, council_member, second_member)
    }

    assert allowed == {
        chair.email: True,
        secretary.email: False,
        council_member.email: False,
        second_member.email: False,
    }


def _session_row(client, session, dossier):
    response = client.get(reverse("evaluations:session-detail", kwargs={"pk": session.pk}))
    item = next(i for i in response.context["board"].items if i.dossier_id == dossier.pk)
    close_url = reverse(
        "evaluations:council-close-scoring",
        kwargs={"pk": session.council_id, "dossier_pk": dossier.pk},
    )
    return item, close_url in response.content.decode(), response.content.decode()


def test_the_session_page_offers_no_button_without_the_quorum_and_says_why(
    client, chair, secretary, council, dossier, all_signed, in_session
):
    # Every sheet is signed, so the page's old test (no one waited for, a result) let it show.
    present = CouncilMember.objects.filter(council=council, user__in=[chair, secretary])
    record_attendance(in_session, by=chair, present=present)
    client.force_login(chair)

    item, button, page = _session_row(client, in_session, dossier)

    assert button is False
    with pytest.raises(TransitionError) as refused:
        close_scoring(dossier, by=chair)
    assert item.closing_refusal == refused.value.args[0]
    assert 'data-role="closing-refusal"' in page


def test_the_session_page_offers_the_button_when_closing_would_work(
    client, chair, council, dossier, all_signed, in_session
):
    client.force_login(chair)

    item, button, _page = _session_row(client, in_session, dossier)
    closed = close_scoring(dossier, by=chair)

    assert (item.closing_refusal, button) == (None, True)
    assert closed.state == DossierState.SCORED
