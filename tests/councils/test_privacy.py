"""A member's sheet is private until submitted; the council's progress is for its chair and
secretary and the province's officials."""

import pytest
from django.urls import reverse

from councils.models import Council, ScoreSheet
from councils.permissions import can_oversee_council, can_view_sheet
from councils.services import save_sheet_points, sheet_for
from tests import factories

from .conftest import submitted_sheet


def _member_sheet_url(sheet):
    return reverse(
        "evaluations:member-sheet", kwargs={"pk": sheet.dossier_id, "user_pk": sheet.member_id}
    )


@pytest.fixture
def draft(dossier, council_member, criteria_set):
    """A sheet being filled: 4 points chosen on the first criterion, not submitted."""
    first = criteria_set.leaf_criteria()[0]
    return save_sheet_points(
        sheet_for(dossier, council_member), points={first.code: first.max_points}
    )


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["chair", "secretary", "second_member", "provincial_office"])
def test_others_cannot_read_a_sheet_before_it_is_submitted(client, request, persona, draft):
    client.force_login(request.getfixturevalue(persona))

    response = client.get(_member_sheet_url(draft))

    assert response.status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["chair", "secretary", "provincial_office", "approver"])
def test_chair_secretary_and_province_read_a_submitted_sheet(
    client, request, persona, dossier, council_member
):
    sheet = submitted_sheet(dossier, council_member, 72)
    client.force_login(request.getfixturevalue(persona))

    response = client.get(_member_sheet_url(sheet))

    assert response.status_code == 200
    assert (response.context["sheet"], response.context["editable"]) == (sheet, False)
    assert response.context["running_total"] == 72


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["second_member", "adviser", "stranger", "producer"])
def test_other_members_and_outsiders_never_read_a_submitted_sheet(
    client, request, persona, dossier, council_member
):
    sheet = submitted_sheet(dossier, council_member, 72)
    client.force_login(request.getfixturevalue(persona))

    response = client.get(_member_sheet_url(sheet))

    assert response.status_code == 404


@pytest.mark.django_db
def test_chair_sees_no_points_of_a_sheet_before_submission(client, chair, dossier, draft):
    client.force_login(chair)

    response = client.get(reverse("evaluations:council-detail", kwargs={"pk": dossier.council_id}))

    row = response.context["dossiers"][0]
    cell = {seat.user.email: sheet for seat, sheet, _flags in row.cells}["hoidong@example.vn"]
    assert response.status_code == 200
    assert cell == draft
    assert row.outcome.result is None
    assert _member_sheet_url(draft) not in response.text


@pytest.mark.django_db
@pytest.mark.parametrize(
    "persona", ["council_member", "adviser", "stranger", "producer", "commune_officer"]
)
def test_members_and_outsiders_cannot_follow_the_councils_progress(
    client, request, persona, council
):
    client.force_login(request.getfixturevalue(persona))

    response = client.get(reverse("evaluations:council-detail", kwargs={"pk": council.pk}))

    assert response.status_code == 404


@pytest.mark.django_db
def test_can_view_sheet_agrees_with_visible_to(
    request, dossier, council, council_member, second_member, chair, producer_org
):
    other_council = factories.CouncilFactory(round=council.round)
    other = factories.DossierFactory(
        round=council.round,
        product__producer=producer_org,
        state="in_scoring",
        council=other_council,
    )
    factories.CouncilMemberFactory(council=other_council, user=second_member, role="chair")
    sheets = [
        submitted_sheet(dossier, council_member, 70),
        sheet_for(dossier, second_member),
        submitted_sheet(dossier, chair, 75, conflict_of_interest=True),
        sheet_for(other, second_member),
        submitted_sheet(other, council_member, 60),
    ]
    personas = [
        "chair", "secretary", "council_member", "second_member", "adviser",
        "provincial_office", "approver", "producer", "stranger", "commune_officer",
    ]  # fmt: skip

    for persona in personas:
        user = request.getfixturevalue(persona)
        visible = set(ScoreSheet.objects.visible_to(user))
        assert {s for s in sheets if can_view_sheet(user, s)} == visible, persona


@pytest.mark.django_db
def test_can_oversee_council_agrees_with_visible_to(request, council, secretary):
    elsewhere = factories.CouncilFactory(round=factories.RoundFactory(province_id=1))
    mine_elsewhere = factories.CouncilFactory(round=council.round)
    factories.CouncilMemberFactory(council=mine_elsewhere, user=secretary, role="member")
    councils = [council, elsewhere, mine_elsewhere]
    personas = [
        "chair", "secretary", "council_member", "adviser", "provincial_office", "approver",
        "producer", "stranger", "commune_officer",
    ]  # fmt: skip

    for persona in personas:
        user = request.getfixturevalue(persona)
        visible = set(Council.objects.visible_to(user))
        assert {c for c in councils if can_oversee_council(user, c)} == visible, persona
