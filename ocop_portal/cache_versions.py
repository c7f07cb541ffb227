"""Version counters in the shared cache: part of the keys of cached pages, bumped to retire them.

Used by the catalogue's cache (catalogue.public_cache) and the kept signed-in pages
(ocop_portal.page_cache). A counter never expires, so an LRU policy on volatile keys never
evicts it; if it is lost all the same, any new value retires the keys made under the old one.
"""

import logging

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
