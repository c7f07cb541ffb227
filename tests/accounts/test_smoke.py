import pytest

from tests import factories


@pytest.mark.django_db
def test_personas_build(producer, stranger, commune_officer, district_officer, approver):
    assert producer.producer_membership.producer.commune.former_district.code == 330
    assert district_officer.covers_commune(producer.producer_membership.producer.commune)
    assert not district_officer.covers_commune(stranger.producer_membership.producer.commune)
    assert factories.UserFactory().check_password(factories.PASSWORD)
