"""Rendered parts of the public catalogue, cached until something they show changes.

The catalogue's filter bar, result cards and product pages cost tens of milliseconds to render
at national scale and are read far more often than recognitions are decided. Each cached part is
keyed by a version that any change to a certificate, product, photo, producer, sales point or
trade event bumps (saves and deletes, queryset updates and bulk writes: catalogue.apps), so a
revocation leaves the catalogue at once, not when a timer runs out; the date is in the key
because "current" certificates change at midnight without any write.
"""

import hashlib

from django.conf import settings
from django.contrib import messages
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


def etag(request, *_args, **_kwargs) -> str | None:
    """A page's ETag for conditional GET (a product or verification page is one object): the
    same version, language, day and address as the cached parts, and the visitor (a signed-in
    header, the CSRF secret of its sign-out form), so a 304 is answered without a query and is
    right exactly as long as the cached parts are. None while a message waits to be shown."""
    if len(messages.get_messages(request)):
        return None
    user = getattr(request, "user", None)
    who = f"{user.pk if user is not None and user.is_authenticated else ''}"
    secret = request.COOKIES.get(settings.CSRF_COOKIE_NAME, "")
    parts = (
        version(),
        get_language(),
        f"{timezone.localdate():%Y%m%d}",
        request.get_host(),
        request.get_full_path(),
        who,
        secret,
    )
    return '"' + hashlib.sha256(repr(parts).encode()).hexdigest()[:32] + '"'


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
