"""Who may read the certificates' records, revoke and extend a certificate (Decision 26/2026,
Art. 8 and 12.3); approval is the approvers' (dossiers/permissions.py ``can_approve``)."""

from accounts.models import Role
from dossiers.permissions import in_province

RECORD_READERS = frozenset({Role.APPROVER, Role.PROVINCIAL_OFFICE, Role.ADMINISTRATOR})


def can_read_certificate_records(user) -> bool:
    """The certificates' pages of the admin: the province's officials (and superusers)."""
    return user.is_active and (user.is_superuser or user.role in RECORD_READERS)


def certificate_records_of(user, certificates):
    """The certificates ``user`` reads in the admin: their province's (by the certified copy's
    province: a re-issued version has no dossier of its own); the whole country for a national
    administrator or a superuser without a province."""
    if not can_read_certificate_records(user):
        return certificates.none()
    if user.province_id:
        return certificates.filter(province_code=user.province_id)
    if user.is_superuser or user.is_national_administrator:
        return certificates
    return certificates.none()


def can_revoke_certificates(user) -> bool:
    """Art. 8: revocation is the approver's (which certificates: their province's records)."""
    return user.is_active and user.role == Role.APPROVER


def can_record_extensions(user) -> bool:
    """The provincial OCOP office records Art. 12.3 extensions (the admin action's button)."""
    return user.is_authenticated and user.is_active and user.role == Role.PROVINCIAL_OFFICE


def can_extend_certificate(user, certificate) -> bool:
    """Decision 26/2026, Art. 12.3 and 7.3.a: the provincial office of the certificate's
    province, which receives the re-evaluation dossiers, records that one stays valid."""
    return can_record_extensions(user) and in_province(user, certificate.dossier.round.province_id)
