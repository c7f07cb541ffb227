"""Long jobs that report to a ``Job`` row, and the operators' self-check job.

A long job is a Celery task declared with ``base=JobTask`` whose first argument is the Job's
primary key; start it with ``jobs.services.start_job`` and send the person to
``job.get_absolute_url()``. The base class marks the row running, done or failed; the task body
calls ``report_progress`` now and then and ``save_job_result`` at the end::

    @app.task(base=JobTask)
    def export_dossiers(job_id: int, round_id: int) -> None:
        ...
        report_progress(job_id, 50)
        ...
        save_job_result(job_id, message=_("%(n)s dossiers") % {"n": n},
                        filename="dossiers.xlsx", content=data)
"""

import logging
import os
import socket

from celery import Task
from django.core.cache import cache, caches
from django.db import connection
from django.utils.translation import gettext as _

from ocop_portal.tasks import app

from .models import JobStatus
from .services import JobError, report_progress, save_job_result, set_job_status

logger = logging.getLogger(__name__)


class JobTask(Task):
    """Keeps the Job row (the task's first argument) in step with Celery's view of the task."""

    def before_start(self, task_id, args, kwargs):
        set_job_status(args[0], JobStatus.RUNNING)

    def on_retry(self, exc, task_id, args, kwargs, einfo):
        set_job_status(args[0], JobStatus.QUEUED)

    def on_success(self, retval, task_id, args, kwargs):
        set_job_status(args[0], JobStatus.DONE)

    def on_failure(self, exc, task_id, args, kwargs, einfo):
        # Only a JobError's text is meant for the user; anything else is logged with its traceback
        # by Celery, and the page shows a general apology.
        message = str(exc) if isinstance(exc, JobError) else ""
        set_job_status(args[0], JobStatus.FAILED, message=message)


@app.task(base=JobTask)
def selfcheck(job_id: int) -> None:
    """From wherever jobs run, touch the database, the shared cache and the file storage."""
    host, pid = socket.gethostname(), os.getpid()
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    report_progress(job_id, 30)

    key = f"jobs:selfcheck:{job_id}"
    cache.set(key, "ok", timeout=60)
    if cache.get(key) != "ok":
        raise JobError(_("The cache did not give back what was stored in it."))
    cache.delete(key)
    report_progress(job_id, 60)

    report = (
        f"worker: {host} pid {pid}\n"
        f"database: {connection.vendor}\n"
        f"cache: {type(caches['default']).__name__}\n"
        "storage: ok\n"
    )
    job = save_job_result(
        job_id,
        message=_("Database, cache and file storage answered on %(host)s (process %(pid)s).")
        % {"host": host, "pid": pid},
        filename=f"selfcheck-{job_id}.txt",
        content=report.encode(),
    )
    with job.result_file.open("rb") as stored:
        if stored.read() != report.encode():
            raise JobError(_("The file storage did not give back what was stored in it."))
    logger.info("Self-check %s passed on %s (pid %s)", job_id, host, pid)
