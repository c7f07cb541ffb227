"""A dossier's page (its documents inline, the timeline, the forms of the next steps) and the
producer's page to enter a product in a round."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.template import engines
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from certificates.published_result import published_result
from criteria import scoring
from dossiers import checklist as dossiers_checklist
from dossiers import corrections, deadlines
from dossiers.models import DossierKind, DossierState, Round, RoundState
from dossiers.permissions import can_file_dossier, get_dossier_for
from evaluations import services
from ocop_portal.jinja_env import translated
from once.services import create_once
from products.evidence import unproven_claims
from products.models import Product

from ..forms import (
    AcceptForm,
    DossierCreateForm,
    ForwardForm,
    RejectForm,
    ResubmitForm,
    ReturnForm,
    WithdrawForm,
)
from ..transitions import LOCAL_ASSESSMENT_AREAS, TransitionError, allowed_actions, submit_dossier
from . import revisions

ASSESSMENT_LABELS = {name: AcceptForm.base_fields[name].label for name in LOCAL_ASSESSMENT_AREAS}
NOTE_FORMS = {"resubmit": ResubmitForm, "forward": ForwardForm, "withdraw": WithdrawForm}
INLINE_IMAGE_TYPES = {"image/jpeg", "image/png", "image/webp"}


def _criteria_set_name(product) -> str:
    try:
        return scoring.load_criteria_set(product.criteria_decision, product.criteria_set).name
    except scoring.ScoringError:
        return ""


def _labelled(event) -> list[dict]:
    """The items a return asked to correct, with their labels in the reader's language."""
    if event is None:
        return []
    return [
        {
            "label": item.get("label") or services.item_label(item.get("item", "")),
            "comment": item.get("comment"),
        }
        for item in event.data.get("items", [])
    ]


# The words of the history (templates/jinja2/evaluations/timeline.jinja), here so that
# makemessages, which reads no Jinja2, keeps their msgids.
TIMELINE_LABELS = {
    "system": gettext_lazy("System"),
    "nothing": gettext_lazy("Nothing recorded yet."),
}


def _timeline(dossier):
    events = services.timeline(dossier)
    for event in events:
        event.items = _labelled(event)
    return events


def _timeline_html(request, events) -> str:
    template = engines["jinja2"].get_template("evaluations/timeline.jinja")
    context = {"events": events, "labels": translated(TIMELINE_LABELS)}
    return mark_safe(template.render(context, request))  # autoescaped by Jinja2


def _documents(product):
    documents = list(product.documents.all())
    for document in documents:
        document.inline_kind = (
            "pdf"
            if document.content_type == "application/pdf"
            else "image"
            if document.content_type in INLINE_IMAGE_TYPES
            else ""
        )
    return documents


def _forms(dossier, actions, bound):
    """The form of each next step the user may take; `bound` replaces one after a bad POST."""
    forms = {}
    # Each form has its own prefix: several sit on one page and their ids must not clash.
    if "return" in actions:
        forms["return"] = ReturnForm(
            items=services.return_item_choices(dossier),
            criteria=corrections.criterion_choices(dossier),
            prefix="return",
        )
    if "accept" in actions:
        forms["accept"] = AcceptForm(initial=dossier.local_assessment or None, prefix="accept")
    if "reject" in actions:
        forms["reject"] = RejectForm(prefix="reject")
    for action, form_class in NOTE_FORMS.items():
        if action in actions:
            forms[action] = form_class(prefix=action)
    forms.update({name: form for name, form in (bound or {}).items() if name != "corrections"})
    return forms


def _published_rows_html(request, published) -> str:
    """The consolidated sheet's rows through Jinja2 (a row per criterion: most of the page's
    template time in Django's language)."""
    if published is None:
        return ""
    template = engines["jinja2"].get_template("evaluations/published_rows.jinja")
    return mark_safe(template.render({"rows": published.rows}, request))  # autoescaped


def render_dossier(request, dossier, *, bound=None):
    """The dossier page; the action views call it again with a form that did not validate."""
    user = request.user
    actions = allowed_actions(user, dossier)
    product = dossier.product
    is_producer = user.is_producer
    editable = is_producer and dossier.state in DossierState.PRODUCER_EDITABLE
    latest_return = (
        services.latest_return(dossier) if dossier.state == DossierState.RETURNED else None
    )
    published = published_result(dossier)
    events = _timeline(dossier)
    context = {
        "dossier": dossier,
        "product": product,
        "producer": product.producer,
        "criteria_set_name": _criteria_set_name(product),
        "actions": actions,
        "forms": _forms(dossier, actions, bound),
        "events": events,
        "timeline_html": _timeline_html(request, events),
        "documents": _documents(product),
        "photos": list(product.photos.all()),
        "clock": None if is_producer else deadlines.step_clock(dossier),
        "checklist": dossiers_checklist.checklist(dossier) if editable else [],
        "kind_problem": services.kind_problem(dossier) if editable else None,
        # Warned, not blocked: Art. 6 fixes the dossier's contents, and the portal may not refuse
        # a dossier because a claim lacks the evidence the council will look for.
        "evidence_claims": unproven_claims(product) if editable else [],
        "returned_items": _labelled(latest_return),
        "latest_return": latest_return,
        "assessment": [
            (ASSESSMENT_LABELS[area], dossier.local_assessment.get(area, ""))
            for area in LOCAL_ASSESSMENT_AREAS
            if dossier.local_assessment
        ],
        "is_producer": is_producer,
        "editable": editable,
        **revisions.corrections_context(user, dossier, bound=(bound or {}).get("corrections")),
        # Revisions exist from the second submission on; a draft or a first one has no changes.
        "changes": revisions.latest_changes(dossier) if dossier.revision > 1 else None,
        "published": published,
        "published_rows_html": _published_rows_html(request, published),
        # Its link only: not the revision's snapshot of the whole dossier.
        "receipt": dossier.revisions.exclude(tracking_code=None)
        .only("dossier_id", "number", "tracking_code")
        .order_by("-number")
        .first()
        if dossier.revision
        else None,
    }
    if context["answer_form"] is not None and "resubmit" in context["forms"]:
        # The resubmission is sent from the answers' form (see _actions.html), so what was typed
        # in the boxes travels with it and is saved even if "Save answers" was never pressed.
        context["forms"]["resubmit"].fields["comment"].widget.attrs["form"] = "corrections"
    return render(request, "evaluations/dossier_detail.html", context)


def dossier_detail(request, pk):
    return render_dossier(request, get_dossier_for(request.user, pk))


def _default_kind(product: Product) -> str:
    certificate = services.current_certificate(product)
    if certificate is None:
        return DossierKind.FIRST
    if certificate.may_file_re_evaluation():
        return DossierKind.RE_EVALUATION
    return DossierKind.UPGRADE


def dossier_create(request):
    """Enter a product in a round (``?product=<pk>``): the draft is made, then submitted. When
    something is missing the draft is kept and its page lists what to add."""
    user = request.user
    pk = request.GET.get("product", "")
    product = (
        Product.objects.select_related("producer").filter(pk=pk).first() if pk.isdigit() else None
    )
    if product is None or not can_file_dossier(user, product):
        raise Http404
    rounds = Round.objects.visible_to(user).accepting().order_by("local_cutoff_on", "pk")
    form = DossierCreateForm(
        request.POST or None, rounds=rounds, initial={"kind": _default_kind(product)}
    )
    if request.method == "POST" and form.is_valid():
        try:
            dossier, repeated = create_once(
                request,
                form.cleaned_data.get("client_token"),
                lambda: services.create_dossier(
                    product,
                    by=user,
                    round=form.cleaned_data["round"],
                    kind=form.cleaned_data["kind"],
                ),
            )
        except ValidationError as refused:
            form.add_error(None, refused)
        else:
            if repeated:
                return repeated
            try:
                submit_dossier(dossier, by=user)
            except TransitionError as refused:
                messages.warning(
                    request,
                    _("%(reason)s The draft is kept: complete it, then submit it from this page.")
                    % {"reason": refused},
                )
            else:
                messages.success(
                    request,
                    _(
                        "The dossier was submitted. The local officer reviews it within 15 "
                        "working days."
                    ),
                )
            return redirect(dossier)
    upcoming = (
        Round.objects.visible_to(user)
        .filter(state__in=[RoundState.PLANNED, RoundState.OPEN], opens_on__gt=timezone.localdate())
        .order_by("opens_on")
    )
    return render(
        request,
        "evaluations/dossier_form.html",
        {
            "form": form,
            "product": product,
            "rounds": rounds,
            "upcoming": upcoming,
            "evidence_claims": unproven_claims(product),
        },
    )
