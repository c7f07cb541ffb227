"""The only doorway through which a dossier changes state.

One table of allowed moves (``TRANSITIONS``); one locked, audited function applies them
(``apply``). Every public function takes the dossier first and keyword-only arguments after it,
checks the rule the law sets for that step, and leaves a ``DossierEvent``. Emails go out after the
transaction commits, so a failing mail server never undoes a decision.

- ``core``: the table, ``apply``, errors, ``allowed_actions``;
- ``local``: the producer's and the local officer's steps;
- ``province``: the provincial office's, council chair's and approver's steps.
"""

from .core import (
    TRANSITIONS,
    Action,
    AlreadyApplied,
    TransitionError,
    allowed_actions,
    apply,
)
from .local import (
    LOCAL_ASSESSMENT_AREAS,
    accept_dossier,
    forward_dossier,
    reject_dossier,
    resubmit_dossier,
    return_dossier,
    submit_dossier,
    withdraw_dossier,
)
from .province import (
    approve_result,
    assign_dossier,
    close_scoring,
    nominate_for_national,
    notify_not_recognised,
    record_ministry_result,
    send_back_to_council,
)

__all__ = [
    "LOCAL_ASSESSMENT_AREAS",
    "TRANSITIONS",
    "Action",
    "AlreadyApplied",
    "TransitionError",
    "accept_dossier",
    "allowed_actions",
    "apply",
    "approve_result",
    "assign_dossier",
    "close_scoring",
    "forward_dossier",
    "nominate_for_national",
    "notify_not_recognised",
    "record_ministry_result",
    "reject_dossier",
    "resubmit_dossier",
    "return_dossier",
    "send_back_to_council",
    "submit_dossier",
    "withdraw_dossier",
]
