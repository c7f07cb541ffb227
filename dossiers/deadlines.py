"""Working days, the local review's deadline, and the time limit of each step (``STEP_LIMITS``).

Decision 26/2026/QĐ-TTg, Art. 7.2: the commune checks the dossier, assesses it (Form 03) and sends
it to the province within 15 working days (counted by ``working_days``: weekends, public holidays
and the Government's yearly swaps). As in the Civil Code (Art. 147), a period starts the day after
the event that opens it: a dossier submitted on Monday has used one working day on Tuesday
evening. Art. 7.6.g: a re-evaluation takes at most 45 days from the province's receipt of the
complete dossier.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q, Subquery
from django.utils import timezone

from dossiers.models import Dossier, DossierAction, DossierKind, DossierState

# The calendar, and its system check (registered on import).
from dossiers.working_days import (  # noqa: F401  (part of this module's interface)
    add_working_days,
    check_holiday_calendar,
    is_working_day,
    working_days_between,
)

LOCAL_REVIEW_WORKING_DAYS = 15
# Under this many working days left, the queue shows the dossier in amber.
WARNING_REMAINING_DAYS = 5


@dataclass(frozen=True)
class ReviewClock:
    """Where a dossier stands against the local review's 15 working days."""

    started_on: datetime.date
    due_on: datetime.date
    elapsed: int
    limit: int = LOCAL_REVIEW_WORKING_DAYS

    @property
    def remaining(self) -> int:
        return self.limit - self.elapsed

    @property
    def overdue(self) -> bool:
        return self.elapsed > self.limit

    @property
    def level(self) -> str:
        """A Bootstrap colour: on time, close to the limit, or overdue."""
        if self.overdue:
            return "danger"
        if self.remaining <= WARNING_REMAINING_DAYS:
            return "warning"
        return "success"


def local_review_clock(dossier: Dossier, today: datetime.date | None = None) -> ReviewClock | None:
    """The clock of a dossier the local officer holds (submitted or accepted, not yet
    forwarded), counted from its latest submission; None for any other dossier."""
    if dossier.state not in DossierState.LOCAL_REVIEW or dossier.submitted_at is None:
        return None
    today = today or timezone.localdate()
    started_on = timezone.localdate(dossier.submitted_at)
    return ReviewClock(
        started_on=started_on,
        due_on=add_working_days(started_on, LOCAL_REVIEW_WORKING_DAYS),
        elapsed=working_days_between(started_on, today),
    )


# ---- The time limit of each step -----------------------------------------------------------


class Unit:
    WORKING_DAYS = "working_days"
    DAYS = "days"


@dataclass(frozen=True)
class StepLimit:
    """A step's legal time limit. `days` is None where the limit is a date of the round's own
    (the province's steps end with the round) or where the law sets none (`basis` says so)."""

    step: str
    states: frozenset[str]
    days: int | None
    unit: str | None
    starts: str
    basis: str


# The sources are ../shared/ocop/RESEARCH.md §4.3-4.4. Where the law is silent the entry has no
# limit and the portal shows no countdown: inventing one would make officials chase a rule that
# does not exist.
STEP_LIMITS: tuple[StepLimit, ...] = (
    StepLimit(
        step="local_review",
        states=DossierState.LOCAL_REVIEW,
        days=LOCAL_REVIEW_WORKING_DAYS,
        unit=Unit.WORKING_DAYS,
        starts="the latest submission",
        basis="Decision 26/2026/QĐ-TTg, Art. 7.2",
    ),
    # Art. 7.6.g: "không quá 45 ngày kể từ ngày nhận đủ hồ sơ đề nghị của UBND cấp xã hoặc UBND cấp
    # tỉnh": the 45 days are the evaluating level's, counted from its receipt of the complete
    # dossier the commune proposes (Art. 7.2.b, 7.3.a), not from the producer's filing. The
    # commune's own 15 working days come before and are not taken out of them. In the portal
    # that receipt is the forward to the province (the FORWARD audit row). The Ministry's 45 days
    # for a 5★ re-evaluation run from the province's proposal, outside the province's steps.
    StepLimit(
        step="re_evaluation",
        states=DossierState.AT_PROVINCE - {DossierState.NOMINATED},
        days=45,
        unit=Unit.DAYS,
        starts="the province's receipt of the complete dossier from the commune: the forward to "
        "the province",
        basis="Decision 26/2026/QĐ-TTg, Art. 7.6.g",
    ),
    StepLimit(
        step="province",
        states=DossierState.AT_PROVINCE - {DossierState.NOMINATED},
        days=None,
        unit=Unit.DAYS,
        starts="the round's closing date (round 1 before 30 June, round 2 before 30 December)",
        basis="Decision 26/2026/QĐ-TTg, Art. 5 and Art. 7.3",
    ),
    StepLimit(
        step="correction",
        states=frozenset({DossierState.RETURNED}),
        days=None,
        unit=None,
        starts="",
        basis="No limit in Decision 26/2026: the producer resubmits while the round accepts it.",
    ),
    StepLimit(
        step="national",
        states=frozenset({DossierState.NOMINATED}),
        days=None,
        unit=None,
        starts="",
        basis="The Ministry's own rounds (Art. 5: before 30 September / 30 March); not the "
        "province's step, so no countdown here.",
    ),
    # Revocation: within 15 days of the conclusion of a violation (Art. 8). The portal does not
    # record that conclusion's date, so it cannot count it; listed for completeness.
    StepLimit(
        step="revocation",
        states=frozenset(),
        days=15,
        unit=Unit.DAYS,
        starts="the conclusion of the violation, or the commune's confirmation that production "
        "stopped",
        basis="Decision 26/2026/QĐ-TTg, Art. 8",
    ),
)
LIMITS = {limit.step: limit for limit in STEP_LIMITS}
RE_EVALUATION_DAYS = LIMITS["re_evaluation"].days


@dataclass(frozen=True)
class StepClock:
    """Where a dossier stands against the time limit of the step it is in. `remaining` is
    negative once the limit has passed (by that many days, working days for `WORKING_DAYS`)."""

    step: str
    due_on: datetime.date
    remaining: int
    unit: str

    @property
    def overdue(self) -> bool:
        return self.remaining < 0

    @property
    def overdue_by(self) -> int:
        return max(-self.remaining, 0)

    @property
    def in_working_days(self) -> bool:
        return self.unit == Unit.WORKING_DAYS

    @property
    def level(self) -> str:
        if self.overdue:
            return "danger"
        if self.remaining <= WARNING_REMAINING_DAYS:
            return "warning"
        return "success"


def _calendar_clock(step: str, due_on: datetime.date, today: datetime.date) -> StepClock:
    return StepClock(step=step, due_on=due_on, remaining=(due_on - today).days, unit=Unit.DAYS)


def _events():
    """The dossiers' audit (evaluations.models.DossierEvent), reached through the relation: the
    workflow's app sits above this one."""
    return Dossier._meta.get_field("events").related_model


def with_province_receipt(dossiers):
    """`dossiers` with ``province_received_at``, the time of the latest forward to the province
    (the start of a re-evaluation's 45 days, Art. 7.6.g), in the same query: a list calls
    ``step_clock`` without a query per row."""
    latest_forward = (
        _events()
        .objects.filter(dossier=OuterRef("pk"), action=DossierAction.FORWARD)
        .order_by("-created_at", "-pk")
        .values("created_at")[:1]
    )
    return dossiers.annotate(province_received_at=Subquery(latest_forward))


def province_received_on(dossier: Dossier) -> datetime.date | None:
    """The day the province received the complete dossier from the commune, or None."""
    if hasattr(dossier, "province_received_at"):
        received_at = dossier.province_received_at
    else:
        event = (
            dossier.events.filter(action=DossierAction.FORWARD)
            .order_by("-created_at", "-pk")
            .first()
            if dossier.pk
            else None
        )
        received_at = event.created_at if event else None
    return timezone.localdate(received_at) if received_at else None


def step_clock(dossier: Dossier, today: datetime.date | None = None) -> StepClock | None:
    """The countdown of the step `dossier` is in, or None where the law sets no limit.

    Needs the dossier and its round (``for_list()`` loads them) and, for a re-evaluation at the
    province, the day the province received it (``with_province_receipt`` annotates it; else
    one query). A re-evaluation counts its 45 days, unless its round ends sooner.
    """
    today = today or timezone.localdate()
    state = dossier.state
    if dossier.submitted_at is None:
        return None
    clocks = []
    if dossier.kind == DossierKind.RE_EVALUATION and state in LIMITS["re_evaluation"].states:
        received_on = province_received_on(dossier)
        if received_on is not None:
            due_on = received_on + datetime.timedelta(days=RE_EVALUATION_DAYS)
            clocks.append(_calendar_clock("re_evaluation", due_on, today))
    if state in LIMITS["local_review"].states:
        clock = local_review_clock(dossier, today)
        clocks.append(
            StepClock(
                step="local_review",
                due_on=clock.due_on,
                remaining=clock.remaining,
                unit=Unit.WORKING_DAYS,
            )
        )
    elif state in LIMITS["province"].states:
        clocks.append(_calendar_clock("province", dossier.round.closes_on, today))
    # The clock that binds: an overdue one first, else the one due soonest.
    return min(clocks, key=lambda clock: (not clock.overdue, clock.due_on), default=None)


def _last_overdue_start(today: datetime.date) -> datetime.date:
    """The latest submission day whose local review is overdue today: working days elapsed are
    fewer the later the start, so walk back from today until more than the limit have passed."""
    day = today
    while working_days_between(day, today) <= LOCAL_REVIEW_WORKING_DAYS:
        day -= datetime.timedelta(days=1)
    return day


def _start_of_day_after(day: datetime.date) -> datetime.datetime:
    next_day = day + datetime.timedelta(days=1)
    return timezone.make_aware(datetime.datetime.combine(next_day, datetime.time.min))


def overdue_filter(today: datetime.date | None = None) -> Q:
    """Dossiers past their step's limit today, as one filter: the list counts in the database."""
    today = today or timezone.localdate()
    local = Q(
        state__in=LIMITS["local_review"].states,
        submitted_at__lt=_start_of_day_after(_last_overdue_start(today)),
    )
    province = Q(state__in=LIMITS["province"].states, round__closes_on__lt=today)
    # Received by the province before this moment: its 45 days have passed today. Only the
    # latest forward counts: one after the cut-off started the 45 days again.
    cutoff = _start_of_day_after(today - datetime.timedelta(days=RE_EVALUATION_DAYS + 1))
    forwards = _events().objects.filter(dossier=OuterRef("pk"), action=DossierAction.FORWARD)
    re_evaluation = Q(
        Exists(forwards.filter(created_at__lt=cutoff)),
        ~Exists(forwards.filter(created_at__gte=cutoff)),
        kind=DossierKind.RE_EVALUATION,
        state__in=LIMITS["re_evaluation"].states,
    )
    return local | province | re_evaluation
