"""Work a request leaves for after its response runs once the response is closed, in the same
process; outside a request it runs at once. A failure is logged, never raised."""

import logging

from django.core.signals import request_finished, request_started

from ocop_portal import after_response as module
from ocop_portal.after_response import after_response


def test_outside_a_request_the_work_runs_at_once():
    done = []

    after_response(lambda: done.append("copy"))

    assert done == ["copy"]


def test_in_a_request_the_work_waits_for_the_response_to_close():
    done = []
    request_started.send(sender=None)

    after_response(lambda: done.append("pdf"))
    after_response(lambda: done.append("mail"))
    waiting = list(done)
    request_finished.send(sender=None)

    assert waiting == []
    assert done == ["pdf", "mail"]
    after_response(lambda: done.append("later"))  # the request is over: at once again
    assert done == ["pdf", "mail", "later"]


def test_a_failure_is_logged_and_the_rest_still_runs(caplog):
    done = []

    def broken():
        raise RuntimeError("WeasyPrint crashed")

    request_started.send(sender=None)
    after_response(broken)
    after_response(lambda: done.append("mail"))
    with caplog.at_level(logging.ERROR, logger="ocop_portal.after_response"):
        request_finished.send(sender=None)

    assert done == ["mail"]
    assert "WeasyPrint crashed" in caplog.text


def test_work_past_the_budget_is_dropped_and_logged(monkeypatch, caplog):
    done = []
    clock = iter([0.0, 0.0, module.BUDGET_SECONDS + 1])
    monkeypatch.setattr(module.time, "monotonic", lambda: next(clock))

    request_started.send(sender=None)
    for name in ("first", "second", "third"):
        after_response(lambda name=name: done.append(name))
    with caplog.at_level(logging.WARNING, logger="ocop_portal.after_response"):
        request_finished.send(sender=None)

    assert done == ["first"]
    assert "2 pieces of work" in caplog.text
