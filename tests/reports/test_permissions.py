"""The reports' predicates and their list scopes agree, for every persona."""

import pytest

from accounts.models import Role
from reports import permissions
from tests import factories
from tests.conftest import PERSONAS


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS)
def test_certificate_predicate_agrees_with_its_scope(request, persona, recognitions):
    user = request.getfixturevalue(persona)

    visible = set(permissions.certificates_visible_to(user))

    for certificate in recognitions.values():
        assert permissions.can_view_certificate(user, certificate) == (certificate in visible)


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS)
def test_round_predicate_agrees_with_its_scope(request, persona, past_round):
    user = request.getfixturevalue(persona)
    rounds = [past_round, factories.RoundFactory(), factories.RoundFactory(province_id=1)]

    visible = set(permissions.rounds_visible_to(user))

    for round_ in rounds:
        assert permissions.can_view_round(user, round_) == (round_ in visible)


@pytest.mark.django_db
def test_district_officer_sees_their_areas_certificates_only(district_officer, recognitions):
    visible = set(permissions.certificates_visible_to(district_officer))

    assert visible == {recognitions[k] for k in ("home_4", "home_3", "neighbour_5", "home_revoked")}


@pytest.mark.django_db
def test_administrator_without_a_province_sees_every_certificate(recognitions):
    admin = factories.UserFactory(role=Role.ADMINISTRATOR, is_staff=True)

    visible = set(permissions.certificates_visible_to(admin))

    assert visible == set(recognitions.values())
    assert permissions.can_import_certificates(admin) is True
