"""Trade promotion (xúc tiến thương mại): sales points, the events calendar, the area catalogue."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from regions.models import Province

from .. import permissions, selectors, services
from ..catalogue_pdf import catalogue_file_name, render_area_catalogue_pdf
from ..forms import AreaCatalogueForm, EventProductForm, SalesPointForm, TradeEventForm
from ..models import EventParticipation, SalesPoint


def sales_points(request, pk):
    product = permissions.get_product_for_sales_points(request.user, pk)
    form = SalesPointForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.add_sales_point(product, by=request.user, **form.point_data())
        messages.success(request, _("The sales point is added."))
        return redirect("programme:sales-points", pk=product.pk)
    return render(
        request,
        "programme/sales_points.html",
        {"product": product, "points": product.sales_points.all(), "form": form},
    )


@require_POST
def sales_point_delete(request, pk):
    point = get_object_or_404(SalesPoint.objects.select_related("product"), pk=pk)
    if not permissions.can_manage_sales_points(request.user, point.product):
        raise Http404
    services.remove_sales_point(point, by=request.user)
    messages.success(request, _("The sales point is removed."))
    return redirect("programme:sales-points", pk=point.product_id)


@login_not_required
def events(request):
    upcoming, past = selectors.event_calendar(request.user)
    return render(
        request,
        "programme/event_list.html",
        {
            "upcoming": upcoming,
            "past": past,
            "can_manage": permissions.can_manage_events(request.user),
        },
    )


@login_not_required
def event_detail(request, pk):
    event = permissions.get_event_for(request.user, pk)
    can_manage = permissions.can_manage_event(request.user, event)
    product_form = None
    if can_manage:
        product_form = EventProductForm(province_id=event.province_id)
    return render(
        request,
        "programme/event_detail.html",
        {
            "event": selectors.event_with_products(event),
            "can_manage": can_manage,
            "product_form": product_form,
        },
    )


def event_form(request, pk=None):
    """Create (no ``pk``) or change a trade event."""
    if not permissions.can_manage_events(request.user):
        raise Http404
    event = permissions.get_event_to_manage(request.user, pk) if pk else None
    form = TradeEventForm(request.POST or None, instance=event)
    if request.method == "POST" and form.is_valid():
        event = services.save_event(event, by=request.user, **form.event_data())
        messages.success(request, _("The event is saved."))
        return redirect(event)
    return render(request, "programme/event_form.html", {"form": form, "event": event})


@require_POST
def event_product_add(request, pk):
    event = permissions.get_event_to_manage(request.user, pk)
    form = EventProductForm(request.POST, province_id=event.province_id)
    if form.is_valid():
        services.add_event_product(event, by=request.user, **form.cleaned_data)
        messages.success(request, _("The product is listed as attending."))
    else:
        messages.error(request, _("Choose a recognised product of the province."))
    return redirect(event)


@require_POST
def event_product_remove(request, pk):
    participation = get_object_or_404(EventParticipation.objects.select_related("event"), pk=pk)
    if not permissions.can_manage_event(request.user, participation.event):
        raise Http404
    services.remove_event_product(participation, by=request.user)
    messages.success(request, _("The product is no longer listed for this event."))
    return redirect(participation.event)


def _province(request) -> Province:
    return get_object_or_404(Province, pk=selectors.province_for(request.user))


@login_not_required
def area_catalogue(request):
    """Choose the area of a printable catalogue."""
    province = _province(request)
    form = AreaCatalogueForm(province_id=province.pk)
    return render(request, "programme/area_catalogue.html", {"form": form, "province": province})


@login_not_required
def area_catalogue_pdf(request):
    """The printable catalogue (PDF) of an area: ``?former_district=`` or ``?commune=``, else the
    whole province."""
    province = _province(request)
    form = AreaCatalogueForm(request.GET, province_id=province.pk)
    area = form.area(province)
    if area is None:
        raise Http404
    today = timezone.localdate()
    response = HttpResponse(render_area_catalogue_pdf(area, today=today), "application/pdf")
    response["Content-Disposition"] = f'inline; filename="{catalogue_file_name(area, today)}"'
    return response
