from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from .models import Commune


def _int_param(request, name: str) -> int | None:
    try:
        return int(request.GET.get(name, ""))
    except ValueError:
        return None


@login_not_required  # areas are public data
@require_GET
@cache_control(max_age=3600)
def commune_options(request):
    """Communes of ``?province=<code>`` as ``<option>`` elements for a dependent <select>.

    htmx swaps the response into the commune select when the province select changes. Optional
    parameters: ``q`` (diacritics-insensitive name filter), ``former_district`` (primary key),
    ``selected`` (commune code to mark selected) and ``format=json`` for
    ``{"results": [{"code": ..., "name": ...}]}``. One query; an unknown or missing province gives
    only the empty option.
    """
    province = _int_param(request, "province")
    communes = []
    if province is not None:
        queryset = Commune.objects.in_province(province).search(request.GET.get("q"))
        former_district = _int_param(request, "former_district")
        if former_district is not None:
            queryset = queryset.in_former_district(former_district)
        communes = list(queryset.values("code", "name"))
    if request.GET.get("format") == "json":
        return JsonResponse({"results": communes})
    context = {"communes": communes, "selected": _int_param(request, "selected")}
    # No request: a fragment needs none of the page context processors (and their queries).
    return HttpResponse(render_to_string("regions/_commune_options.html", context))
