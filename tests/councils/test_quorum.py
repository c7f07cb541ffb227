"""The quorum is an exact fraction of the scoring members (default 2/3): 9 seats need 6, not the 7
a share of 0.67 asked for."""

import importlib
from decimal import Decimal
from fractions import Fraction

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from councils.models import Council, CouncilMember, CouncilRole
from councils.services import form_council
from councils.sessions import quorum_from

migration = importlib.import_module("evaluations.migrations.0011_council_quorum_as_fraction")


def _nine_seats_and_an_adviser() -> list[CouncilMember]:
    roles = [CouncilRole.CHAIR, CouncilRole.SECRETARY] + [CouncilRole.MEMBER] * 7
    return [CouncilMember(pk=i, role=role) for i, role in enumerate([*roles, "adviser"], 1)]


def _quorum(council: Council, present: int):
    # The chair (pk 1) is always among those present here; the adviser (pk 10) never counts.
    return quorum_from(council, _nine_seats_and_an_adviser(), set(range(1, present + 1)))


def test_a_new_council_needs_two_thirds_and_nine_seats_need_six():
    council = Council()

    assert (council.quorum_numerator, council.quorum_denominator) == (2, 3)
    assert council.quorum_display == "2/3"
    assert _quorum(council, 6).needed == 6


@pytest.mark.parametrize(("present", "met"), [(6, True), (5, False), (9, True)])
def test_six_of_nine_meet_two_thirds_and_five_do_not(present, met):
    quorum = _quorum(Council(), present)

    assert (quorum.present, quorum.seats, quorum.met) == (present, 9, met)


def test_a_custom_fraction_of_three_quarters_needs_seven_of_nine():
    council = Council(quorum_numerator=3, quorum_denominator=4)  # e.g. Tây Ninh's Quy chế

    assert _quorum(council, 6).met is False
    assert _quorum(council, 7).met is True
    assert council.quorum_needed(8) == 6
    assert council.reaches_quorum(6, 8) is True


@pytest.mark.parametrize(
    ("share", "fraction"),
    [
        ("0.67", Fraction(2, 3)),
        ("0.66", Fraction(33, 50)),  # no simple fraction rounds to it: kept as stored
        ("0.75", Fraction(3, 4)),
        ("0.50", Fraction(1, 2)),
        ("1.00", Fraction(1)),
        ("0.60", Fraction(3, 5)),
        ("0.51", Fraction(51, 100)),
    ],
)
def test_the_migration_reads_a_stored_share_as_the_fraction_it_meant(share, fraction):
    assert migration.fraction_of(Decimal(share)) == fraction


@pytest.mark.django_db
def test_forming_a_council_with_three_quarters_keeps_the_exact_fraction(
    today, client, provincial_office, round_, chair, council_member
):
    client.force_login(provincial_office)

    client.post(
        reverse("evaluations:council-create", kwargs={"round_pk": round_.pk}),
        {
            "name": "Hội đồng",
            "chair": chair.pk,
            "members": [council_member.pk],
            "spread_limit": "10",
            "quorum": "3/4",
        },
    )

    council = Council.objects.get()
    assert (council.quorum_numerator, council.quorum_denominator) == (3, 4)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("typed", "message"),
    [
        (
            "0.67",
            "Ghi số thành viên tối thiểu dưới dạng phân số của số thành viên chấm điểm, "
            "ví dụ 2/3 hoặc 3/4.",
        ),
        (
            "1/3",
            "Số thành viên tối thiểu phải từ một nửa đến toàn bộ thành viên chấm điểm "
            "(từ 1/2 đến 1).",
        ),
        (
            "4/0",
            "Ghi số thành viên tối thiểu dưới dạng phân số của số thành viên chấm điểm, "
            "ví dụ 2/3 hoặc 3/4.",
        ),
    ],
)
def test_a_quorum_that_is_not_a_fraction_from_half_to_all_is_refused_in_vietnamese(
    today, client, provincial_office, round_, chair, typed, message
):
    client.force_login(provincial_office)

    page = client.post(
        reverse("evaluations:council-create", kwargs={"round_pk": round_.pk}),
        {"name": "Hội đồng", "chair": chair.pk, "spread_limit": "10", "quorum": typed},
    )

    assert page.status_code == 200
    assert page.context["form"].errors["quorum"] == [message]
    assert not Council.objects.exists()


@pytest.mark.django_db
def test_the_service_refuses_a_quorum_below_half(today, provincial_office, round_, chair):
    with pytest.raises(ValidationError):
        form_council(
            round_, by=provincial_office, name="Hội đồng", chair=chair, quorum=Fraction(1, 3)
        )

    assert not Council.objects.exists()
