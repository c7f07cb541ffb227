"""Work a request leaves for after its response runs once the response is closed, in the same
process; outside a request it runs at once. A failure is logged, never raised."""

import logging

from django.core.signals import request_finished, request_started
from django.db import close_old_connections

from ocop_portal import after_response as module
from ocop_portal.after_response import after_response


def _send(signal):
    """Start or end a request as Django's test client does: without its receiver that closes
    the database connection, which a test may not touch."""
    signal.disconnect(close_old_connections)
    try:
        signal.send(sender=None)
    finally:
        signal.connect(close_old_connections)


def test_outside_a_request_the_work_runs_at_once():
    done = []

    after_response(lambda: done.append("copy"))

    assert done == ["copy"]


def test_in_a_request_the_work_waits_for_the_response_to_close():
    done = []
    _send(request_started)

    after_response(lambda: done.append("pdf"))
    after_response(lambda: done.append("mail"))
    waiting = list(done)
    _send(request_finished)

    assert waiting == []
    assert done == ["pdf", "mail"]
    after_response(lambda: done.append("later"))  # the request is over: at once again
    assert done == ["pdf", "mail", "later"]


def test_a_failure_is_logged_and_the_rest_still_runs(caplog):
    done = []

    def broken():
        raise RuntimeError("WeasyPrint crashed")

    _send(request_started)
    after_response(broken)
    after_response(lambda: done.append("mail"))
    with caplog.at_level(logging.ERROR, logger="ocop_portal.after_response"):
        _send(request_finished)

    assert done == ["mail"]
    assert "WeasyPrint crashed" in caplog.text


def test_work_past_the_budget_is_dropped_and_logged(monkeypatch, caplog):
    done = []
    clock = iter([0.0, 0.0, module.BUDGET_SECONDS + 1])
    monkeypatch.setattr(module.time, "monotonic", lambda: next(clock))

    _send(request_started)
    for name in ("first", "second", "third"):
        after_response(lambda name=name: done.append(name))
    with caplog.at_level(logging.WARNING, logger="ocop_portal.after_response"):
        _send(request_finished)

    assert done == ["first"]
    assert "2 pieces of work" in caplog.text
