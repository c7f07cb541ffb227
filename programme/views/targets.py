"""Plan targets (kế hoạch, chỉ tiêu): progress per area, setting targets, their history."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from .. import permissions, selectors, services
from ..areas import resolve_area
from ..forms import AreaPickForm, TargetsForm
from ..models import Metric, PlanTarget, TargetRevision

FIRST_YEAR = 2018  # Decision 490/QĐ-TTg started the programme


def year_param(request) -> int:
    """``?year=`` when it is a sensible year, else the current one."""
    today = timezone.localdate()
    try:
        year = int(request.GET.get("year", today.year))
    except ValueError:
        return today.year
    return year if FIRST_YEAR <= year <= today.year + 5 else today.year


def _targets_url(year: int) -> str:
    return f"{reverse('programme:targets')}?year={year}"


def _bars(rows) -> list:
    """Per indicator, the areas that have a target for it, for the bar charts."""
    return [
        (label, [(row, row.metrics[i]) for row in rows if row.metrics[i].target is not None])
        for i, label in enumerate(Metric.labels)
    ]


def targets(request):
    if not permissions.can_view_targets(request.user):
        raise Http404
    year = year_param(request)
    province_id = selectors.province_for(request.user)
    rows = selectors.target_progress(user=request.user, year=year)
    can_edit = permissions.can_edit_targets(request.user, province_id)
    today = timezone.localdate()
    return render(
        request,
        "programme/targets.html",
        {
            "year": year,
            "previous_year": year - 1 if year > FIRST_YEAR else None,
            "next_year": year + 1 if year < today.year + 5 else None,
            "rows": rows,
            "metric_labels": Metric.labels,
            "bars": _bars(rows),
            "elapsed_percent": round(100 * selectors.elapsed_share(year, today)),
            "can_edit": can_edit,
            "can_view_history": permissions.can_view_target_history(request.user, province_id),
            "pick_form": AreaPickForm(province=rows[0].area) if can_edit else None,
        },
    )


def target_edit(request):
    province_id = selectors.province_for(request.user)
    if not permissions.can_edit_targets(request.user, province_id):
        raise Http404
    year = year_param(request)
    area = resolve_area(request.GET.get("area"), province_id=province_id)
    if area is None:
        raise Http404
    current = {t.metric: t.value for t in PlanTarget.objects.for_area(area).filter(year=year)}
    form = TargetsForm(request.POST or None, current=current)
    if request.method == "POST" and form.is_valid():
        revisions = services.set_targets(
            area=area,
            year=year,
            values=form.target_values(),
            by=request.user,
            reason=form.cleaned_data["reason"],
        )
        if revisions:
            messages.success(request, _("The targets are saved."))
        else:
            messages.info(request, _("Nothing changed: the targets were already these."))
        return redirect(_targets_url(year))
    return render(
        request,
        "programme/target_edit.html",
        {"form": form, "area": area, "year": year, "targets_url": _targets_url(year)},
    )


HISTORY_PAGE_SIZE = 50


def target_history(request):
    """Every change of the year's targets, newest first; of one area with ``?area=``."""
    province_id = selectors.province_for(request.user)
    if not permissions.can_view_target_history(request.user, province_id):
        raise Http404
    year = year_param(request)
    area = None
    revisions = TargetRevision.objects.filter(target__year=year)
    if request.GET.get("area"):
        area = resolve_area(request.GET["area"], province_id=province_id)
        if area is None:
            raise Http404
        revisions = revisions.filter(target__in=PlanTarget.objects.for_area(area))
    else:
        revisions = revisions.filter(target__in=PlanTarget.objects.in_province(province_id))
    revisions = revisions.select_related(
        "changed_by", "target__province", "target__former_district", "target__commune"
    )
    page = Paginator(revisions, HISTORY_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "programme/target_history.html",
        {
            "year": year,
            "area": area,
            "page": page,
            "revisions": page.object_list,
            "targets_url": _targets_url(year),
            "query_prefix": urlencode({"year": year, "area": area.key if area else ""}) + "&",
        },
    )
