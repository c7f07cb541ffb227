"""The dashboard and the Excel exports: provincial roles see the province, local officers their
jurisdiction; everyone else gets a 404 (anonymous visitors the sign-in page)."""

from django.core.cache import cache
from django.http import Http404
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from ocop_portal.after_response import after_response

from .. import exports, permissions, selectors
from ..charts import dashboard_charts


def _require_reports(user) -> None:
    if not permissions.can_view_reports(user):
        raise Http404


# A dozen aggregates over every certificate and dossier of the area, and their rendering (about
# 150 ms of SQL at national scale): done at most once a minute per area, whoever asks, and after
# the response of the first person to ask once they are a minute old, who is shown the previous
# ones (the page says as of when). Only an area's very first view waits for them.
DASHBOARD_FRESH_SECONDS = 60
# Figures older than this are not shown at all (an area nobody looked at for a day).
DASHBOARD_KEEP_SECONDS = 24 * 3600


def _figures(request, today) -> dict:
    figures = selectors.dashboard(request.user, today)
    body = render_to_string(
        "reports/_dashboard_body.html",
        {**figures, "charts": dashboard_charts(figures)},
        request,
    )
    return {"body": body, "computed_at": timezone.now(), "today": today}


def _shared_figures(request, today) -> dict:
    key = f"reports:dashboard:{permissions.scope_key(request.user)}:{get_language()}"
    figures = cache.get(key)
    if figures is None or figures.get("today") != today:
        figures = _figures(request, today)
        cache.set(key, figures, DASHBOARD_KEEP_SECONDS)
        return figures
    age = (timezone.now() - figures["computed_at"]).total_seconds()
    # One refresh per area at a time, across every worker.
    if age >= DASHBOARD_FRESH_SECONDS and cache.add(f"{key}:refreshing", 1, 30):

        def refresh():
            cache.set(key, _figures(request, today), DASHBOARD_KEEP_SECONDS)
            cache.delete(f"{key}:refreshing")

        after_response(refresh)
    return figures


def dashboard(request):
    _require_reports(request.user)
    today = timezone.localdate()
    figures = _shared_figures(request, today)
    return render(
        request,
        "reports/dashboard.html",
        {
            "body": mark_safe(figures["body"]),
            "computed_at": figures["computed_at"],
            "today": today,
            "area": request.user.jurisdiction,
            "can_import": permissions.can_import_certificates(request.user),
        },
    )


def export_recognised(request):
    _require_reports(request.user)
    today = timezone.localdate()
    filename = f"san-pham-ocop-{today:%Y-%m-%d}.xlsx"
    return exports.xlsx_stream(exports.recognised_workbook, request.user, today, filename=filename)


def export_round_results(request, pk):
    round_ = permissions.get_round_for(request.user, pk)
    filename = f"ket-qua-dot-{round_.year}-{round_.number}.xlsx"
    return exports.xlsx_stream(
        exports.round_results_workbook, request.user, round_, filename=filename
    )


def export_round_dossiers(request, pk):
    round_ = permissions.get_round_for(request.user, pk)
    filename = f"ho-so-dot-{round_.year}-{round_.number}.xlsx"
    return exports.xlsx_stream(
        exports.round_dossiers_workbook, request.user, round_, filename=filename
    )
