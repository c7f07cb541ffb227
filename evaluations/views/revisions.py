"""The request for correction answered item by item, and the changes between revisions: on the
dossier page (the latest resubmission) and on a page comparing any two revisions."""

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from criteria import scoring
from dossiers import corrections, revisions
from dossiers.forms import CorrectionAnswersForm, RevisionChoiceForm
from dossiers.models import CorrectionKind, Dossier
from dossiers.permissions import can_answer_corrections, get_dossier_for
from evaluations import services
from products.models import EvidenceKind, Product


def _label(item) -> str:
    # A checklist item's label in the reader's language; a criterion keeps the sheet's title.
    if item.kind == CorrectionKind.CHECKLIST:
        return services.item_label(item.key)
    return item.label


def labelled_request(dossier: Dossier) -> list:
    items = corrections.latest_request(dossier)
    for item in items:
        item.label = _label(item)
    return items


def corrections_context(user, dossier: Dossier, *, bound=None) -> dict:
    """The latest request for correction with its answers, and the answer form when the user
    may answer it now."""
    items = bound.items if bound is not None else labelled_request(dossier)
    answering = bool(items) and can_answer_corrections(user, dossier)
    form = None
    if answering and items[0].revision == dossier.revision:
        form = bound or CorrectionAnswersForm(items=items, prefix="corrections")
    return {"corrections": items, "answer_form": form}


# ---- Changes between revisions -------------------------------------------------------------


def _criteria_titles(dossier: Dossier) -> dict[str, str]:
    try:
        criteria_set = scoring.load_criteria_set(
            dossier.criteria_decision, dossier.product.criteria_set
        )
    except scoring.ScoringError:
        return {}
    return {c.code: c.title for c in criteria_set.all_criteria()}


def _document_label(row: dict) -> str:
    """The document as its producer named it. The stored file name is random (never the
    uploaded one), so it means nothing to a reader: a replaced copy of the same title is told
    apart by its issue date instead."""
    kind = row.get("kind", "")
    label = str(EvidenceKind(kind).label if kind in EvidenceKind.values else kind)
    title = row.get("title", "").strip()
    text = f"{label}: {title}" if title and title != label else label
    if row.get("issued_on"):
        issued = datetime.date.fromisoformat(row["issued_on"])
        text += " " + _("(issued %(date)s)") % {"date": issued.strftime("%d/%m/%Y")}
    return text


def described_changes(dossier: Dossier, old, new) -> dict:
    """What changed from revision `old` to revision `new`, labelled for the template; when one
    of them has no snapshot (submitted before revisions were kept), says so instead."""
    context = {"old": old, "new": new, "diff": None}
    if not (old.has_snapshot and new.has_snapshot):
        return context
    diff = revisions.diff(old.snapshot, new.snapshot)
    titles = _criteria_titles(dossier) if diff.criteria else {}
    context.update(
        diff=diff,
        fields=[
            (capfirst(Product._meta.get_field(change.name).verbose_name), change)
            for change in diff.fields
        ],
        documents_added=[_document_label(row) for row in diff.documents_added],
        documents_removed=[_document_label(row) for row in diff.documents_removed],
        documents_replaced=[
            (_document_label(old_row), _document_label(new_row))
            for old_row, new_row in diff.documents_replaced
        ],
        criteria=[(change, titles.get(change.code, "")) for change in diff.criteria],
    )
    return context


def latest_changes(dossier: Dossier) -> dict | None:
    """The changes of the latest resubmission against the submission before it, or None for a
    dossier submitted once."""
    latest = list(dossier.revisions.order_by("-number")[:2])
    if len(latest) < 2:
        return None
    return described_changes(dossier, latest[1], latest[0])


def corrections_form(request, dossier: Dossier) -> CorrectionAnswersForm | None:
    """The producer's answers posted with a request (the answers' own form, or the resubmission
    sent from it), bound; None when the user may not answer or the request has no answer boxes."""
    if not can_answer_corrections(request.user, dossier):
        return None
    items = labelled_request(dossier)
    if not items or items[0].revision != dossier.revision:
        return None
    form = CorrectionAnswersForm(request.POST, items=items, prefix="corrections")
    if not any(form.add_prefix(f"answer_{item.pk}") in request.POST for item in items):
        return None  # sent from a page without the boxes: nothing typed to keep
    return form


@require_POST
def dossier_corrections_answer(request, pk):
    """Save the producer's answers to the request for correction."""
    dossier = get_dossier_for(request.user, pk)
    if not can_answer_corrections(request.user, dossier):
        raise PermissionDenied
    form = CorrectionAnswersForm(
        request.POST, items=labelled_request(dossier), prefix="corrections"
    )
    if form.is_valid():
        try:
            changed = corrections.answer_corrections(
                dossier, by=request.user, answers=form.answers()
            )
        except ValidationError as refused:
            form.add_error(None, refused)
        else:
            if changed:
                messages.success(request, _("Your answers were saved."))
            else:
                messages.info(request, _("Nothing new to save: write an answer first."))
            return redirect(f"{dossier.get_absolute_url()}#corrections")
    from .dossiers import render_dossier

    return render_dossier(request, dossier, bound={"corrections": form})


def dossier_revisions(request, pk):
    """Compare any two revisions of a dossier (?old=&new=); by default the last two."""
    dossier = get_dossier_for(request.user, pk)
    all_revisions = list(dossier.revisions.select_related("submitted_by").order_by("number"))
    if not all_revisions:
        raise Http404
    numbers = [revision.number for revision in all_revisions]
    default = {"old": numbers[-2] if len(numbers) > 1 else numbers[-1], "new": numbers[-1]}
    form = RevisionChoiceForm(request.GET or default, numbers=numbers)
    chosen = form.cleaned_data if form.is_valid() else default
    by_number = {revision.number: revision for revision in all_revisions}
    old, new = by_number[chosen["old"]], by_number[chosen["new"]]
    context = {
        "dossier": dossier,
        "product": dossier.product,
        "revisions": all_revisions,
        "form": form,
        "changes": described_changes(dossier, old, new) if old != new else None,
    }
    return render(request, "evaluations/dossier_revisions.html", context)
