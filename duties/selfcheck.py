"""The operators' self-check, run in the request by the app server that answers it."""

import logging
import os
import socket
import uuid
from dataclasses import dataclass

from django.core.cache import cache, caches
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)


class SelfCheckFailed(Exception):
    """A part of the installation that did not answer as it should, said for the operator."""


@dataclass(frozen=True)
class SelfCheckReport:
    host: str
    pid: int
    database: str
    cache: str


def run_selfcheck() -> SelfCheckReport:
    """Touch the database, the shared cache and the file storage; raise SelfCheckFailed if the
    cache or the storage does not give back what was stored in it (or does not answer)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    try:
        cache_answers = _cache_gives_back()
    except Exception:
        logger.exception("Self-check: the cache failed")
        cache_answers = False
    if not cache_answers:
        raise SelfCheckFailed(_("The cache did not give back what was stored in it."))
    try:
        storage_answers = _storage_gives_back()
    except Exception:
        logger.exception("Self-check: the file storage failed")
        storage_answers = False
    if not storage_answers:
        raise SelfCheckFailed(_("The file storage did not give back what was stored in it."))
    return SelfCheckReport(
        host=socket.gethostname(),
        pid=os.getpid(),
        database=connection.vendor,
        cache=type(caches["default"]).__name__,
    )


def _cache_gives_back() -> bool:
    key = f"duties:selfcheck:{uuid.uuid4().hex}"
    cache.set(key, "ok", timeout=60)
    answered = cache.get(key) == "ok"
    cache.delete(key)
    return answered


def _storage_gives_back() -> bool:
    content = uuid.uuid4().hex.encode()
    name = default_storage.save(f"selfcheck/{uuid.uuid4().hex}.txt", ContentFile(content))
    try:
        with default_storage.open(name, "rb") as stored:
            return stored.read() == content
    finally:
        default_storage.delete(name)
