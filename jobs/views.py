from pathlib import Path

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from . import schedule, tasks
from .models import Job, JobStatus
from .services import start_job


def get_job_for(user, pk: int) -> Job:
    """A job is seen by the person who started it only; 404 for everyone else."""
    return get_object_or_404(Job, pk=pk, created_by=user)


@require_GET
@never_cache
def status(request, pk):
    job = get_job_for(request.user, pk)
    template = "jobs/_status.html" if request.htmx else "jobs/job_status.html"
    return render(request, template, {"job": job})


@require_GET
def download(request, pk):
    job = get_job_for(request.user, pk)
    if job.status != JobStatus.DONE or not job.result_file:
        raise Http404
    return FileResponse(
        job.result_file.open("rb"), as_attachment=True, filename=Path(job.result_file.name).name
    )


@require_http_methods(["GET", "POST"])
def selfcheck(request):
    """Staff check, after a deployment, that jobs reach a worker and the worker reaches the rest."""
    if not request.user.is_staff:
        raise PermissionDenied
    if request.method == "POST":
        job = start_job(tasks.selfcheck, kind="selfcheck", by=request.user)
        return redirect(job)
    return render(request, "jobs/selfcheck.html", {"duties": schedule.status()})
