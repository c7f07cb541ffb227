"""An administrator of a province manages that province's rounds only; a national administrator
(no province) manages every province's."""

import pytest

from accounts.models import Role
from evaluations.permissions import can_manage_round
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

    managed = {p for p in (HUNG_YEN, HA_NOI) if can_manage_round(administrator, p)}

    assert managed == provinces
