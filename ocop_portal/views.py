import logging
import sys

from django.contrib.auth.decorators import login_not_required
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpResponse, HttpResponsePermanentRedirect, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils.safestring import mark_safe
from django.views.decorators.cache import never_cache

logger = logging.getLogger(__name__)


def _showcase_html(request) -> str:
    from catalogue.forms import VerifyForm
    from catalogue.showcase import programme_showcase

    return render_to_string(
        "_home_showcase.html",
        {"showcase": programme_showcase(), "verify_form": VerifyForm()},
        request,
    )


@login_not_required
def home(request):
    """The programme's achievements (public figures, cached per catalogue version) and the way
    in for each visitor."""
    from catalogue import public_cache

    showcase = public_cache.cached(request, "home", lambda: _showcase_html(request))
    return render(request, "home.html", {"showcase_html": mark_safe(showcase)})


@login_not_required
def favicon(request):
    """Browsers ask for /favicon.ico whatever the page says; send them to the static icon."""
    return HttpResponsePermanentRedirect(static("img/favicon.ico"))


@login_not_required
@never_cache
def healthz(request):
    """200 when this process can reach the database; 503 otherwise, for the load balancer."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.warning("healthz: database unreachable", exc_info=True)
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")


def server_error(request):
    """handler500: a database outage reads as 503 "come back in a moment", anything else as 500.

    Rendered without context processors, which would query the database that may be down.
    """
    error = sys.exc_info()[1]
    if isinstance(error, OperationalError | InterfaceError):
        response = HttpResponse(loader.render_to_string("503.html"), status=503)
        response["Retry-After"] = "30"
        return response
    return HttpResponseServerError(loader.render_to_string("500.html"))


# The models that left the evaluations app for the apps by topic (issue 17), by their new app.
MOVED_ADMIN_MODELS = {
    "round": "dossiers",
    "dossier": "dossiers",
    "dossierrevision": "dossiers",
    "correctionitem": "dossiers",
    "council": "councils",
    "councilmember": "councils",
    "councilsession": "councils",
    "sessionitem": "councils",
    "writtensheetadmission": "councils",
    "scoresheet": "councils",
    "councilresult": "councils",
    "certificate": "certificates",
    "notice": "certificates",
    "sequence": "certificates",
    "correctionrequest": "certificates",
    "issueddocument": "certificates",
}


def moved_admin_page(request, model, rest):
    """The admin page at its address under the model's new app, query string kept."""
    query = request.META.get("QUERY_STRING", "")
    target = f"/admin/{MOVED_ADMIN_MODELS[model]}/{model}/{rest}"
    return HttpResponsePermanentRedirect(f"{target}?{query}" if query else target)
