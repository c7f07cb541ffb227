"""The dashboard and the Excel exports: provincial roles see the province, local officers their
jurisdiction; everyone else gets a 404 (anonymous visitors the sign-in page)."""

from django.core.cache import cache
from django.http import Http404
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from .. import exports, permissions, selectors
from ..charts import dashboard_charts


def _require_reports(user) -> None:
    if not permissions.can_view_reports(user):
        raise Http404


# A dozen aggregates over every certificate and dossier of the area, and their rendering: done
# at most once a minute per area, whoever asks (the page says the figures are as of that time).
DASHBOARD_CACHE_SECONDS = 60


def _minute() -> str:
    return f"{timezone.localtime():%Y%m%d%H%M}"


def _figures(request, today) -> dict:
    figures = selectors.dashboard(request.user, today)
    body = render_to_string(
        "reports/_dashboard_body.html",
        {**figures, "charts": dashboard_charts(figures)},
        request,
    )
    return {"body": body, "computed_at": timezone.now()}


def dashboard(request):
    _require_reports(request.user)
    today = timezone.localdate()
    key = f"reports:dashboard:{permissions.scope_key(request.user)}:{_minute()}:{get_language()}"
    figures = cache.get_or_set(key, lambda: _figures(request, today), DASHBOARD_CACHE_SECONDS)
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
