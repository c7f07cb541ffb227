"""Holding back the notices of a bulk decision.

A bulk action wraps its loop in ``holding_notices(label=…, by=…)``. Each notice written inside
it (outbox.services.queue_email) lands in the hold's batch and waits for the office; a notice
written outside any hold is sent after its commit.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

_current: ContextVar["Hold | None"] = ContextVar("outbox_hold", default=None)


@dataclass
class Hold:
    label: str
    by: object
    batch_id: int | None = field(default=None)

    def batch(self):
        """The batch of this decision, created with its first message: a bulk action whose
        transitions all fail leaves no empty batch behind."""
        from .models import OutboxBatch

        # Re-checked: a transition rolled back after writing the first notice takes the batch
        # with it, and the next one needs a new batch.
        if self.batch_id is None or not OutboxBatch.objects.filter(pk=self.batch_id).exists():
            self.batch_id = OutboxBatch.objects.create(
                label=self.label[:300], created_by=self.by
            ).pk
        return self.batch_id


def current_hold() -> Hold | None:
    return _current.get()


@contextmanager
def holding_notices(*, label: str, by) -> Iterator[Hold]:
    hold = Hold(label=str(label), by=by)
    token = _current.set(hold)
    try:
        yield hold
    finally:
        _current.reset(token)
