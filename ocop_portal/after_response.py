"""Work a request leaves for after its response: sending the outbox rows it wrote, a new
certificate's PDF, a large photo's display copy (README "Mail" says why there is no job queue).

``after_response(fn)`` keeps ``fn`` until the web server has sent the response and closes it
(Django's ``request_finished``), then calls it in the same process; outside a request (a
management command, the shell, a test calling a service) it calls ``fn`` at once. Call it from
``transaction.on_commit`` so the work never looks for a row that was rolled back::

    transaction.on_commit(lambda: after_response(lambda: finish_photo(photo.pk)))

A failure is only logged: a PDF not rendered is rendered at its first download, a notice not
sent is sent by the timed duty ``send_outbox``, a photo whose copy failed stays hidden, as one
whose job failed did. The work runs in the web worker, so what is left once ``BUDGET_SECONDS`` have
passed is dropped (and logged) rather than run into gunicorn's worker timeout.
"""

import logging
import time
from collections.abc import Callable
from contextvars import ContextVar

from django.core.signals import request_finished, request_started

logger = logging.getLogger(__name__)

# Below gunicorn's default worker timeout (30 s, deploy/gunicorn.conf.py).
BUDGET_SECONDS = 20

# The work of the request being served; None outside a request. A context variable rather than a
# thread's: each thread of a threaded worker, and each request under ASGI, has its own.
_pending: ContextVar[list | None] = ContextVar("after_response", default=None)


def after_response(fn: Callable[[], object]) -> None:
    queue = _pending.get()
    if queue is None:
        _run(fn)
    else:
        queue.append(fn)


def _run(fn: Callable[[], object]) -> None:
    try:
        fn()
    except Exception:
        logger.exception("Work left for after the response failed: %r", fn)


def _open_queue(**kwargs) -> None:
    _pending.set([])


def _run_queue(**kwargs) -> None:
    queue = _pending.get() or []
    _pending.set(None)
    deadline = time.monotonic() + BUDGET_SECONDS
    for done, fn in enumerate(queue):
        if time.monotonic() > deadline:
            logger.warning(
                "%s pieces of work left after the response dropped after %s s",
                len(queue) - done,
                BUDGET_SECONDS,
            )
            return
        _run(fn)


request_started.connect(_open_queue, dispatch_uid="after_response_open")
request_finished.connect(_run_queue, dispatch_uid="after_response_run")
