"""Whether the chair may close a dossier's scoring now (Decision 26/2026, Art. 7.3 and 7.6): the
rule the transition ``close_scoring`` enforces, kept here so that the council and session pages
below the workflow ask the same rule before they offer the button."""

from django.utils.formats import localize
from django.utils.translation import gettext as _

from dossiers.models import Dossier, DossierKind


def close_scoring_refusal(dossier: Dossier, *, item, outcome, quorum) -> str | None:
    """Why the chair may not close scoring now, or None when they may: the rule ``close_scoring``
    enforces, and the council and session pages ask before they show its button.

    ``item`` is the dossier's place on its council's open session (None outside a session),
    ``outcome`` its result counted with that session's presence, ``quorum`` that session's.
    """
    # Re-evaluations are decided on the members' written opinions; the council meets only
    # when they diverge (Decision 26/2026, Art. 7.6).
    by_written_opinions = (
        dossier.kind == DossierKind.RE_EVALUATION
        and item is None
        and outcome.result is not None
        and not outcome.result.spread_exceeded
    )
    if outcome.waiting_for:
        return _("Not every member has submitted a score sheet yet: %(names)s.") % {
            "names": ", ".join(outcome.waiting_for)
        }
    if not by_written_opinions:
        # The council decides in session, with its quorum and the chair present: a rule of the
        # provinces' council regulations (Tây Ninh: 3/4 of members with the chair); no national
        # one.
        if item is None:
            return _("Open a council session with this product on its agenda before closing.")
        if not quorum.chair_present:
            return _("The chair is not recorded as present at the session.")
        if not quorum.met:
            return _(
                "The session has no quorum: %(present)s scoring members present, %(needed)s needed."
            ) % {"present": quorum.present, "needed": quorum.needed}
    if outcome.result is None:
        return _("No score sheet counts: every member declared a conflict.")
    if outcome.result.spread_exceeded and not (item and item.discussion_note.strip()):
        return _(
            "Members' totals differ by %(spread)s points, more than the council's limit. "
            "Record the council's discussion of the product before closing."
        ) % {"spread": localize(outcome.result.spread)}
    return None
