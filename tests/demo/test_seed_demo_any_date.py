"""`make run` and CI seed the demo on the real date: on any day of 2026-2030 it must build what
the README promises, with its round, deadlines and certificates counted from that day."""

import datetime
import zoneinfo

import pytest
import time_machine
from django.core.management import call_command

from certificates.models import Certificate
from certificates.models.certificate import CertificateStatus
from dossiers.models import Dossier, DossierState, Round, RoundState
from dossiers.working_days import is_working_day
from programme.models import PlanTarget, TradeEvent

VIETNAM = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
# Spring, New Year (and the round's days straddling it), Tết of 2027 and 2030, a leap day, mid-year,
# the last day of the range.
DAYS = [
    datetime.date(2026, 3, 2),
    datetime.date(2026, 12, 31),
    datetime.date(2027, 1, 1),
    datetime.date(2027, 2, 8),
    datetime.date(2028, 2, 29),
    datetime.date(2029, 7, 4),
    datetime.date(2030, 2, 4),
    datetime.date(2030, 12, 31),
]


def _on(day: datetime.date):
    return time_machine.travel(
        datetime.datetime.combine(day, datetime.time(10), VIETNAM), tick=False
    )


@pytest.mark.django_db
@pytest.mark.parametrize("day", DAYS, ids=str)
def test_the_demo_seeds_on_any_day(day, areas, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    today = day
    with time_machine.travel(
        datetime.datetime.combine(day, datetime.time(10), VIETNAM), tick=False
    ):
        call_command("seed_demo", verbosity=0)

    # Today's round is open for dossiers, its dates in order and ahead of today.
    round_ = Round.objects.get(state=RoundState.OPEN)  # the imported years are closed
    assert round_.accepts_dossiers(today)
    assert round_.opens_on <= today < round_.local_cutoff_on
    assert round_.local_cutoff_on < round_.council_meeting_on < round_.closes_on
    deadlines = [round_.local_cutoff_on, round_.council_meeting_on, round_.closes_on]
    assert all(is_working_day(deadline) for deadline in deadlines)  # never on Tết or a Sunday
    states = sorted(Dossier.objects.filter(round=round_).values_list("state", flat=True))
    assert states == sorted(
        [
            DossierState.SUBMITTED,
            DossierState.RETURNED,
            DossierState.ACCEPTED,
            DossierState.IN_SCORING,
            DossierState.SCORED,
        ]
    )

    # The province's past, as the README tells it: 49 recognitions since 2019, 8 at 4★ and
    # 16 at 3★ by the end of 2020, one revoked, some current ones due for re-evaluation.
    past = Certificate.objects.all()  # none in today's round yet
    assert past.count() == 49
    assert min(past.values_list("decision_date", flat=True)).year == 2019
    early = past.filter(decision_date__year__lte=2020)
    assert (early.filter(stars=4).count(), early.filter(stars=3).count()) == (8, 16)
    assert not past.filter(decision_date__gt=today).exists()
    statuses = [c.status(today) for c in past]
    assert statuses.count(CertificateStatus.REVOKED) == 1
    assert statuses.count(CertificateStatus.EXPIRING) >= 3
    current = [s for s in statuses if s in {CertificateStatus.VALID, CertificateStatus.EXPIRING}]
    assert len(current) >= 10
    # Each current certificate is its product's only one.
    products = [c.product_id for c in Certificate.objects.current(today)]
    assert len(products) == len(set(products))

    assert PlanTarget.objects.filter(year=today.year, province_id=33).count() == 3
    assert TradeEvent.objects.upcoming(today).count() == 3


@pytest.mark.django_db
def test_running_the_demo_again_after_new_year_changes_nothing(areas, settings, tmp_path):
    """`make run` seeds the same database again: in January it found last year's dossiers
    still in progress and stopped, refused a second dossier for the same products."""
    settings.MEDIA_ROOT = tmp_path
    with _on(datetime.date(2026, 12, 21)):
        call_command("seed_demo", verbosity=0)
    before = (Round.objects.count(), Dossier.objects.count(), Certificate.objects.count())

    with _on(datetime.date(2027, 1, 5)):
        call_command("seed_demo", verbosity=0)

    assert (Round.objects.count(), Dossier.objects.count(), Certificate.objects.count()) == before
    assert Dossier.objects.filter(round__state=RoundState.OPEN).count() == 5
