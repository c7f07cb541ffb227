"""Each step's legal time limit as a countdown: working days skip public holidays (kept as data),
the province's steps end with the round, a re-evaluation has 45 days; the dossier page shows it."""

import datetime
import zoneinfo

import pytest
import time_machine
from django.urls import reverse

from dossiers import deadlines
from dossiers.models import Dossier, DossierKind, DossierState
from evaluations import transitions
from tests import factories

VN = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
# The factories look up an area even for unsaved dossiers; their rounds' default dates come
# from the clock, pinned at 15/09/2026 like every `today` below.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("today")]


def _at(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(9, 0), tzinfo=VN)


def _dossier(state, submitted_on, **kwargs):
    # Unsaved: the countdown needs only the dossier and its round.
    round_ = kwargs.pop("round", None) or factories.RoundFactory.build()
    return factories.DossierFactory.build(
        state=state, submitted_at=_at(submitted_on), round=round_, **kwargs
    )


def test_local_review_countdown_skips_national_day():
    # Friday 28/08/2026: Monday 31/8 (swapped with Saturday 22/8), then 1/9 and 2/9 are off.
    dossier = _dossier(DossierState.SUBMITTED, datetime.date(2026, 8, 28))

    clock = deadlines.step_clock(dossier, today=datetime.date(2026, 9, 15))

    assert (clock.step, clock.remaining, clock.due_on, clock.overdue) == (
        "local_review",
        6,
        datetime.date(2026, 9, 23),  # without the three days off it would be 18/9
        False,
    )


def test_local_review_across_tet_2027_is_due_after_the_holiday_week():
    # Monday 1/2/2027: Tết takes 4/2 to 10/2 (mùng 1 is Saturday 6/2), so 2 working days
    # before it and 13 after.
    dossier = _dossier(DossierState.ACCEPTED, datetime.date(2027, 2, 1))

    on_time = deadlines.step_clock(dossier, today=datetime.date(2027, 2, 26))
    late = deadlines.step_clock(dossier, today=datetime.date(2027, 3, 3))

    assert (on_time.due_on, on_time.remaining) == (datetime.date(2027, 3, 1), 1)
    assert (late.overdue, late.overdue_by) == (True, 2)


def test_province_steps_end_with_the_round():
    round_ = factories.RoundFactory.build(closes_on=datetime.date(2026, 9, 10))
    dossier = _dossier(DossierState.IN_SCORING, datetime.date(2026, 7, 1), round=round_)

    clock = deadlines.step_clock(dossier, today=datetime.date(2026, 9, 15))

    assert (clock.step, clock.in_working_days, clock.overdue_by) == ("province", False, 5)


def test_re_evaluation_has_45_days_from_the_provinces_receipt_even_when_the_round_ends_later():
    round_ = factories.RoundFactory.build(closes_on=datetime.date(2026, 12, 20))
    dossier = _dossier(
        DossierState.FORWARDED,
        datetime.date(2026, 6, 1),  # the producer filed long before: that does not count
        round=round_,
        kind=DossierKind.RE_EVALUATION,
    )
    dossier.province_received_at = _at(datetime.date(2026, 7, 25))  # with_province_receipt

    clock = deadlines.step_clock(dossier, today=datetime.date(2026, 9, 15))

    assert (clock.step, clock.due_on, clock.overdue_by) == (
        "re_evaluation",
        datetime.date(2026, 9, 8),
        7,
    )


def test_a_re_evaluation_in_local_review_counts_only_the_communes_15_working_days():
    # Art. 7.6.b, 7.6.g: the commune's review comes first; the 45 days start at the province.
    dossier = _dossier(
        DossierState.ACCEPTED, datetime.date(2026, 7, 1), kind=DossierKind.RE_EVALUATION
    )

    clock = deadlines.step_clock(dossier, today=datetime.date(2026, 9, 15))

    assert (clock.step, clock.in_working_days) == ("local_review", True)


def test_the_45_days_start_with_the_forward_to_the_province(make_dossier, commune_officer, today):
    """Art. 7.6.g: "45 ngày kể từ ngày nhận đủ hồ sơ đề nghị của UBND cấp xã": filed on 1/7,
    held by the commune, forwarded on 20/8/2026: due 4/10, not 15/8."""
    dossier = make_dossier(
        DossierState.ACCEPTED,
        kind=DossierKind.RE_EVALUATION,
        submitted_at=_at(datetime.date(2026, 7, 1)),
        round=factories.RoundFactory(closes_on=datetime.date(2026, 12, 20)),
    )
    with time_machine.travel(_at(datetime.date(2026, 8, 20)), tick=False):
        transitions.forward_dossier(dossier, by=commune_officer)

    fetched = Dossier.objects.get(pk=dossier.pk)
    listed = deadlines.with_province_receipt(Dossier.objects.filter(pk=dossier.pk)).get()

    for each in (fetched, listed):
        clock = deadlines.step_clock(each, today=today)
        assert (clock.step, clock.due_on, clock.remaining) == (
            "re_evaluation",
            datetime.date(2026, 10, 4),
            19,
        )


@pytest.mark.parametrize(
    "state", [DossierState.RETURNED, DossierState.NOMINATED, DossierState.APPROVED]
)
def test_no_countdown_where_the_law_sets_no_limit_for_the_province(state):
    dossier = _dossier(state, datetime.date(2026, 8, 1))

    assert deadlines.step_clock(dossier, today=datetime.date(2026, 9, 15)) is None


def test_every_limit_names_its_legal_basis():
    assert all(limit.basis for limit in deadlines.STEP_LIMITS)
    assert deadlines.LIMITS["local_review"].days == 15


def test_dossier_page_shows_the_countdown_in_vietnamese(
    client, commune_officer, producer_org, today
):
    dossier = factories.DossierFactory(
        product__producer=producer_org,
        state=DossierState.SUBMITTED,
        revision=1,
        submitted_at=_at(datetime.date(2026, 8, 28)),
    )
    late = factories.DossierFactory(
        product__producer=producer_org,
        state=DossierState.SUBMITTED,
        revision=1,
        submitted_at=_at(datetime.date(2026, 8, 17)),
    )
    client.force_login(commune_officer)

    on_time = client.get(reverse("evaluations:dossier-detail", args=[dossier.pk])).content.decode()
    overdue = client.get(reverse("evaluations:dossier-detail", args=[late.pk])).content.decode()

    assert "Còn 6 ngày làm việc — hạn 23/09/2026" in on_time
    assert "Quá hạn 4 ngày làm việc" in overdue


def test_producer_sees_no_countdown(client, producer, producer_org, today):
    dossier = factories.DossierFactory(
        product__producer=producer_org,
        state=DossierState.SUBMITTED,
        revision=1,
        submitted_at=_at(datetime.date(2026, 8, 28)),
    )
    client.force_login(producer)

    response = client.get(reverse("evaluations:dossier-detail", args=[dossier.pk]))

    assert response.context["clock"] is None
