"""Who handles the public's reports of suspicious OCOP labels."""

from accounts.models import Role

LABEL_REPORT_ROLES = frozenset({Role.PROVINCIAL_OFFICE, Role.ADMINISTRATOR})


def can_handle_label_reports(user) -> bool:
    """The provincial OCOP office inspects the use of the OCOP mark (Decision 26/2026, Art. 9)."""
    return user.is_authenticated and user.is_active and user.role in LABEL_REPORT_ROLES
