"""The reports scope: import batches of the official's own province only; an administrator's
reports cover their province (or, without one, the country); figures shared only within an area."""

import pytest

from accounts.models import Role
from reports.models import ImportBatch
from reports.permissions import batches_visible_to, rounds_visible_to, scope_key
from tests import factories

pytestmark = pytest.mark.django_db

HUNG_YEN, HA_NOI = 33, 1


def test_an_office_sees_its_own_provinces_import_batches_only(areas, provincial_office):
    far_office = factories.UserFactory(role=Role.PROVINCIAL_OFFICE, province_id=HA_NOI)
    for province, uploader in ((HUNG_YEN, provincial_office), (HA_NOI, far_office)):
        ImportBatch.objects.create(
            province_id=province,
            file_name=f"chung-nhan-{province}.xlsx",
            file_sha256=f"{province:064d}",
            content=b"",
            uploaded_by=uploader,
        )

    assert {b.province_id for b in batches_visible_to(provincial_office)} == {HUNG_YEN}
    assert {b.province_id for b in batches_visible_to(far_office)} == {HA_NOI}
    approver = factories.UserFactory(role=Role.APPROVER, province_id=HUNG_YEN)
    assert not batches_visible_to(approver).exists()


@pytest.mark.parametrize(
    ("province_id", "key", "provinces"),
    [(HUNG_YEN, "province-33", {HUNG_YEN}), (None, "country", {HUNG_YEN, HA_NOI})],
)
def test_an_administrator_reports_on_their_province_or_on_the_whole_country(
    areas, province_id, key, provinces
):
    administrator = factories.UserFactory(role=Role.ADMINISTRATOR, province_id=province_id)
    for province in (HUNG_YEN, HA_NOI):
        factories.RoundFactory(province_id=province)

    assert scope_key(administrator) == key
    assert {r.province_id for r in rounds_visible_to(administrator)} == provinces


def test_figures_are_shared_only_between_people_of_the_same_area(
    areas, provincial_office, commune_officer, district_officer
):
    far_office = factories.UserFactory(role=Role.PROVINCIAL_OFFICE, province_id=HA_NOI)
    people = (provincial_office, far_office, commune_officer, district_officer)
    keys = [scope_key(person) for person in people]

    assert keys[0] == "province-33"
    assert keys[2] == f"commune-{commune_officer.jurisdiction_commune_id}"
    assert keys[3] == f"district-{district_officer.jurisdiction_district_id}"
    assert len(set(keys)) == 4
