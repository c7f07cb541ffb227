from django.core.management.base import BaseCommand

from duties.schedule import ran
from outbox.sending import send_due


class Command(BaseCommand):
    help = (
        "Send the outbox's queued notices that are due: those whose first send failed (tried "
        "again further apart each time) and any not sent after their response. Safe to run often "
        "and from two machines at once: each notice is claimed before it is sent."
    )

    def handle(self, *args, **options):
        with ran("send_outbox"):  # shown on the timed duties page (duties.schedule)
            sent = send_due()
        self.stdout.write(f"Sent {sent} messages")
