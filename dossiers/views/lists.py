"""Lists of dossiers: the local officers' queue, the province-wide list, the producer's own.

Each list loads what its rows show through ``Dossier.objects.for_list()``: the number of queries
does not grow with the number of dossiers. The deadline of each row is computed in Python from
the holiday calendar, which is read once per process.
"""

from django.core.paginator import Paginator
from django.db.models import F
from django.http import Http404
from django.shortcuts import render
from django.template import engines
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy, ngettext

from dossiers import deadlines
from dossiers.forms import DossierFilterForm
from dossiers.models import Dossier, DossierKind, DossierState, Round
from dossiers.permissions import can_list_province_dossiers, can_use_queue
from dossiers.templatetags.dossier_states import BADGE_COLOURS
from ocop_portal.jinja_env import translated
from regions.collation import vietnamese_order
from regions.models import FormerDistrict

PAGE_SIZE = 50
# What a row shows (dossier_list.html, the working-day clock), and nothing else: a dossier row
# also holds the local assessment and the producer's long texts, decoded for nothing otherwise.
LIST_COLUMNS = (
    "state",
    "kind",
    "submitted_at",
    "round__name",
    "product__name",
    "product__criteria_set",
    "product__producer__name",
    "product__producer__commune__name",
    "product__producer__commune__former_district__name",
)


# The words of the rows (templates/jinja2/evaluations/dossier_rows.jinja), here so that
# makemessages, which reads no Jinja2, keeps their msgids.
LIST_LABELS = {
    "product": gettext_lazy("Product"),
    "commune": gettext_lazy("Commune"),
    "round": gettext_lazy("Round"),
    "kind": gettext_lazy("Kind"),
    "state": gettext_lazy("State"),
    "submitted": gettext_lazy("Submitted"),
    "local_review": gettext_lazy("Local review"),
    "set": gettext_lazy("set"),
    "overdue": gettext_lazy("Overdue"),
    "working_days": gettext_lazy("%(elapsed)s/%(limit)s working days"),
    "due_on": gettext_lazy("Due on %(due)s"),
}


def _days_left(count: int) -> str:
    return ngettext("%(left)s working day left", "%(left)s working days left", count) % {
        "left": count
    }


def _rows_html(request, template_context) -> str:
    """The list's rows through Jinja2, the states and kinds worded once per page."""
    template = engines["jinja2"].get_template("evaluations/dossier_rows.jinja")
    context = {
        "dossiers": template_context["dossiers"],
        "mode": template_context["mode"],
        "show_clock": template_context.get("show_clock", False),
        "labels": translated(LIST_LABELS),
        "days_left": _days_left,
        "states": translated(dict(DossierState.choices)),
        "kinds": translated(dict(DossierKind.choices)),
        "colours": BADGE_COLOURS,
        # Every row's link differs only by its key: reversed once, not twice a row.
        "detail_link": reverse("evaluations:dossier-detail", args=[0]).partition("/0/"),
    }
    return mark_safe(template.render(context, request))  # autoescaped by Jinja2


def _page(request, dossiers, *, clocks: bool):
    # The page's dossiers are picked by their ids first, sorted over the dossiers alone; only
    # those fifty are then joined to their product, producer and commune. One query, joining a
    # province's thousand dossiers before keeping fifty, was most of the province list's time.
    page = Paginator(dossiers.values_list("pk", flat=True), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    ids = list(page.object_list)
    found = {
        d.pk: d for d in dossiers.model.objects.for_list().only(*LIST_COLUMNS).filter(pk__in=ids)
    }
    rows = [found[pk] for pk in ids if pk in found]  # one deleted in between is left out
    if clocks:
        today = timezone.localdate()
        for dossier in rows:
            dossier.clock = deadlines.local_review_clock(dossier, today)
    return page, rows


def _render(request, template_context):
    page = template_context["page"]
    return render(
        request,
        "evaluations/dossier_list.html",
        {
            **template_context,
            "rows_html": _rows_html(request, template_context),
            "page_range": page.paginator.get_elided_page_range(page.number, on_each_side=2),
        },
    )


def queue(request):
    """The local officer's queue: the dossiers of producers inside their jurisdiction, oldest
    submission first, each with its working days against the 15-day limit."""
    user = request.user
    if not can_use_queue(user):
        raise Http404
    form = DossierFilterForm(
        request.GET,
        user=user,
        rounds=Round.objects.visible_to(user),
        communes=user.jurisdiction_communes().order_by(vietnamese_order("name")),
        queue=True,
    )
    dossiers = form.filter(Dossier.objects.visible_to(user).for_list()).order_by(
        F("submitted_at").asc(nulls_last=True), "pk"
    )
    page, rows = _page(request, dossiers, clocks=True)
    return _render(
        request,
        {"form": form, "page": page, "dossiers": rows, "mode": "queue", "show_clock": True},
    )


def dossier_list(request):
    """Every dossier of the province (not drafts), for the provincial office and approvers."""
    user = request.user
    if not can_list_province_dossiers(user):
        raise Http404
    communes = user.jurisdiction_communes().order_by(vietnamese_order("name"))
    districts = (
        FormerDistrict.objects.filter(communes__in=communes)
        .distinct()
        .order_by(vietnamese_order("name"))
    )
    form = DossierFilterForm(
        request.GET,
        user=user,
        rounds=Round.objects.visible_to(user),
        communes=communes,
        districts=districts,
    )
    dossiers = form.filter(Dossier.objects.visible_to(user).for_list()).order_by(
        F("submitted_at").desc(nulls_last=True), "-pk"
    )
    page, rows = _page(request, dossiers, clocks=True)
    return _render(
        request,
        {"form": form, "page": page, "dossiers": rows, "mode": "province", "show_clock": True},
    )


def my_dossiers(request):
    """The producer's dossiers, latest first."""
    user = request.user
    if not user.is_producer:
        raise Http404
    dossiers = Dossier.objects.visible_to(user).for_list().order_by("-updated_at", "-pk")
    page, rows = _page(request, dossiers, clocks=False)
    return _render(request, {"page": page, "dossiers": rows, "mode": "mine", "show_clock": False})
