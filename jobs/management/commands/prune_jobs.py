import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from jobs.models import FINISHED_STATUSES, Job
from jobs.schedule import ran
from once.services import purge_tokens


class Command(BaseCommand):
    help = (
        "Delete finished background jobs older than --days, with their result files, and the "
        "one-time form tokens past their keeping time."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=30)

    def handle(self, *args, days, **options):
        with ran("prune_jobs"):  # shown on the self-check page (jobs.schedule)
            self._prune(days)
            tokens = purge_tokens()
            self.stdout.write(f"Deleted {tokens} one-time form tokens.")

    def _prune(self, days):
        cutoff = timezone.now() - datetime.timedelta(days=days)
        old = Job.objects.filter(status__in=FINISHED_STATUSES, finished_at__lt=cutoff)
        count = 0
        for job in old.iterator():
            if job.result_file:
                job.result_file.delete(save=False)
            job.delete()
            count += 1
        self.stdout.write(f"Deleted {count} finished jobs older than {days} days.")
