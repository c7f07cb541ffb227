"""The demo's past: the province's register of recognitions goes in through the real import, so
`make run` opens on a living catalogue with certificates near expiry and one revoked."""

import datetime

import pytest
import time_machine
from django.core.management import call_command

from certificates.models import Certificate
from dossiers.models import DossierAction
from evaluations.models import DossierEvent
from products.models import ProductPhoto
from programme.models import PlanTarget, TradeEvent
from reports.models import ImportBatch


def _snapshot():
    return (
        Certificate.objects.count(),
        ImportBatch.objects.count(),
        ProductPhoto.objects.count(),
        PlanTarget.objects.count(),
        TradeEvent.objects.count(),
        Certificate.objects.filter(revoked_on__isnull=False).count(),
    )


@pytest.mark.django_db
def test_history_is_imported_through_the_register_and_running_again_changes_nothing(
    areas, settings, tmp_path, today, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    with django_capture_on_commit_callbacks(execute=True):
        call_command("seed_demo", verbosity=0)
    first = _snapshot()
    call_command("seed_demo", verbosity=0)
    assert _snapshot() == first

    # One committed batch of the office's register; every past certificate came through it.
    batch = ImportBatch.objects.get()
    assert batch.is_committed
    assert batch.created_count == Certificate.objects.count()
    assert DossierEvent.objects.filter(action=DossierAction.IMPORT).count() == batch.created_count

    # Hưng Yên by the end of 2020: 8 products at 4★ and 16 at 3★.
    early = Certificate.objects.filter(decision_date__year__lte=2020)
    assert early.filter(stars=4).count() == 8
    assert early.filter(stars=3).count() == 16

    current = Certificate.objects.current()
    assert current.count() >= 10
    assert not current.filter(product__photos__isnull=True).exists()
    districts = set(current.values_list("product__producer__commune__former_district", flat=True))
    assert len(districts) >= 6
    window = (today + datetime.timedelta(days=120), today + datetime.timedelta(days=180))
    assert current.filter(valid_until__range=window).count() >= 3

    revoked = Certificate.objects.get(revoked_on__isnull=False)
    assert revoked.revocation_ground
    assert revoked.revoked_by.email == "lanhdao@ocop.demo"
    assert not current.filter(product=revoked.product).exists()

    assert PlanTarget.objects.filter(year=today.year, province_id=33).count() == 3
    assert TradeEvent.objects.upcoming(today).count() == 3

    # `make run` again two months later (other dates counted back): nothing is imported again.
    with time_machine.travel(today + datetime.timedelta(days=60), tick=False):
        call_command("seed_demo", verbosity=0)
    assert Certificate.objects.count() == batch.created_count
