"""The imports page lists the batches of the official's own province only."""

import pytest

from accounts.models import Role
from reports.models import ImportBatch
from reports.permissions import batches_visible_to
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
