"""One view per step of the local review: fetch and authorize, read the form, call the
transition, say what happened, go back to the dossier. The rules live in ``transitions``."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dossiers import corrections
from dossiers.permissions import get_dossier_for
from evaluations import services, transitions

from ..forms import AcceptForm, ForwardForm, RejectForm, ResubmitForm, ReturnForm, WithdrawForm
from ..permissions import can
from .dossiers import render_dossier
from .revisions import corrections_form


def _dossier_for_action(request, pk: int, action: str):
    """The dossier, refused (403) before its form is read to anyone who may see it but may never
    take this step: a refusal must not answer with the form's errors as if it were allowed."""
    dossier = get_dossier_for(request.user, pk)
    if not can(request.user, action, dossier):
        raise PermissionDenied
    return dossier


def _done(request, dossier, run, success: str):
    try:
        run()
    except transitions.AlreadyApplied as repeated:
        messages.info(request, str(repeated))
    except transitions.TransitionError as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, success)
    return redirect(dossier)


@require_POST
def dossier_submit(request, pk):
    dossier = get_dossier_for(request.user, pk)
    return _done(
        request,
        dossier,
        lambda: transitions.submit_dossier(dossier, by=request.user),
        _("The dossier was submitted. The local officer reviews it within 15 working days."),
    )


@require_POST
def dossier_resubmit(request, pk):
    """Resubmit; the answers typed in the correction boxes come with it (the button belongs to
    the answers' form) and are saved first, so pressing it without "Save answers" loses nothing.
    When the resubmission is still refused, the page is shown again with what was typed."""
    dossier = get_dossier_for(request.user, pk)
    form = ResubmitForm(request.POST, prefix="resubmit")
    form.is_valid()
    answers = corrections_form(request, dossier)
    if answers is not None and not answers.is_valid():
        return render_dossier(request, dossier, bound={"corrections": answers, "resubmit": form})
    try:
        if answers is not None:
            corrections.answer_corrections(dossier, by=request.user, answers=answers.answers())
        transitions.resubmit_dossier(
            dossier, by=request.user, comment=form.cleaned_data.get("comment", "")
        )
    except transitions.AlreadyApplied as repeated:
        messages.info(request, str(repeated))
    except (transitions.TransitionError, ValidationError) as refused:
        messages.error(request, " ".join(getattr(refused, "messages", [str(refused)])))
        dossier.refresh_from_db()
        bound = {"resubmit": form}
        if answers is not None:
            bound["corrections"] = answers
        return render_dossier(request, dossier, bound=bound)
    else:
        messages.success(request, _("The corrected dossier was resubmitted to the local officer."))
    return redirect(dossier)


@require_POST
def dossier_withdraw(request, pk):
    dossier = get_dossier_for(request.user, pk)
    form = WithdrawForm(request.POST, prefix="withdraw")
    form.is_valid()
    return _done(
        request,
        dossier,
        lambda: transitions.withdraw_dossier(
            dossier, by=request.user, comment=form.cleaned_data.get("comment", "")
        ),
        _("The dossier was withdrawn."),
    )


@require_POST
def dossier_return(request, pk):
    dossier = _dossier_for_action(request, pk, "return")
    form = ReturnForm(
        request.POST,
        items=services.return_item_choices(dossier),
        criteria=corrections.criterion_choices(dossier),
        prefix="return",
    )
    if not form.is_valid():
        return render_dossier(request, dossier, bound={"return": form})
    return _done(
        request,
        dossier,
        lambda: transitions.return_dossier(
            dossier, by=request.user, items=form.items(), comment=form.cleaned_data["comment"]
        ),
        _("The dossier was returned to the producer for correction."),
    )


@require_POST
def dossier_accept(request, pk):
    dossier = _dossier_for_action(request, pk, "accept")
    form = AcceptForm(request.POST, prefix="accept")
    if not form.is_valid():
        return render_dossier(request, dossier, bound={"accept": form})
    return _done(
        request,
        dossier,
        lambda: transitions.accept_dossier(
            dossier,
            by=request.user,
            assessment=form.assessment(),
            comment=form.cleaned_data["comment"],
        ),
        _("The dossier was accepted with the local assessment (Form 03)."),
    )


@require_POST
def dossier_reject(request, pk):
    dossier = _dossier_for_action(request, pk, "reject")
    form = RejectForm(request.POST, prefix="reject")
    if not form.is_valid():
        return render_dossier(request, dossier, bound={"reject": form})
    return _done(
        request,
        dossier,
        lambda: transitions.reject_dossier(
            dossier, by=request.user, reason=form.cleaned_data["reason"]
        ),
        _("The dossier was rejected; the producer is told the reason."),
    )


@require_POST
def dossier_forward(request, pk):
    dossier = _dossier_for_action(request, pk, "forward")
    form = ForwardForm(request.POST, prefix="forward")
    form.is_valid()
    return _done(
        request,
        dossier,
        lambda: transitions.forward_dossier(
            dossier, by=request.user, comment=form.cleaned_data.get("comment", "")
        ),
        _("The dossier was forwarded to the province."),
    )
