"""Assigning forwarded dossiers to a council: each one moves through its own transition, so this
is the workflow's, not the councils' (councils/services.py forms the council)."""

from collections.abc import Iterable

from django.utils.translation import gettext as _

from accounts.models import User
from councils.models import Council
from dossiers.models import Dossier
from outbox.hold import holding_notices

from .transitions import TransitionError, assign_dossier


def assign_dossiers(
    council: Council, *, by: User, dossiers: Iterable[Dossier]
) -> tuple[list[Dossier], list[tuple[Dossier, str]]]:
    """Assign forwarded dossiers to a council one by one, each through its own transition: one
    that another officer moved meanwhile is reported back, the others still go through."""
    assigned, refused = [], []
    # Many producers hear of it at once: the provincial office checks the notices first.
    label = _("Assignment to the council %(council)s") % {"council": council}
    with holding_notices(label=label, by=by):
        for dossier in dossiers:
            try:
                assigned.append(assign_dossier(dossier, by=by, council=council))
            except TransitionError as error:
                refused.append((dossier, str(error)))
    return assigned, refused
