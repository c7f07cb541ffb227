"""Who sees which dossier and round: each predicate agrees with its QuerySet twin, on a mixed
set of dossiers that could leak (other commune, other former district, other province, drafts)."""

import pytest
from django.http import Http404

from dossiers.models import Dossier, DossierState, Round
from dossiers.permissions import can_view_dossier, can_view_round, get_dossier_for
from regions.models import Commune
from tests import factories
from tests.conftest import PERSONAS


@pytest.fixture
def mixed_dossiers(producer_org, stranger, neighbour_commune, open_round, today):
    """Ours in three states, a neighbour commune's, the stranger's (Kim Động), another
    province's; every one could leak to someone."""
    neighbour = factories.ProducerFactory(commune=neighbour_commune)
    stranger_org = stranger.producer_membership.producer
    elsewhere_round = factories.RoundFactory(province_id=1)
    elsewhere_org = factories.ProducerFactory(commune=Commune.objects.filter(province_id=1).first())
    arrangements = [
        (producer_org, DossierState.DRAFT, open_round),
        (producer_org, DossierState.SUBMITTED, open_round),
        (producer_org, DossierState.FORWARDED, open_round),
        (neighbour, DossierState.SUBMITTED, open_round),
        (stranger_org, DossierState.SUBMITTED, open_round),
        (stranger_org, DossierState.DRAFT, open_round),
        (elsewhere_org, DossierState.SUBMITTED, elsewhere_round),
    ]
    return [
        factories.DossierFactory(product__producer=org, state=state, round=round_)
        for org, state, round_ in arrangements
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS)
def test_can_view_dossier_agrees_with_visible_to(request, persona, mixed_dossiers):
    user = request.getfixturevalue(persona)

    visible = set(Dossier.objects.visible_to(user).values_list("pk", flat=True))

    assert {d.pk for d in mixed_dossiers if can_view_dossier(user, d)} == visible & {
        d.pk for d in mixed_dossiers
    }


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        ("producer", [0, 1, 2]),
        ("stranger", [4, 5]),
        ("commune_officer", [1, 2]),
        ("district_officer", [1, 2, 3]),
        ("other_district_officer", [4]),
        ("provincial_office", [1, 2, 3, 4]),
        ("council_member", []),
        ("approver", [1, 2, 3, 4]),
    ],
)
def test_each_persona_sees_exactly_the_dossiers_of_its_reach(
    request, persona, expected, mixed_dossiers
):
    user = request.getfixturevalue(persona)

    visible = set(Dossier.objects.visible_to(user).values_list("pk", flat=True))

    assert sorted(i for i, d in enumerate(mixed_dossiers) if d.pk in visible) == expected


@pytest.mark.django_db
def test_officer_of_one_former_district_gets_404_on_anothers_dossier(
    other_district_officer, mixed_dossiers
):
    ours = mixed_dossiers[1]

    with pytest.raises(Http404):
        get_dossier_for(other_district_officer, ours.pk)


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS)
def test_can_view_round_agrees_with_visible_to(request, persona, open_round):
    elsewhere = factories.RoundFactory(province_id=1)
    user = request.getfixturevalue(persona)

    visible = set(Round.objects.visible_to(user).values_list("pk", flat=True))

    rounds = [open_round, elsewhere]
    assert {r.pk for r in rounds if can_view_round(user, r)} == visible
    assert visible == {open_round.pk}
