"""Retire every cached public page: the catalogue, product and verification pages.
deploy/restore.sh runs it, so a restored database is never shown through pages cached from the
one it replaced (a certificate's status could otherwise be stale)."""

from django.core.management.base import BaseCommand

from catalogue import public_cache


class Command(BaseCommand):
    help = "Retire every cached public page (after a restore)."

    def handle(self, *args, **options):
        public_cache.retire()
        self.stdout.write("Retired the cached catalogue, product and verification pages.")
