"""Retention rules for data nobody uses (Decree 13/2023, Art. 16.1(c): data are deleted once
the purpose is over). Run daily by ``manage.py apply_retention``; each rule is idempotent.

- UNCONFIRMED_ACCOUNT_DAYS: a producer account whose email was never confirmed (never active,
  never signed in) is deleted, with its consent records, this many days after sign-up;
- ABANDONED_DRAFT_MONTHS: a dossier still a draft, never submitted and untouched this many
  months, is deleted with its history (the product stays, and can be entered again);
- ACCESS_LOG_YEARS: the log of views of sensitive data is kept this many years.
"""

import datetime
from dataclasses import dataclass, field

from django.db import transaction

from accounts.models import Role, User
from evaluations.models import Dossier, DossierState
from evaluations.models.certificate import add_months
from privacy.models import PersonalDataAccess

UNCONFIRMED_ACCOUNT_DAYS = 30
ABANDONED_DRAFT_MONTHS = 12
ACCESS_LOG_YEARS = 2


@dataclass
class RetentionReport:
    unconfirmed_accounts: list[str] = field(default_factory=list)
    abandoned_drafts: list[str] = field(default_factory=list)
    access_log_rows: int = 0


def _months_before(moment: datetime.datetime, months: int) -> datetime.datetime:
    return datetime.datetime.combine(add_months(moment.date(), -months), moment.timetz())


def unconfirmed_accounts(now: datetime.datetime):
    cutoff = now - datetime.timedelta(days=UNCONFIRMED_ACCOUNT_DAYS)
    return User.objects.filter(
        role=Role.PRODUCER, is_active=False, last_login__isnull=True, date_joined__lt=cutoff
    ).exclude(producer_membership__isnull=False)


def abandoned_drafts(now: datetime.datetime):
    return Dossier.objects.filter(
        state=DossierState.DRAFT,
        submitted_at__isnull=True,
        updated_at__lt=_months_before(now, ABANDONED_DRAFT_MONTHS),
    )


@transaction.atomic
def apply_retention(*, now: datetime.datetime, dry_run: bool = False) -> RetentionReport:
    report = RetentionReport()
    accounts = unconfirmed_accounts(now).order_by("pk")
    report.unconfirmed_accounts = [user.email for user in accounts]
    drafts = abandoned_drafts(now).select_related("product", "round").order_by("pk")
    report.abandoned_drafts = [f"#{d.pk} {d.product.name} ({d.round})" for d in drafts]
    old_log = PersonalDataAccess.objects.filter(at__lt=_months_before(now, 12 * ACCESS_LOG_YEARS))
    report.access_log_rows = old_log.count()
    if not dry_run:
        drafts.delete()
        accounts.delete()
        old_log.delete()
    return report
