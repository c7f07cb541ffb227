"""The programme's predicates at their edges: an officer of another area, an idea not yet ready,
a council member (not programme staff), and the province of the events an administrator manages."""

import pytest

from accounts.models import Role
from programme.models import IdeaStage
from programme.permissions import (
    can_advise,
    can_convert_idea,
    can_manage_event,
    can_register_idea_for,
    can_view_idea,
    can_view_idea_list,
    can_view_support_list,
)
from tests import factories

pytestmark = pytest.mark.django_db

HUNG_YEN, HA_NOI = 33, 1


def test_an_officer_of_another_area_neither_registers_nor_advises_for_the_producer(
    producer_org, commune_officer, other_district_officer
):
    idea = factories.ProductIdeaFactory(producer=producer_org)

    assert can_register_idea_for(commune_officer, producer_org)
    assert can_advise(commune_officer, idea)
    assert not can_register_idea_for(other_district_officer, producer_org)
    assert not can_advise(other_district_officer, idea)


@pytest.mark.parametrize(
    ("stage", "allowed"),
    [(IdeaStage.IDEA, False), (IdeaStage.PLAN, False), (IdeaStage.READY, True)],
)
def test_only_a_ready_idea_becomes_a_product(producer, producer_org, stage, allowed):
    idea = factories.ProductIdeaFactory(producer=producer_org, stage=stage)

    assert can_convert_idea(producer, idea) is allowed


def test_a_council_member_has_no_ideas_or_support_lists(council_member, commune_officer):
    assert can_view_idea_list(commune_officer)
    assert can_view_support_list(commune_officer)
    assert not can_view_idea_list(council_member)
    assert not can_view_support_list(council_member)


@pytest.mark.parametrize(
    ("role", "province_id", "provinces"),
    [
        (Role.PROVINCIAL_OFFICE, HUNG_YEN, {HUNG_YEN}),
        (Role.ADMINISTRATOR, HUNG_YEN, {HUNG_YEN}),
        (Role.ADMINISTRATOR, None, {HUNG_YEN, HA_NOI}),
    ],
)
def test_events_are_managed_by_their_own_provinces_office(areas, role, province_id, provinces):
    user = factories.UserFactory(role=role, province_id=province_id)
    events = {p: factories.TradeEventFactory(province_id=p) for p in (HUNG_YEN, HA_NOI)}

    assert {p for p, event in events.items() if can_manage_event(user, event)} == provinces


def test_a_producer_account_without_a_profile_sees_no_idea_and_no_error(producer_org, areas):
    idea = factories.ProductIdeaFactory(producer=producer_org)
    newcomer = factories.UserFactory(email="moi@example.vn")

    assert not can_view_idea(newcomer, idea)
    assert not can_register_idea_for(newcomer, producer_org)
