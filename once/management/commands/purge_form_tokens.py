from django.core.management.base import BaseCommand

from duties.schedule import ran
from once.services import purge_tokens


class Command(BaseCommand):
    help = "Delete the one-time form tokens past their keeping time (once.services.KEEP_TOKENS)."

    def handle(self, *args, **options):
        with ran("purge_form_tokens"):  # shown on the timed duties' page (duties.schedule)
            deleted = purge_tokens()
            self.stdout.write(f"Deleted {deleted} one-time form tokens.")
