"""apply_retention: unconfirmed accounts after 30 days, never-submitted drafts untouched for
12 months; idempotent; says what it did."""

import datetime
import io
import zoneinfo

import pytest
import time_machine
from django.core.management import call_command

from accounts.models import User
from dossiers.models import Dossier, DossierState
from tests import factories

pytestmark = pytest.mark.django_db

TZ = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
SIGN_UP_DAY = datetime.datetime(2026, 1, 10, 9, 0, tzinfo=TZ)


def _run(at: datetime.datetime) -> str:
    out = io.StringIO()
    with time_machine.travel(at, tick=False):
        call_command("apply_retention", stdout=out)
    return out.getvalue()


@pytest.fixture
def accounts():
    with time_machine.travel(SIGN_UP_DAY, tick=False):
        never = factories.UserFactory(email="never@example.vn", is_active=False)
        confirmed = factories.UserFactory(email="confirmed@example.vn")
    with time_machine.travel(SIGN_UP_DAY + datetime.timedelta(days=5), tick=False):
        recent = factories.UserFactory(email="recent@example.vn", is_active=False)
    return never, confirmed, recent


def test_unconfirmed_accounts_go_after_30_days_and_a_second_run_finds_nothing(accounts):
    first = _run(SIGN_UP_DAY + datetime.timedelta(days=31))
    second = _run(SIGN_UP_DAY + datetime.timedelta(days=31, hours=1))

    assert set(User.objects.values_list("email", flat=True)) == {
        "confirmed@example.vn",
        "recent@example.vn",
    }
    assert "Unconfirmed accounts deleted: 1" in first
    assert "never@example.vn" in first
    assert "Unconfirmed accounts deleted: 0" in second


def test_nothing_goes_before_30_days(accounts):
    _run(SIGN_UP_DAY + datetime.timedelta(days=29))

    assert User.objects.count() == 3


def test_abandoned_drafts_go_after_12_months_submitted_dossiers_stay(producer_org, areas):
    with time_machine.travel(SIGN_UP_DAY, tick=False):
        old_draft = factories.DossierFactory(product__producer=producer_org)
        submitted = factories.DossierFactory(
            product__producer=producer_org,
            state=DossierState.SUBMITTED,
            submitted_at=SIGN_UP_DAY,
        )
    with time_machine.travel(SIGN_UP_DAY + datetime.timedelta(days=200), tick=False):
        fresh_draft = factories.DossierFactory(product__producer=producer_org)

    out = _run(datetime.datetime(2027, 1, 11, 9, 0, tzinfo=TZ))

    assert set(Dossier.objects.values_list("pk", flat=True)) == {submitted.pk, fresh_draft.pk}
    assert f"#{old_draft.pk}" in out
    assert old_draft.product.__class__.objects.filter(pk=old_draft.product_id).exists()


def test_dry_run_deletes_nothing(accounts):
    out = io.StringIO()
    with time_machine.travel(SIGN_UP_DAY + datetime.timedelta(days=33), tick=False):
        call_command("apply_retention", "--dry-run", stdout=out)

    assert User.objects.count() == 3
    assert "Unconfirmed accounts to delete (dry run): 1" in out.getvalue()
