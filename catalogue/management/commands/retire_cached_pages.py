"""Retire every cached page: the public catalogue, product and verification pages, and the
officials' kept pages. deploy/restore.sh runs it, so a restored database is never shown through
pages cached from the one it replaced (a certificate's status could otherwise be stale)."""

from django.core.management.base import BaseCommand

from catalogue import public_cache
from ocop_portal import page_cache


class Command(BaseCommand):
    help = "Retire every cached public and signed-in page (after a restore)."

    def handle(self, *args, **options):
        public_cache._bump()
        page_cache.bump()
        self.stdout.write("Retired the cached catalogue, verification and kept pages.")
