"""The certificate register (sổ cấp giấy chứng nhận) as a page and an Excel file."""

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from .. import exports, permissions
from ..register import register, register_workbook

PAGE_SIZE = 100


def _require(user) -> None:
    if not permissions.can_view_reports(user):
        raise Http404


def certificate_register(request):
    _require(request.user)
    today = timezone.localdate()
    page = Paginator(register(request.user), PAGE_SIZE).get_page(request.GET.get("page"))
    for certificate in page.object_list:
        certificate.status_today = certificate.get_status_display(today)
    return render(request, "reports/register.html", {"page": page, "today": today})


def certificate_register_xlsx(request):
    _require(request.user)
    today = timezone.localdate()
    filename = f"so-cap-giay-chung-nhan-{today:%Y-%m-%d}.xlsx"
    return exports.xlsx_stream(register_workbook, request.user, today, filename=filename)
