"""The itemised request for correction (Art. 7.2): reading the latest request and the producer's
answers to it, item by item. The request itself is made by ``transitions.return_dossier``; the
resubmission (``transitions.resubmit_dossier``) is refused until every item is answered."""

from collections.abc import Mapping

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from criteria import scoring
from dossiers import permissions
from dossiers.models import CorrectionItem, Dossier

MAX_ANSWER_LENGTH = 2000


def latest_request(dossier: Dossier) -> list[CorrectionItem]:
    """The items of the dossier's latest request for correction, in the order asked (one query:
    the page's cost does not grow with the number of requests)."""
    latest = CorrectionItem.objects.filter(dossier=dossier).aggregate(n=Max("revision"))["n"]
    if latest is None:
        return []
    return list(dossier.correction_items.filter(revision=latest).order_by("pk"))


@transaction.atomic
def answer_corrections(dossier: Dossier, *, by, answers: Mapping[int, str]) -> int:
    """Save the producer's answers (item id → text) to the open request for correction and say
    how many changed. A blank answer leaves the item as it was: nothing saved is lost."""
    locked = (
        Dossier.objects.select_for_update(of=("self",))
        .select_related("product__producer")
        .get(pk=dossier.pk)
    )
    if not permissions.can_answer_corrections(by, locked):
        raise PermissionDenied
    items = locked.correction_items.select_for_update().filter(
        revision=locked.revision, pk__in=list(answers)
    )
    changed, now = 0, timezone.now()
    for item in items:
        text = (answers[item.pk] or "").strip()
        if len(text) > MAX_ANSWER_LENGTH:
            raise ValidationError(
                _("An answer is at most %(limit)d characters long.") % {"limit": MAX_ANSWER_LENGTH}
            )
        if not text or text == item.answer:
            continue
        item.answer, item.answered_at, item.answered_by = text, now, by
        item.save(update_fields=["answer", "answered_at", "answered_by"])
        changed += 1
    return changed


def criterion_choices(dossier: Dossier) -> list[tuple[str, str]]:
    """The criteria an officer may ask to correct: the leaves of the dossier's criteria set (the
    round's decision, the product's set), as (code, "code. title")."""
    try:
        criteria_set = scoring.load_criteria_set(
            dossier.criteria_decision, dossier.product.criteria_set
        )
    except scoring.ScoringError:
        return []
    return [(c.code, f"{c.code}. {c.title}") for c in criteria_set.leaf_criteria()]
