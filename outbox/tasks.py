from ocop_portal.tasks import app

from .sending import send_due


# No Celery retry: a failed send stays on its row, and the timed duty ``send_outbox`` retries it.
@app.task
def send_outbox_messages(ids: list[int]) -> int:
    return send_due(ids)
