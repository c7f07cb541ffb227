"""Background jobs run inline in the test suite (CELERY_TASK_ALWAYS_EAGER under pytest)."""

import datetime
import uuid

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from jobs.models import Job, JobStatus
from jobs.services import JobError, report_progress, start_job
from jobs.tasks import JobTask
from ocop_portal.tasks import app
from tests import factories


@app.task(base=JobTask)
def halfway_then_fail(job_id: int, reason: str) -> None:
    report_progress(job_id, 50)
    raise JobError(reason)


@app.task(base=JobTask)
def halfway(job_id: int) -> None:
    report_progress(job_id, 50)


@pytest.fixture
def staff(db):
    return factories.UserFactory(email="vanhanh@example.vn", is_staff=True)


@pytest.fixture
def other_staff(db):
    return factories.UserFactory(email="khac@example.vn", is_staff=True)


def test_staff_runs_the_selfcheck_and_downloads_its_report(
    client, staff, django_capture_on_commit_callbacks
):
    client.force_login(staff)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("jobs:selfcheck"))

    job = Job.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("jobs:status", args=[job.pk])
    assert (job.kind, job.status, job.progress, job.created_by) == ("selfcheck", "done", 100, staff)
    assert job.finished_at is not None
    page = client.get(response["Location"])
    assert reverse("jobs:download", args=[job.pk]) in page.content.decode()
    download = client.get(reverse("jobs:download", args=[job.pk]))
    report = b"".join(download.streaming_content).decode()
    assert "database: " in report
    assert "cache: LocMemCache" in report
    assert download["Content-Disposition"] == f'attachment; filename="selfcheck-{job.pk}.txt"'


def test_producer_cannot_start_the_selfcheck(client, producer):
    client.force_login(producer)

    response = client.post(reverse("jobs:selfcheck"))

    assert response.status_code == 403
    assert Job.objects.count() == 0


def test_stranger_cannot_see_or_download_someone_elses_job(client, staff, other_staff):
    job = Job.objects.create(kind="selfcheck", created_by=staff, status=JobStatus.DONE)
    job.result_file.save("report.txt", ContentFile(b"secret"))
    client.force_login(other_staff)

    status = client.get(reverse("jobs:status", args=[job.pk]))
    download = client.get(reverse("jobs:download", args=[job.pk]))

    assert status.status_code == 404
    assert download.status_code == 404


def test_status_partial_polls_while_running_and_stops_when_done(client, staff):
    job = Job.objects.create(
        kind="selfcheck", created_by=staff, status=JobStatus.RUNNING, progress=42
    )
    client.force_login(staff)
    url = reverse("jobs:status", args=[job.pk])

    running = client.get(url, headers={"HX-Request": "true"}).content.decode()
    Job.objects.filter(pk=job.pk).update(status=JobStatus.DONE, progress=100, message="Xong.")
    done = client.get(url, headers={"HX-Request": "true"}).content.decode()

    assert "<html" not in running
    assert 'hx-trigger="every 2s"' in running
    assert 'aria-valuenow="42"' in running
    assert "job-progress-40" in running
    assert "hx-trigger" not in done
    assert "Xong." in done
    assert "job-progress-100" in done


def test_full_status_page_uses_the_layout(client, staff):
    job = Job.objects.create(kind="selfcheck", created_by=staff)
    client.force_login(staff)

    response = client.get(reverse("jobs:status", args=[job.pk]))

    assert response.status_code == 200
    assert "<html" in response.content.decode()
    assert "no-cache" in response["Cache-Control"]


def test_a_job_that_fails_records_its_message(staff, django_capture_on_commit_callbacks):
    # Run inline (no broker), a job's failure is recorded and logged, not raised to the caller.
    with django_capture_on_commit_callbacks(execute=True):
        start_job(halfway_then_fail, kind="demo", by=staff, args=("Không có hồ sơ.",))

    job = Job.objects.get()
    assert (job.status, job.progress, job.message) == ("failed", 50, "Không có hồ sơ.")
    assert job.finished_at is not None


def test_a_job_that_succeeds_ends_at_100_percent(staff, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        job = start_job(halfway, kind="demo", by=staff)

    job.refresh_from_db()
    assert (job.status, job.progress) == ("done", 100)


def test_a_job_reaches_the_queue_only_when_the_transaction_commits(
    staff, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        start_job(halfway, kind="demo", by=staff)

    assert len(callbacks) == 1
    assert Job.objects.get().status == "queued"  # nothing ran before the commit


@pytest.mark.parametrize(
    ("progress", "step"), [(0, 0), (2, 0), (3, 5), (42, 40), (43, 45), (98, 100), (100, 100)]
)
def test_progress_bar_moves_in_steps_of_five(progress, step):
    assert Job(progress=progress).progress_step == step


def test_prune_jobs_deletes_old_finished_jobs_and_their_files(staff, settings):
    old = Job.objects.create(kind="selfcheck", created_by=staff, status=JobStatus.DONE)
    old.result_file.save("old.txt", ContentFile(b"old"))
    Job.objects.filter(pk=old.pk).update(finished_at=timezone.now() - datetime.timedelta(days=40))
    recent = Job.objects.create(
        kind="selfcheck", created_by=staff, status=JobStatus.DONE, finished_at=timezone.now()
    )
    running = Job.objects.create(kind="selfcheck", created_by=staff, status=JobStatus.RUNNING)
    old_path = settings.MEDIA_ROOT / old.result_file.name

    call_command("prune_jobs", "--days", "30", stdout=None)

    assert set(Job.objects.values_list("pk", flat=True)) == {recent.pk, running.pk}
    assert not old_path.exists()


def test_prune_jobs_deletes_one_time_form_tokens_past_their_keeping_time(staff, producer):
    """The weekly duty keeps the table of form tokens small: a month-old token is gone, a
    recent one still turns a repeated form into the first result."""
    from jobs.models import ScheduledRun
    from once.models import SubmissionToken

    def token(days_old, user):
        made = SubmissionToken.objects.create(token=uuid.uuid4(), user=user, url="/products/1/")
        SubmissionToken.objects.filter(pk=made.pk).update(
            created_at=timezone.now() - datetime.timedelta(days=days_old)
        )
        return made

    kept = [token(0, producer), token(29, staff)]
    token(31, producer)
    token(400, staff)

    call_command("prune_jobs", stdout=None)

    assert set(SubmissionToken.objects.values_list("pk", flat=True)) == {t.pk for t in kept}
    assert ScheduledRun.objects.get(command="prune_jobs").last_ok
