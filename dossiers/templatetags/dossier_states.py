"""The colour of a dossier's state wherever a badge shows it (``evaluations/_state_badge.html``):
one mapping, so the producer's dashboard and the officials' lists cannot disagree."""

from django import template

from dossiers.models import DossierState

register = template.Library()

# Bootstrap's text-bg-* suffixes: red where the dossier came back or ended refused, green once the
# province has it or recognised it, blue-primary accepted locally, grey for drafts and dossiers
# that ended without a rating, light blue while someone else works on it.
BADGE_COLOURS = {
    DossierState.DRAFT: "secondary",
    DossierState.SUBMITTED: "info",
    DossierState.RETURNED: "danger",
    DossierState.ACCEPTED: "primary",
    DossierState.FORWARDED: "success",
    DossierState.REJECTED: "danger",
    DossierState.WITHDRAWN: "secondary",
    DossierState.IN_SCORING: "info",
    DossierState.SCORED: "info",
    DossierState.APPROVED: "success",
    DossierState.NOT_RECOGNISED: "secondary",
    DossierState.NOMINATED: "info",
}


@register.filter
def state_colour(state: str) -> str:
    return BADGE_COLOURS[state]
