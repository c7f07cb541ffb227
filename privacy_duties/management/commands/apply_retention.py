from django.core.management.base import BaseCommand
from django.utils import timezone

from privacy_duties import retention


class Command(BaseCommand):
    help = (
        "Delete personal data whose purpose is over (Decree 13/2023, Art. 16): producer "
        f"accounts never confirmed {retention.UNCONFIRMED_ACCOUNT_DAYS} days after sign-up; "
        f"dossiers still a never-submitted draft and untouched for "
        f"{retention.ABANDONED_DRAFT_MONTHS} months (the product stays); views of sensitive "
        f"data logged more than {retention.ACCESS_LOG_YEARS} years ago. Safe to run again "
        "(daily from a timer): a second run finds nothing. --dry-run only lists."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="list, delete nothing")

    def handle(self, *args, dry_run=False, **options):
        report = retention.apply_retention(now=timezone.now(), dry_run=dry_run)
        verb = "to delete (dry run)" if dry_run else "deleted"
        self.stdout.write(f"Unconfirmed accounts {verb}: {len(report.unconfirmed_accounts)}")
        for email in report.unconfirmed_accounts:
            self.stdout.write(f"  {email}")
        self.stdout.write(f"Abandoned drafts {verb}: {len(report.abandoned_drafts)}")
        for line in report.abandoned_drafts:
            self.stdout.write(f"  {line}")
        self.stdout.write(f"Sensitive-data log rows {verb}: {report.access_log_rows}")
