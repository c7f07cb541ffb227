"""The potential-product pipeline: ideas, their business plans, advice, and conversion."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.models import Role
from once.services import create_once
from producers.models import Producer
from regions.collation import vietnamese_order

from .. import permissions, services
from ..areas import jurisdiction_filter
from ..forms import AdvanceForm, AdviceForm, ProductIdeaForm, criteria_set_choices
from ..models import IdeaStage, ProductIdea

PAGE_SIZE = 25


def _own_producer(user):
    membership = getattr(user, "producer_membership", None)
    return membership.producer if membership and user.role == Role.PRODUCER else None


def _producers_for_officer(user):
    """Producers an officer may register an idea for: those inside their jurisdiction."""
    if user.role not in {Role.LOCAL_OFFICER, Role.PROVINCIAL_OFFICE, Role.ADMINISTRATOR}:
        return None
    area = jurisdiction_filter(user, "commune")
    return (
        None if area is None else Producer.objects.filter(area).order_by(vietnamese_order("name"))
    )


def ideas(request):
    if not permissions.can_view_idea_list(request.user):
        raise Http404
    visible = ProductIdea.objects.visible_to(request.user)
    counts = dict(visible.values_list("stage").annotate(n=Count("pk")).order_by())
    stage = request.GET.get("stage", "")
    if stage not in IdeaStage.values:
        stage = ""
    listed = visible.filter(stage=stage) if stage else visible
    page = Paginator(listed.for_list(), PAGE_SIZE).get_page(request.GET.get("page"))
    user = request.user
    return render(
        request,
        "programme/idea_list.html",
        {
            "page": page,
            "ideas": page.object_list,
            "stage": stage,
            "stage_prefix": f"stage={stage}&" if stage else "",
            "pipeline": [(s, s.label, counts.get(s.value, 0)) for s in IdeaStage],
            "can_register": bool(_own_producer(user)) or _producers_for_officer(user) is not None,
        },
    )


def idea_create(request):
    producer = _own_producer(request.user)
    producers = None if producer else _producers_for_officer(request.user)
    if producer is None and producers is None:
        raise Http404
    form = ProductIdeaForm(request.POST or None, producers=producers)
    if request.method == "POST" and form.is_valid():
        try:
            idea, repeated = create_once(
                request,
                form.cleaned_data.get("client_token"),
                lambda: services.register_idea(
                    producer=producer or form.cleaned_data["producer"],
                    by=request.user,
                    **form.idea_data(),
                ),
            )
        except PermissionDenied:
            raise Http404 from None
        if repeated:
            return repeated
        messages.success(request, _("The product idea is registered."))
        return redirect(idea)
    return render(request, "programme/idea_form.html", {"form": form, "idea": None})


def _render_detail(request, idea, *, advice_form=None):
    user = request.user
    can_advise = permissions.can_advise(user, idea)
    can_advance = permissions.can_advance_idea(user, idea)
    return render(
        request,
        "programme/idea_detail.html",
        {
            "idea": idea,
            "advice": idea.advice.select_related("officer"),
            "stage_changes": idea.stage_changes.select_related("by"),
            "can_edit": permissions.can_edit_idea(user, idea),
            "can_convert": permissions.can_convert_idea(user, idea),
            "criteria_set_name": dict(criteria_set_choices()).get(idea.criteria_set, ""),
            "can_manage_sales_points": idea.converted_product is not None
            and permissions.can_manage_sales_points(user, idea.converted_product),
            "missing": idea.missing_for_rating() if idea.stage in IdeaStage.OPEN else [],
            "advance_form": AdvanceForm(initial={"stage": idea.stage}) if can_advance else None,
            "advice_form": (advice_form or AdviceForm()) if can_advise else None,
        },
    )


def idea_detail(request, pk):
    return _render_detail(request, permissions.get_idea_for(request.user, pk))


def idea_edit(request, pk):
    idea = permissions.get_idea_for(request.user, pk)
    if not permissions.can_edit_idea(request.user, idea):
        raise Http404
    form = ProductIdeaForm(request.POST or None, instance=idea)
    if request.method == "POST" and form.is_valid():
        services.update_idea(idea, by=request.user, **form.idea_data())
        messages.success(request, _("The idea is saved."))
        return redirect(idea)
    return render(request, "programme/idea_form.html", {"form": form, "idea": idea})


@require_POST
def idea_advance(request, pk):
    idea = permissions.get_idea_for(request.user, pk)
    form = AdvanceForm(request.POST)
    if not permissions.can_advise(request.user, idea) or not form.is_valid():
        raise Http404
    try:
        idea = services.advance_idea(
            idea,
            by=request.user,
            expected_stage=form.cleaned_data["stage"],
            note=form.cleaned_data["note"],
        )
    except services.IdeaStageError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, _("The idea moved to: %(stage)s.") % {"stage": idea.get_stage_display()}
        )
    return redirect(idea)


@require_POST
def idea_advice(request, pk):
    idea = permissions.get_idea_for(request.user, pk)
    if not permissions.can_advise(request.user, idea):
        raise Http404
    form = AdviceForm(request.POST)
    if not form.is_valid():
        return _render_detail(request, idea, advice_form=form)
    services.record_advice(idea, by=request.user, **form.cleaned_data)
    messages.success(request, _("The advice is recorded."))
    return redirect(idea)


@require_POST
def idea_convert(request, pk):
    idea = permissions.get_idea_for(request.user, pk)
    if not permissions.can_register_idea_for(request.user, idea.producer):
        raise Http404
    try:
        product = services.convert_idea(idea, by=request.user)
    except services.IdeaStageError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("“%(name)s” is now registered as a product; its dossier can be filed in a round.")
            % {"name": product.name},
        )
    return redirect(idea)
