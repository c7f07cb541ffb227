"""The provincial office forms a council and its advisory team for a round."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from councils.models import Council, CouncilRole
from councils.services import form_council
from dossiers.models import RoundState
from tests import factories


def _create_url(round_):
    return reverse("evaluations:council-create", kwargs={"round_pk": round_.pk})


@pytest.mark.django_db
def test_provincial_office_forms_a_council_with_its_advisory_team(
    client, provincial_office, round_, chair, secretary, council_member, second_member, adviser
):
    client.force_login(provincial_office)

    response = client.post(
        _create_url(round_),
        {
            "name": "Hội đồng OCOP tỉnh đợt 2",
            "chair": chair.pk,
            "secretary": secretary.pk,
            "members": [council_member.pk, second_member.pk],
            "advisers": [adviser.pk],
            "spread_limit": "10",
            "quorum": "2/3",
        },
    )

    council = Council.objects.get()
    assert response.status_code == 302
    assert response["Location"] == council.get_absolute_url()
    assert (council.round, council.name, council.spread_limit) == (
        round_,
        "Hội đồng OCOP tỉnh đợt 2",
        Decimal(10),
    )
    assert sorted((seat.user.email, seat.role) for seat in council.members.all()) == [
        ("chutich@example.vn", CouncilRole.CHAIR),
        ("hoidong@example.vn", CouncilRole.MEMBER),
        ("thuky@example.vn", CouncilRole.SECRETARY),
        ("tuvan@example.vn", CouncilRole.ADVISER),
        ("uyvien2@example.vn", CouncilRole.MEMBER),
    ]


@pytest.mark.django_db
def test_provincial_office_is_offered_only_council_member_accounts_of_the_province(
    client, provincial_office, round_, chair, approver
):
    factories.UserFactory(role="council_member", province_id=1, full_name="Người Tỉnh Khác")
    client.force_login(provincial_office)

    response = client.get(_create_url(round_))

    assert list(response.context["form"].fields["chair"].queryset) == [chair]


@pytest.mark.django_db
def test_provincial_office_cannot_give_one_person_two_seats(
    client, provincial_office, round_, chair, secretary
):
    client.force_login(provincial_office)

    response = client.post(
        _create_url(round_),
        {
            "name": "Hội đồng",
            "chair": chair.pk,
            "secretary": secretary.pk,
            "members": [chair.pk],
            "spread_limit": "10",
            "quorum": "2/3",
        },
    )

    assert response.status_code == 200
    assert response.context["form"].errors["members"] == [
        "Đặng Văn Chủ đã giữ một vị trí khác trong hội đồng này."
    ]
    assert Council.objects.count() == 0


@pytest.mark.django_db
@pytest.mark.parametrize(
    "persona", ["stranger", "producer", "commune_officer", "council_member", "approver"]
)
def test_others_get_404_when_forming_a_council(client, request, persona, round_, chair):
    client.force_login(request.getfixturevalue(persona))

    page = client.get(_create_url(round_))
    posted = client.post(
        _create_url(round_),
        {"name": "Hội đồng", "chair": chair.pk, "spread_limit": "10", "quorum": "2/3"},
    )

    assert (page.status_code, posted.status_code) == (404, 404)
    assert Council.objects.count() == 0


@pytest.mark.django_db
def test_provincial_office_of_another_province_gets_404(client, round_, chair):
    elsewhere = factories.UserFactory(role="provincial_office", province_id=1)
    client.force_login(elsewhere)

    response = client.get(_create_url(round_))

    assert response.status_code == 404


@pytest.mark.django_db
def test_provincial_office_cannot_seat_people_of_another_province(provincial_office, round_, chair):
    outsider = factories.UserFactory(
        role="council_member", province_id=1, full_name="Người Tỉnh Khác"
    )

    with pytest.raises(ValidationError) as refused:
        form_council(round_, by=provincial_office, name="Hội đồng", chair=chair, members=[outsider])

    assert refused.value.messages == [
        "Người Tỉnh Khác không có tài khoản thành viên hội đồng của tỉnh này."
    ]
    assert Council.objects.count() == 0


@pytest.mark.django_db
def test_provincial_office_cannot_form_a_council_for_a_closed_round(provincial_office, chair):
    closed = factories.RoundFactory(state=RoundState.CLOSED)

    with pytest.raises(ValidationError):
        form_council(closed, by=provincial_office, name="Hội đồng", chair=chair)

    assert Council.objects.count() == 0


@pytest.mark.django_db
def test_approver_cannot_form_a_council(approver, round_, chair):
    with pytest.raises(PermissionDenied):
        form_council(round_, by=approver, name="Hội đồng", chair=chair)

    assert Council.objects.count() == 0
