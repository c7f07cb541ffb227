"""The admin speaks Vietnamese: Django's untranslated filter strings and the models' field labels
(e.g. "Show counts", "Closed by:", "Product", "Replaced by:")."""

import pytest
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db


def test_the_results_list_and_page_are_in_vietnamese(client, approver, today):
    result = factories.CouncilResultFactory(dossier__round__province_id=33)
    client.force_login(approver)

    listing = client.get(reverse("admin:councils_councilresult_changelist")).text
    page = client.get(reverse("admin:councils_councilresult_change", args=[result.pk])).text

    assert "Hiện số lượng" in listing
    assert "Show counts" not in listing
    assert "Closed by" not in page
    assert "Người khép lại chấm điểm:" in page


def test_certificate_labels_are_translated():
    from certificates.models import Certificate

    labels = {
        name: str(Certificate._meta.get_field(name).verbose_name)
        for name in ("product", "replaced_by", "issued_by")
    }

    assert labels == {
        "product": "sản phẩm",
        "replaced_by": "được thay bằng",
        "issued_by": "người cấp",
    }


def test_member_totals_and_the_average_share_one_number_format(client, approver, today):
    from decimal import Decimal

    from django.utils import timezone

    from councils.models import ScoreSheet

    result = factories.CouncilResultFactory(
        dossier__round__province_id=33, average=Decimal("81.60"), spread=Decimal("1.20")
    )
    member = factories.UserFactory(role="council_member", province_id=33, full_name="Thành viên")
    ScoreSheet.objects.create(
        dossier=result.dossier, member=member, total=Decimal("81.00"), submitted_at=timezone.now()
    )
    client.force_login(approver)

    page = client.get(reverse("admin:councils_councilresult_change", args=[result.pk])).text

    assert "<td>81,00</td>" in page
    assert "81,60" in page
    assert "81.00" not in page
