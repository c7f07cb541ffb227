"""Who may extend a certificate (Decision 26/2026, Art. 12.3); revocation and approval are the
approvers' (dossiers/permissions.py ``can_approve``)."""

from accounts.models import Role
from dossiers.permissions import in_province


def can_record_extensions(user) -> bool:
    """The provincial OCOP office records Art. 12.3 extensions (the admin action's button)."""
    return user.is_authenticated and user.is_active and user.role == Role.PROVINCIAL_OFFICE


def can_extend_certificate(user, certificate) -> bool:
    """Decision 26/2026, Art. 12.3 and 7.3.a: the provincial office of the certificate's
    province, which receives the re-evaluation dossiers, records that one stays valid."""
    return can_record_extensions(user) and in_province(user, certificate.dossier.round.province_id)
