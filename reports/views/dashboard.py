"""The dashboard and the Excel exports: provincial roles see the province, local officers their
jurisdiction; everyone else gets a 404 (anonymous visitors the sign-in page)."""

from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from .. import exports, permissions, selectors
from ..charts import dashboard_charts


def _require_reports(user) -> None:
    if not permissions.can_view_reports(user):
        raise Http404


def dashboard(request):
    _require_reports(request.user)
    today = timezone.localdate()
    figures = selectors.dashboard(request.user, today)
    return render(
        request,
        "reports/dashboard.html",
        {
            **figures,
            "today": today,
            "area": request.user.jurisdiction,
            "charts": dashboard_charts(figures),
            "can_import": permissions.can_import_certificates(request.user),
        },
    )


def export_recognised(request):
    _require_reports(request.user)
    today = timezone.localdate()
    workbook = exports.recognised_workbook(request.user, today)
    return exports.xlsx_response(workbook, f"san-pham-ocop-{today:%Y-%m-%d}.xlsx")


def export_round_results(request, pk):
    round_ = permissions.get_round_for(request.user, pk)
    workbook = exports.round_results_workbook(request.user, round_)
    return exports.xlsx_response(workbook, f"ket-qua-dot-{round_.year}-{round_.number}.xlsx")


def export_round_dossiers(request, pk):
    round_ = permissions.get_round_for(request.user, pk)
    workbook = exports.round_dossiers_workbook(request.user, round_)
    return exports.xlsx_response(workbook, f"ho-so-dot-{round_.year}-{round_.number}.xlsx")
