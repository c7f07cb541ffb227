"""A second province's officials and producer, for the boundaries between provinces.

The suite's personas live in Hưng Yên (33); these live in Hà Nội (1), in the former district of
Ba Đình. Each one is the same kind of person as a Hưng Yên persona, so a page that answers the
Hưng Yên persona and not its Hà Nội twin is held by the province boundary alone.
"""

import pytest

from accounts.models import Role
from regions.models import Commune, FormerDistrict
from tests import factories

HA_NOI = 1


@pytest.fixture
def ha_noi_district(areas):
    return FormerDistrict.objects.filter(province_id=HA_NOI).order_by("code").first()


@pytest.fixture
def ha_noi_commune(ha_noi_district):
    return Commune.objects.filter(former_district=ha_noi_district).order_by("code").first()


@pytest.fixture
def far_office(areas):
    return factories.UserFactory(
        email="vanphong.hanoi@example.vn",
        role=Role.PROVINCIAL_OFFICE,
        province_id=HA_NOI,
        is_staff=True,
    )


@pytest.fixture
def far_approver(areas):
    return factories.UserFactory(
        email="lanhdao.hanoi@example.vn", role=Role.APPROVER, province_id=HA_NOI, is_staff=True
    )


@pytest.fixture
def far_officer(ha_noi_district):
    return factories.UserFactory(
        email="canbo.hanoi@example.vn",
        role=Role.LOCAL_OFFICER,
        jurisdiction_district=ha_noi_district,
    )


@pytest.fixture
def far_council_member(areas):
    return factories.UserFactory(
        email="hoidong.hanoi@example.vn", role=Role.COUNCIL_MEMBER, province_id=HA_NOI
    )


@pytest.fixture
def far_producer(ha_noi_commune):
    org = factories.ProducerFactory(name="Hợp tác xã Ba Đình", commune=ha_noi_commune)
    user = factories.UserFactory(email="chuthe.hanoi@example.vn")
    factories.MembershipFactory(producer=org, user=user, is_owner=True)
    return user


@pytest.fixture
def other_commune_officer(neighbour_commune):
    """An officer of another commune of the producer's own former district."""
    return factories.UserFactory(
        email="canbo.xakhac@example.vn",
        role=Role.LOCAL_OFFICER,
        jurisdiction_commune=neighbour_commune,
    )


@pytest.fixture
def outside_member(areas):
    """A council member of Hưng Yên who sits on no council of the world's round."""
    return factories.UserFactory(
        email="hoidong.khac@example.vn", role=Role.COUNCIL_MEMBER, province_id=33
    )
