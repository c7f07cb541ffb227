"""Rendered parts of the public catalogue, cached until something they show changes.

The catalogue's filter bar, result cards and product pages cost tens of milliseconds to render
at national scale and are read far more often than recognitions are decided. Each cached part is
keyed by a version that any change to a certificate, product, photo, producer, sales point or
trade event bumps (saves and deletes, queryset updates and bulk writes: catalogue.apps), so a
revocation leaves the catalogue at once, not when a timer runs out; the date is in the key
because "current" certificates change at midnight without any write.
"""

import hashlib

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django.utils.translation import get_language

from ocop_portal import cache_versions

VERSION_KEY = "catalogue:version"
TIMEOUT = 60 * 60
MISSING = object()


def version() -> int:
    return cache_versions.read(VERSION_KEY)


def _bump() -> None:
    cache_versions.bump(VERSION_KEY)


def retire() -> None:
    """Retire every cached part at once (after a restore, or a change made with raw SQL)."""
    _bump()


def changed(**_signal_kwargs) -> None:
    """Receiver for the models the catalogue shows (their saves, deletes, queryset updates
    and bulk writes). Bumped at once (the writing request's own
    next read) and again after the commit: a request that rendered between the two would
    otherwise have cached the old rows under the new version."""
    _bump()
    transaction.on_commit(_bump)


def cached(request, name: str, compute):
    """``compute()``'s result for this page, language, day and query string, from the cache if
    nothing has changed since it was computed. The result may be None (a page that does not
    exist); it must be picklable, such as rendered HTML."""
    path = hashlib.sha256(request.get_full_path().encode()).hexdigest()[:32]
    key = f"catalogue:{version()}:{get_language()}:{timezone.localdate():%Y%m%d}:{name}:{path}"
    found = cache.get(key, MISSING)
    if found is MISSING:
        found = compute()
        cache.set(key, found, TIMEOUT)
    return found
