"""The producer's and the local officer's transitions (Decision 26/2026, Art. 7.1-7.2).

The producer files a complete dossier in an open round; the commune (or the former district
serving it) checks it within 15 working days, returns it for correction with a comment per item,
or accepts it with its own assessment of four content areas (Form 03) and forwards it to the
province, or rejects it with a reason.
"""

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from certificates.extensions import end_extension_of
from criteria import scoring
from dossiers import checklist, revisions
from dossiers.models import CorrectionItem, CorrectionKind, Dossier, DossierRevision, RoundState
from dossiers.receipts import new_tracking_code
from evaluations import services

from .core import Action, TransitionError, apply

LOCAL_ASSESSMENT_AREAS = ("raw_materials", "local_labour", "idea_origin", "local_identity")


def _refuse_if_incomplete(dossier: Dossier) -> None:
    missing = checklist.missing_documents(dossier)
    if missing:
        raise TransitionError(
            _("The dossier is not complete. Add: %(missing)s.")
            % {"missing": ", ".join(str(label) for label in missing)}
        )
    problem = services.kind_problem(dossier)
    if problem:
        raise TransitionError(problem)


def _lock_product(dossier: Dossier) -> None:
    """Hold the product row until the submission commits: an upload or edit under way either
    commits first (and is in the snapshot) or waits and is then refused, because it checks the
    dossier's state under the same lock (products.services.lock_editable). Issue 18."""
    from products.models import Product

    Product.objects.select_for_update(of=("self",)).filter(pk=dossier.product_id).first()
    dossier.product.refresh_from_db()  # the row as it stands under the lock


def _check_submittable(dossier: Dossier) -> None:
    _lock_product(dossier)
    if not dossier.round.accepts_dossiers():
        raise TransitionError(
            _("Round “%(round)s” does not accept dossiers now (open %(opens)s to %(cutoff)s).")
            % {
                "round": dossier.round,
                "opens": dossier.round.opens_on.strftime("%d/%m/%Y"),
                "cutoff": dossier.round.local_cutoff_on.strftime("%d/%m/%Y"),
            }
        )
    _refuse_if_incomplete(dossier)


def _open_corrections(dossier: Dossier) -> list[CorrectionItem]:
    """The items of the request for correction the producer is answering now."""
    return list(dossier.correction_items.filter(revision=dossier.revision))


def _check_resubmittable(dossier: Dossier) -> None:
    _lock_product(dossier)
    # Past the round's cut-off a returned dossier may still come back: the officer asked for it.
    if dossier.round.state != RoundState.OPEN:
        raise TransitionError(_("The round is closed; the dossier can no longer be resubmitted."))
    unanswered = [item.label for item in _open_corrections(dossier) if not item.is_answered]
    if unanswered:
        raise TransitionError(
            _("Answer every item of the request for correction before resubmitting: %(items)s.")
            % {"items": "; ".join(unanswered)}
        )
    _refuse_if_incomplete(dossier)


def _mark_submitted(dossier: Dossier, *, by) -> dict[str, Any]:
    """A new revision, with a snapshot of the content the reviewers will judge."""
    dossier.revision += 1
    dossier.submitted_at = timezone.now()
    revision = DossierRevision.objects.create(
        dossier=dossier,
        number=dossier.revision,
        submitted_at=dossier.submitted_at,
        submitted_by=by,
        snapshot=revisions.snapshot(dossier.product),
        tracking_code=new_tracking_code(dossier),  # the receipt (giấy tiếp nhận hồ sơ)
    )
    return {
        "revision": dossier.revision,
        "tracking_code": revision.tracking_code,
        "self_assessment": services.snapshot_self_assessment(dossier),
    }


def submit_dossier(dossier: Dossier, *, by) -> Dossier:
    """Nộp hồ sơ: the producer files a complete dossier in a round that accepts dossiers
    (Art. 7.1). The 15 working days of the local review start the next working day."""
    return apply(
        dossier,
        Action.SUBMIT,
        by=by,
        check=_check_submittable,
        effect=lambda locked: _mark_submitted(locked, by=by),
    )


def resubmit_dossier(dossier: Dossier, *, by, comment: str = "") -> Dossier:
    """Nộp lại: the producer answers a request for correction, item by item, with a new revision;
    the local review's clock starts again from this submission."""

    def effect(locked: Dossier) -> dict[str, Any]:
        answers = [
            {"kind": item.kind, "item": item.key, "answer": item.answer}
            for item in _open_corrections(locked)
        ]
        return {**_mark_submitted(locked, by=by), **({"answers": answers} if answers else {})}

    return apply(
        dossier,
        Action.RESUBMIT,
        by=by,
        comment=comment.strip(),
        check=_check_resubmittable,
        effect=effect,
    )


def withdraw_dossier(dossier: Dossier, *, by, comment: str = "") -> Dossier:
    """Rút hồ sơ: the producer takes the dossier back before the commune has accepted it."""
    return apply(dossier, Action.WITHDRAW, by=by, comment=comment.strip())


# ---- Local officer -------------------------------------------------------------------------


def _check_round_not_closed(dossier: Dossier) -> None:
    if dossier.round.state == RoundState.CLOSED:
        raise TransitionError(_("The round is closed: its dossiers can no longer change."))


def _criteria_titles(dossier: Dossier) -> dict[str, str]:
    try:
        criteria_set = scoring.load_criteria_set(
            dossier.criteria_decision, dossier.product.criteria_set
        )
    except scoring.ScoringError:
        return {}
    return {criterion.code: criterion.title for criterion in criteria_set.leaf_criteria()}


def _itemised(dossier: Dossier, items: list[dict[str, str]]) -> list[dict[str, str]]:
    """The items with a comment, as the audit keeps them; a criterion (``"kind": "criterion"``)
    must be one of the dossier's criteria set and carries its label."""
    cleaned, seen, titles = [], set(), None
    for item in items:
        comment = (item.get("comment") or "").strip()
        key = str(item.get("item") or "other")
        is_criterion = item.get("kind") == CorrectionKind.CRITERION
        if not comment or (is_criterion, key) in seen:
            continue
        seen.add((is_criterion, key))
        if not is_criterion:
            cleaned.append({"item": key, "comment": comment})
            continue
        titles = _criteria_titles(dossier) if titles is None else titles
        if key not in titles:
            raise TransitionError(
                _("Criterion %(code)s is not on this dossier's criteria set.") % {"code": key}
            )
        cleaned.append(
            {
                "kind": CorrectionKind.CRITERION,
                "item": key,
                "label": f"{key}. {titles[key]}",
                "comment": comment,
            }
        )
    return cleaned


def return_dossier(
    dossier: Dossier, *, by, items: list[dict[str, str]], comment: str = ""
) -> Dossier:
    """Trả hồ sơ để bổ sung: send the dossier back with a comment per item to correct (Art. 7.2).

    ``items`` are ``{"item": key, "comment": text}``; the key is one of
    ``services.return_item_choices`` (a document kind, the product details, photos…), or, with
    ``"kind": "criterion"``, a criterion code of the dossier's criteria set. Each becomes a
    ``CorrectionItem`` the producer answers before resubmitting.
    """
    items = _itemised(dossier, items)
    if not items:
        raise TransitionError(_("List at least one item to correct, with a comment."))

    def check(locked: Dossier) -> None:
        # Only an open round takes the corrected dossier back; past that, reject instead.
        if locked.round.state != RoundState.OPEN:
            raise TransitionError(
                _(
                    "The round is no longer open, so the producer could not resubmit: reject "
                    "the dossier with the reason instead."
                )
            )

    def effect(locked: Dossier) -> None:
        CorrectionItem.objects.bulk_create(
            CorrectionItem(
                dossier=locked,
                revision=locked.revision,
                kind=item.get("kind", CorrectionKind.CHECKLIST),
                key=item["item"],
                label=str(item.get("label") or services.item_label(item["item"]))[:300],
                note=item["comment"],
                requested_by=by,
            )
            for item in items
        )

    return apply(
        dossier,
        Action.RETURN,
        by=by,
        comment=comment.strip(),
        data={"items": items},
        check=check,
        effect=effect,
    )


def accept_dossier(
    dossier: Dossier, *, by, assessment: dict[str, str], comment: str = ""
) -> Dossier:
    """Tiếp nhận: accept the dossier with the commune's assessment of four content areas:
    raw materials, local labour, origin of the idea, local identity (Form 03, Art. 7.2)."""
    missing = [area for area in LOCAL_ASSESSMENT_AREAS if not (assessment.get(area) or "").strip()]
    if missing:
        raise TransitionError(_("Fill in all four areas of the local assessment (Form 03)."))
    cleaned = {area: assessment[area].strip() for area in LOCAL_ASSESSMENT_AREAS}

    def effect(locked: Dossier) -> dict[str, Any]:
        locked.local_assessment = cleaned
        return {"assessment": cleaned}

    return apply(
        dossier,
        Action.ACCEPT,
        by=by,
        comment=comment.strip(),
        check=_check_round_not_closed,
        effect=effect,
    )


def reject_dossier(dossier: Dossier, *, by, reason: str) -> Dossier:
    """Không tiếp nhận: refuse the dossier, giving the producer the reason in writing."""
    if not reason.strip():
        raise TransitionError(_("Give the reason for the rejection."))

    def effect(locked: Dossier) -> None:
        end_extension_of(locked, on=timezone.localdate())  # Art. 12.3: the result is the refusal

    return apply(
        dossier,
        Action.REJECT,
        by=by,
        comment=reason.strip(),
        check=_check_round_not_closed,
        effect=effect,
    )


def forward_dossier(dossier: Dossier, *, by, comment: str = "") -> Dossier:
    """Chuyển hồ sơ lên tỉnh: send the accepted dossier with Form 03 to the province."""

    def check(locked: Dossier) -> None:
        _check_round_not_closed(locked)
        if not locked.local_assessment:
            raise TransitionError(_("Accept the dossier with the local assessment first."))

    return apply(dossier, Action.FORWARD, by=by, comment=comment.strip(), check=check)
