"""Who may see the outbox and who may send or discard its messages."""

from accounts.models import Role

VIEWING_ROLES = frozenset({Role.PROVINCIAL_OFFICE, Role.APPROVER, Role.ADMINISTRATOR})
# The office checks and sends the notices; approvers, whose decisions they are, may look.
DECIDING_ROLES = frozenset({Role.PROVINCIAL_OFFICE, Role.ADMINISTRATOR})


def can_view_outbox(user) -> bool:
    return user.is_authenticated and user.is_active and user.role in VIEWING_ROLES


def can_decide_outbox(user) -> bool:
    return can_view_outbox(user) and user.role in DECIDING_ROLES
