"""Starting background jobs and recording what they do. Job.status changes only here."""

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from .models import FINISHED_STATUSES, Job, JobStatus


class JobError(Exception):
    """A job's own failure, with a message for the person who started it."""


def start_job(task, *, kind: str, by, args: tuple = (), kwargs: dict | None = None) -> Job:
    """Record a queued job and hand ``task(job.pk, *args, **kwargs)`` to the queue on commit.

    ``task`` is a Celery task declared with ``base=JobTask`` (jobs/tasks.py). Arguments travel
    as JSON: pass primary keys and plain values, not model instances.
    """
    job = Job.objects.create(kind=kind, created_by=by)
    transaction.on_commit(lambda: task.apply_async(args=(job.pk, *args), kwargs=kwargs or {}))
    return job


def report_progress(job_id: int, percent: int) -> None:
    """Called by a running job now and then; the status page polls it every 2 seconds."""
    Job.objects.filter(pk=job_id).update(progress=min(100, max(0, int(percent))))


def save_job_result(
    job_id: int, *, message: str = "", filename: str = "", content: bytes | None = None
) -> Job:
    """Keep a job's outcome: a line for the person who started it and, optionally, a file."""
    job = Job.objects.get(pk=job_id)
    job.message = message
    if content is not None:
        job.result_file.save(filename, ContentFile(content), save=False)
    job.save(update_fields=["message", "result_file"])
    return job


def set_job_status(job_id: int, status: str, *, message: str | None = None) -> None:
    """Move a job to ``status``; a finished job gets its finishing time (and 100 % when done)."""
    fields: dict = {"status": status}
    if status in FINISHED_STATUSES:
        fields["finished_at"] = timezone.now()
    if status == JobStatus.DONE:
        fields["progress"] = 100
    if message is not None:
        fields["message"] = message
    Job.objects.filter(pk=job_id).update(**fields)
