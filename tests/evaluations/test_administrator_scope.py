"""An administrator of a province manages that province's rounds only; a national administrator
(no province) manages every province's. A producer account without a profile sees nothing."""

import pytest

from accounts.models import Role
from evaluations.permissions import can_manage_round, can_view_dossier, can_view_round
from tests import factories

pytestmark = pytest.mark.django_db

HUNG_YEN, HA_NOI = 33, 1


@pytest.mark.parametrize(
    ("province_id", "provinces"),
    [(HUNG_YEN, {HUNG_YEN}), (None, {HUNG_YEN, HA_NOI})],
)
def test_an_administrator_manages_the_rounds_of_their_province_or_of_all(
    areas, province_id, provinces
):
    administrator = factories.UserFactory(role=Role.ADMINISTRATOR, province_id=province_id)

    rounds = {p: factories.RoundFactory(province_id=p) for p in (HUNG_YEN, HA_NOI)}

    managed = {p for p in rounds if can_manage_round(administrator, p)}
    seen = {p for p, round_ in rounds.items() if can_view_round(administrator, round_)}

    assert managed == provinces
    assert seen == provinces


def test_a_producer_account_without_a_profile_sees_no_round_or_dossier(areas, producer_org):
    round_ = factories.RoundFactory(province_id=HUNG_YEN)
    dossier = factories.DossierFactory(
        round=round_, product=factories.ProductFactory(producer=producer_org)
    )
    newcomer = factories.UserFactory(email="moi@example.vn")

    assert not can_view_round(newcomer, round_)
    assert not can_view_dossier(newcomer, dossier)
