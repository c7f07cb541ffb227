"""An administrator of a province manages that province's rounds only; a national administrator
(no province) manages every province's. A producer account without a profile sees nothing."""

import pytest
from django.urls import reverse

from accounts.models import Role
from dossiers.permissions import can_manage_round, can_view_dossier, can_view_round
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


@pytest.mark.parametrize(
    ("role", "province_id", "is_superuser", "provinces"),
    [
        (Role.PROVINCIAL_OFFICE, HUNG_YEN, False, {HUNG_YEN}),
        (Role.ADMINISTRATOR, HUNG_YEN, False, {HUNG_YEN}),
        # The admin used to list nothing here while the portal let them manage every round.
        (Role.ADMINISTRATOR, None, False, {HUNG_YEN, HA_NOI}),
        (Role.ADMINISTRATOR, None, True, {HUNG_YEN, HA_NOI}),
    ],
)
def test_the_rounds_admin_lists_the_rounds_its_user_manages(
    client, areas, role, province_id, is_superuser, provinces
):
    user = factories.UserFactory(
        role=role, province_id=province_id, is_staff=True, is_superuser=is_superuser
    )
    rounds = {p: factories.RoundFactory(province_id=p) for p in (HUNG_YEN, HA_NOI)}
    client.force_login(user)

    response = client.get(reverse("admin:dossiers_round_changelist"))

    listed = {round_.province_id for round_ in response.context["cl"].result_list}
    assert listed == provinces
    assert listed == {p for p in rounds if can_manage_round(user, p)}


def test_an_approver_has_no_rounds_admin(client, approver):
    factories.RoundFactory(province_id=HUNG_YEN)
    client.force_login(approver)

    response = client.get(reverse("admin:dossiers_round_changelist"))

    assert response.status_code == 403


def test_a_producer_account_without_a_profile_sees_no_round_or_dossier(areas, producer_org):
    round_ = factories.RoundFactory(province_id=HUNG_YEN)
    dossier = factories.DossierFactory(
        round=round_, product=factories.ProductFactory(producer=producer_org)
    )
    newcomer = factories.UserFactory(email="moi@example.vn")

    assert not can_view_round(newcomer, round_)
    assert not can_view_dossier(newcomer, dossier)
