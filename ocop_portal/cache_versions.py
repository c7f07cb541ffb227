"""Version counters in the shared cache: part of the keys of cached parts, bumped to retire them.

Used by the catalogue's cache (catalogue.public_cache). A counter never expires, so an LRU
policy on volatile keys never evicts it; if it is lost all the same, any new value retires the
keys made under the old one.
"""

import logging

from django.conf import settings
from django.core import checks
from django.core.cache import cache

logger = logging.getLogger(__name__)


def read(key: str) -> int:
    current = cache.get(key)
    if current is None:
        cache.add(key, 1, timeout=None)
        current = cache.get(key, 1)
    return current


def bump(key: str) -> None:
    """Retire every entry made under the current value. Never raises: a database write that
    triggered the bump must not fail because the cache is down."""
    try:
        try:
            cache.incr(key)
        except ValueError:  # evicted or never set
            cache.set(key, read(key) + 1, timeout=None)
    except Exception:  # any error of the cache client library
        logger.warning("Could not bump %s: the cache is unreachable", key, exc_info=True)


@checks.register(checks.Tags.caches, deploy=True)
def check_shared_cache(app_configs=None, **kwargs):
    """Each process of a local-memory cache counts its own versions: with several app server
    processes, one would keep serving a catalogue page another has just made stale."""
    backend = settings.CACHES["default"]["BACKEND"]
    if backend.endswith("LocMemCache"):
        return [
            checks.Warning(
                "The cache is local to each process.",
                hint="Set REDIS_URL: the catalogue cache and the report rate limit "
                "must be shared by every app server process (deploy/README.md).",
                id="ocop_portal.W001",
            )
        ]
    return []
