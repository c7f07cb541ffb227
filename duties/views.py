from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from . import schedule
from .selfcheck import SelfCheckFailed, run_selfcheck


@require_http_methods(["GET", "POST"])
@never_cache
def selfcheck(request):
    """Staff check, after a deployment, that the app server reaches the database, the cache and
    the file storage, and that the timed duties have run."""
    if not request.user.is_staff:
        raise PermissionDenied
    report = failure = None
    if request.method == "POST":
        try:
            report = run_selfcheck()
        except SelfCheckFailed as error:
            failure = str(error)
    return render(
        request,
        "duties/duties.html",
        {"duties": schedule.status(), "report": report, "failure": failure},
    )
