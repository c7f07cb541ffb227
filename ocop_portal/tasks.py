"""The background-job queue: Celery's app, and the generic jobs every part of the portal may use.

With ``CELERY_BROKER_URL`` (or ``REDIS_URL``) set, ``.delay()`` puts a job on Redis and a worker
(``celery -A ocop_portal worker``, deploy/ocop-worker.service) runs it. Without a broker the
settings turn on ``task_always_eager``: ``.delay()`` runs the job at once in the calling process,
so ``make run`` needs nothing but Python.

Call jobs after the transaction commits, so a worker never looks for a row it cannot see yet::

    transaction.on_commit(lambda: prepare_photo.delay(photo.pk))

Email is not a job of its own: a notice is a row of the outbox, written in the transaction and
sent after the commit (``outbox.services.queue_email``, README "Mail").

Long jobs that report progress to a page are in the ``jobs`` app (``jobs.tasks.JobTask``).
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ocop_portal.settings")

app = Celery("ocop_portal")
# Every CELERY_* setting in ocop_portal/settings.py configures this app.
app.config_from_object("django.conf:settings", namespace="CELERY")
# Loads <app>/tasks.py of every installed app when the worker starts.
app.autodiscover_tasks()
