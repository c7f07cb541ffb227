"""Which deletion requests an official may see and execute: the office of the person's province,
a provincial administrator likewise, a national administrator or a superuser all of them."""

import pytest

from accounts.models import Role
from privacy.models import DeletionRequest
from privacy.permissions import can_handle_deletion, handled_requests_for
from tests import factories

pytestmark = pytest.mark.django_db

HUNG_YEN, HA_NOI = 33, 1


@pytest.fixture
def requests_by_province(areas):
    return {
        province: DeletionRequest.objects.create(
            province_id=province, requested_by_label=f"Người yêu cầu {province}"
        )
        for province in (HUNG_YEN, HA_NOI)
    }


@pytest.fixture
def people(areas, provincial_office):
    return {
        "office": provincial_office,
        "provincial administrator": factories.UserFactory(
            email="quantri.hungyen@example.vn", role=Role.ADMINISTRATOR, province_id=HUNG_YEN
        ),
        "national administrator": factories.UserFactory(
            email="quantri@example.vn", role=Role.ADMINISTRATOR, province_id=None
        ),
        "superuser of another province": factories.UserFactory(
            email="sieuquantri@example.vn",
            role=Role.PROVINCIAL_OFFICE,
            province_id=HA_NOI,
            is_superuser=True,
        ),
    }


@pytest.mark.parametrize(
    ("person", "provinces"),
    [
        ("office", {HUNG_YEN}),
        ("provincial administrator", {HUNG_YEN}),
        ("national administrator", {HUNG_YEN, HA_NOI}),
        ("superuser of another province", {HUNG_YEN, HA_NOI}),
    ],
)
def test_deletion_requests_are_handled_within_the_officials_province(
    people, requests_by_province, person, provinces
):
    user = people[person]

    handled = {p for p, r in requests_by_province.items() if can_handle_deletion(user, r)}
    listed = {r.province_id for r in handled_requests_for(user, DeletionRequest.objects.all())}

    assert handled == provinces
    assert listed == provinces
