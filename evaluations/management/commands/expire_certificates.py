from django.core.management.base import BaseCommand

from duties.schedule import ran
from evaluations.certificates import record_expiries


class Command(BaseCommand):
    help = (
        "Record OCOP certificates whose 36 months of validity have passed (Decision 26/2026, "
        "Art. 4.3) and tell their producers. A certificate expires the day after its 'valid "
        "until' date; revoked and replaced ones are left alone. Idempotent: each certificate is "
        "recorded once, so running it daily from cron is safe."
    )

    def handle(self, *args, **options):
        with ran("expire_certificates"):  # shown on the timed duties page (duties.schedule)
            expired = record_expiries()
        for certificate in expired:
            if options["verbosity"] >= 2:
                self.stdout.write(f"{certificate.number} {certificate.valid_until:%d/%m/%Y}")
        self.stdout.write(f"Expired {len(expired)} certificates")
