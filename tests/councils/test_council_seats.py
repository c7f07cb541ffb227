"""A council seat counts on its own council only, for its own holder: the chair of one council
neither scores nor oversees another's dossiers, and a plain member does not oversee."""

import pytest

from councils.models import CouncilRole
from councils.permissions import can_oversee_council
from dossiers.models import DossierState
from dossiers.permissions import council_role
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_councils(producer_org, council_member):
    round_ = factories.RoundFactory()
    ours, theirs = (factories.CouncilFactory(round=round_) for _ in range(2))
    factories.CouncilMemberFactory(council=ours, user=council_member, role=CouncilRole.CHAIR)
    plain = factories.CouncilMemberFactory(council=ours, role=CouncilRole.MEMBER).user
    factories.CouncilMemberFactory(council=theirs, role=CouncilRole.CHAIR)
    dossiers = {
        council: factories.DossierFactory(
            round=round_,
            product=factories.ProductFactory(producer=producer_org),
            state=DossierState.IN_SCORING,
            council=council,
        )
        for council in (ours, theirs)
    }
    return ours, theirs, plain, dossiers


def test_each_person_has_their_own_seat_on_their_own_council(two_councils, council_member):
    ours, theirs, plain, dossiers = two_councils

    # The same dossier object asked about two people (the seat is remembered per person).
    assert council_role(council_member, dossiers[ours]) == CouncilRole.CHAIR
    assert council_role(plain, dossiers[ours]) == CouncilRole.MEMBER
    assert council_role(council_member, dossiers[theirs]) is None


def test_only_the_councils_own_chair_or_secretary_oversees_it(
    two_councils, council_member, commune_officer
):
    ours, theirs, plain, _ = two_councils

    assert can_oversee_council(council_member, ours)
    assert not can_oversee_council(council_member, theirs)
    assert not can_oversee_council(plain, ours)
    assert not can_oversee_council(commune_officer, ours)
