"""Support records (hỗ trợ): listed per producer, summed per area and year."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from producers.models import Producer
from regions.collation import vietnamese_order

from .. import permissions, selectors, services
from ..areas import jurisdiction_filter
from ..forms import SupportRecordForm
from ..models import FundSource, SupportRecord
from .targets import year_param

PAGE_SIZE = 50


def support_list(request):
    if not permissions.can_view_support_list(request.user):
        raise Http404
    year = year_param(request)
    visible = SupportRecord.objects.visible_to(request.user)
    records = visible.in_year(year)
    page = Paginator(
        records.for_list().order_by(
            vietnamese_order("producer__name"), "producer_id", "-given_on", "-pk"
        ),
        PAGE_SIZE,
    ).get_page(request.GET.get("page"))
    totals = selectors.producer_totals(records, {r.producer_id for r in page.object_list})
    for record in page.object_list:
        record.producer.year_total = totals[record.producer_id]
    area_sums, grand_total = selectors.support_sums(records)
    return render(
        request,
        "programme/support_list.html",
        {
            "year": year,
            "page": page,
            "records": page.object_list,
            "year_prefix": f"year={year}&",
            "area_sums": area_sums,
            "grand_total": grand_total,
            "years": selectors.support_years(visible),
            "sources": FundSource,
            "can_record": permissions.can_record_support(request.user),
            "show_areas": not request.user.is_producer,
        },
    )


def support_create(request):
    if not permissions.can_record_support(request.user):
        raise Http404
    producers = Producer.objects.filter(jurisdiction_filter(request.user, "commune"))
    initial = {}
    if request.GET.get("producer", "").isdigit():
        initial["producer"] = int(request.GET["producer"])
    form = SupportRecordForm(
        request.POST or None,
        producers=producers.order_by(vietnamese_order("name")),
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        data = form.support_data()
        try:
            record = services.record_support(by=request.user, **data)
        except PermissionDenied:
            raise Http404 from None
        messages.success(request, _("The support is recorded."))
        return redirect(f"{reverse('programme:support-list')}?year={record.given_on.year}")
    return render(request, "programme/support_form.html", {"form": form})
