"""Who may see the dashboard and exports, and who may import certificates.

Provincial roles (office, approver, administrator) see their whole province; a local officer sees
only what concerns producers inside their jurisdiction. Each "see" predicate is paired with a
QuerySet scope that gives the same answer for lists; views fetch through the ``get_*_for`` helpers,
which 404 on anything out of reach (outsiders learn nothing, not even that it exists).
"""

from django.conf import settings
from django.db.models import QuerySet
from django.http import Http404

from accounts.jurisdiction import COUNTRY, FORMER_DISTRICT, area_of, area_q, province_of
from accounts.models import Role
from evaluations.models import Certificate, Dossier, Round

from .models import ImportBatch

REPORT_ROLES = frozenset(
    {Role.PROVINCIAL_OFFICE, Role.APPROVER, Role.ADMINISTRATOR, Role.LOCAL_OFFICER}
)
IMPORT_ROLES = frozenset({Role.PROVINCIAL_OFFICE, Role.ADMINISTRATOR})


def _active(user) -> bool:
    return user.is_authenticated and user.is_active


def can_view_reports(user) -> bool:
    return _active(user) and user.role in REPORT_ROLES


def can_import_certificates(user) -> bool:
    return _active(user) and user.role in IMPORT_ROLES


def import_province_id(user) -> int:
    """The province an import files certificates under: the user's, else the installation's."""
    return user.province_id or settings.OCOP_PROVINCE_CODE


def scope_key(user) -> str:
    """A short name of the area the user's reports cover: users with the same key see the same
    figures, so computed figures can be shared between them."""
    kind, pk = area_of(user) or ("none", None)
    # The keys predate the shared module; kept so figures already computed stay shared.
    kind = "district" if kind == FORMER_DISTRICT else kind
    return kind if kind == COUNTRY else f"{kind}-{pk}"


def certificates_visible_to(user) -> QuerySet:
    """Certificates counted on the user's dashboard and exports (any status)."""
    if not can_view_reports(user):
        return Certificate.objects.none()
    return Certificate.objects.filter(area_q(user, "product__producer__commune"))


def can_view_certificate(user, certificate: Certificate) -> bool:
    return can_view_reports(user) and user.covers_commune(certificate.product.producer.commune)


def dossiers_visible_to(user) -> QuerySet:
    """Dossiers counted in reports: the evaluations app's own scope, for report roles only."""
    if not can_view_reports(user):
        return Dossier.objects.none()
    return Dossier.objects.visible_to(user)


def rounds_visible_to(user) -> QuerySet:
    """Rounds of the province the user reports on (a local officer: their area's province)."""
    if not can_view_reports(user):
        return Round.objects.none()
    if user.is_national_administrator:
        return Round.objects.all()
    return Round.objects.filter(province_id=province_of(user))


def can_view_round(user, round_: Round) -> bool:
    if not can_view_reports(user):
        return False
    return user.is_national_administrator or round_.province_id == province_of(user)


def get_round_for(user, pk: int) -> Round:
    round_ = Round.objects.filter(pk=pk).first()
    if round_ is None or not can_view_round(user, round_):
        raise Http404
    return round_


def batches_visible_to(user) -> QuerySet:
    if not can_import_certificates(user):
        return ImportBatch.objects.none()
    return ImportBatch.objects.filter(province_id=import_province_id(user))


def get_batch_for(user, pk: int) -> ImportBatch:
    batch = ImportBatch.objects.filter(pk=pk).select_related("uploaded_by", "committed_by").first()
    if batch is None or not can_import_certificates(user):
        raise Http404
    if batch.province_id != import_province_id(user):
        raise Http404
    return batch
