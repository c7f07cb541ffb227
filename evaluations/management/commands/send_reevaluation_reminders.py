from django.core.management.base import BaseCommand

from duties.schedule import ran
from evaluations.certificates import send_reevaluation_reminders


class Command(BaseCommand):
    help = (
        "Email producers whose certificate's re-evaluation window is open: 180 to 120 days "
        "before expiry (Decision 26/2026, Art. 7.6). One reminder per certificate; products "
        "that already have a follow-up dossier under way are skipped. Idempotent: run it daily."
    )

    def handle(self, *args, **options):
        with ran("send_reevaluation_reminders"):  # shown on the timed duties page (duties.schedule)
            sent = send_reevaluation_reminders()
        for certificate in sent:
            if options["verbosity"] >= 2:
                self.stdout.write(f"{certificate.number} {certificate.valid_until:%d/%m/%Y}")
        self.stdout.write(f"Sent {len(sent)} re-evaluation reminders")
