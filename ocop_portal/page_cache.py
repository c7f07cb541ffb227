"""Signed-in pages kept as rendered until anything in the database changes.

Officials reopen the same queue, dossier, score sheet and results list many times between two
decisions, and rendering them costs 15 to 90 ms of CPU (templates, form widgets, the admin's
change list). A page is kept per person and served again while nothing has been written: every
INSERT, UPDATE, DELETE or TRUNCATE that goes through Django's database connections (model saves,
queryset updates, bulk writes, raw SQL; in the web workers as in the job workers) bumps one
version, and the version is part of each key. Sessions and sign-in attempts are not data any
page shows, so their writes do not count.

The key also holds the person, the hash of their CSRF secret (a kept page holds forms whose
tokens are valid only for the browser that asked), the language, the day (deadlines count days
without any write), the host and the full path. A page is kept for at most
``PAGE_CACHE_SECONDS`` (10 minutes; 0 keeps nothing), which bounds what a change made outside
Django (psql by hand), or a write made while the cache could not be reached, can leave behind.

The trade-off: while a province is busy, each write retires every kept page and the next view
renders afresh, as it would with no cache; nobody ever sees a page older than the last write.
"""

import functools
import hashlib
import logging

from django.conf import settings
from django.contrib import messages
from django.core import checks
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone
from django.utils.translation import get_language

from . import cache_versions

logger = logging.getLogger(__name__)

VERSION_KEY = "pages:version"
WRITES = ("INSERT", "UPDATE", "DELETE", "TRUNCA", "MERGE ")
# Tables written on every sign-in or session change; no page shows them.
UNWATCHED_TABLES = ('"django_session"', '"axes_')
KEPT_HEADERS = ("Content-Type", "Content-Language", "Cache-Control", "Vary", "X-Robots-Tag")


def version() -> int:
    return cache_versions.read(VERSION_KEY)


def bump() -> None:
    # While the cache is down no page is served from it either (see kept_view).
    cache_versions.bump(VERSION_KEY)


def _is_page_data_write(sql: str) -> bool:
    head = sql.lstrip()[:6].upper()
    return head.startswith(WRITES) and not any(table in sql[:80] for table in UNWATCHED_TABLES)


def _bump_after_commit(connection) -> None:
    # Once per transaction is enough; Django starts a new hook list at every commit or rollback.
    if not any(bump in hook for hook in connection.run_on_commit):
        transaction.on_commit(bump, using=connection.alias)


def watch_writes(execute, sql, params, many, context):
    """Database execute wrapper. Bumps at once (the writer's own next read, and tests, which
    never commit) and again after the commit: a page rendered by another request between the
    two would otherwise be kept under the new version with the old rows."""
    if isinstance(sql, str) and _is_page_data_write(sql):
        bump()
        connection = context["connection"]
        if connection.in_atomic_block:
            _bump_after_commit(connection)
    return execute(sql, params, many, context)


def install(sender=None, connection=None, **_kwargs) -> None:
    """Receiver of ``connection_created``: watches every connection of every process. First in
    the list, so that a ``connection.execute_wrapper()`` block around the first query of a
    connection still removes its own wrapper when it ends, not this one."""
    if watch_writes not in connection.execute_wrappers:
        connection.execute_wrappers.insert(0, watch_writes)


@checks.register(checks.Tags.caches, deploy=True)
def check_shared_cache(app_configs=None, **kwargs):
    """Each process of a local-memory cache counts its own writes: with several app server
    processes, one would keep serving a page another has just made stale."""
    backend = settings.CACHES["default"]["BACKEND"]
    if backend.endswith("LocMemCache"):
        return [
            checks.Warning(
                "The cache is local to each process.",
                hint="Set REDIS_URL: kept pages, the catalogue cache and the report rate limit "
                "must be shared by every app server process (deploy/README.md).",
                id="ocop_portal.W001",
            )
        ]
    return []


def _key(request, vary) -> str:
    secret = request.META.get("CSRF_COOKIE", "")
    person = hashlib.sha256(f"{request.user.pk}:{secret}".encode()).hexdigest()[:24]
    # The host too: a page may carry absolute links (QR codes) to the address it was asked at.
    address = f"{request.get_host()}{request.get_full_path()}"
    path = hashlib.sha256(address.encode()).hexdigest()[:32]
    day = f"{timezone.localdate():%Y%m%d}"
    extra = vary(request) if vary else ""
    return f"pages:{version()}:{person}:{get_language()}:{day}:{extra}:{path}"


def _keepable(request) -> bool:
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method == "GET"
        and request.user.is_authenticated
        and not getattr(request, "htmx", False)
        # A page with a message shows it once; counting them does not mark them shown.
        and not len(messages.get_messages(request))
    )


def per_person(view=None, *, vary=None):
    """Keep the view's successful HTML page for this person until the data changes; ``vary``
    (request → str) names what else the page depends on, such as the minute its figures are of."""
    if view is None:
        return functools.partial(per_person, vary=vary)

    @functools.wraps(view)
    def kept_view(request, *args, **kwargs):
        if not _keepable(request):
            return view(request, *args, **kwargs)
        get_token(request)  # the CSRF secret exists before the key names it
        try:
            key = _key(request, vary)
            kept = cache.get(key)
        except Exception:  # the cache is down: render as if nothing were kept
            logger.warning("Kept pages unavailable: the cache is unreachable", exc_info=True)
            return view(request, *args, **kwargs)
        if kept is not None:
            headers, content = kept
            return HttpResponse(content, headers=headers)
        response = view(request, *args, **kwargs)
        if callable(getattr(response, "render", None)):
            response = response.render()
        if (
            response.status_code == 200
            and not response.streaming
            # The CSRF cookie is set again on every response (get_token above); no other.
            and set(response.cookies) <= {settings.CSRF_COOKIE_NAME}
            and response.get("Content-Type", "").startswith("text/html")
        ):
            headers = {name: response[name] for name in KEPT_HEADERS if response.has_header(name)}
            cache.set(key, (headers, response.content), settings.PAGE_CACHE_SECONDS)
        return response

    return kept_view
