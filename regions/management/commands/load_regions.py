from django.core.management.base import BaseCommand

from regions.loading import DATA_FILE, load_regions


class Command(BaseCommand):
    help = (
        "Load or refresh provinces, former districts and communes from regions/data/regions.json "
        "(idempotent: rows are upserted by code)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--file", default=str(DATA_FILE), help="Data file (default: %(default)s)"
        )
        parser.add_argument("--database", default="default", help="Database alias")

    def handle(self, *args, **options):
        result = load_regions(path=options["file"], using=options["database"])
        self.stdout.write(self.style.SUCCESS(str(result)))
