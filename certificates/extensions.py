"""Art. 12.3 of Decision 26/2026/QĐ-TTg: a certificate kept valid past its expiry.

"Những sản phẩm thuộc đối tượng đánh giá, phân hạng lại, nhưng thời gian nộp hồ sơ không đáp ứng
được thời hạn theo quy định tại điểm a khoản 6 Điều 7 …, thì giấy chứng nhận tiếp tục có hiệu lực
đến ngày có kết quả xử lý của cơ quan có thẩm quyền, nhưng không quá 180 ngày tính từ ngày hết
thời hạn." A transitional rule: the 180-to-120-day filing window (Art. 7.6.a) is new in this
Decision, so a holder whose window had already begun when it took effect (22/5/2026, Art. 11.1)
could not have filed in it.

The provincial office records the extension (``extend_certificate``, with its legal basis, who and
when); it ends 180 days after expiry, or earlier on the day the re-evaluation's result is decided
(``end_extension``: a new certificate, a result notice, or the commune's refusal of the dossier).
While it runs the certificate is listed, verified and published as ``extended``, and the holder
may still file the re-evaluation.
"""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from certificates import permissions
from certificates.models import Certificate
from certificates.models.certificate import DECISION_26_EFFECTIVE
from dossiers.models import DossierKind


def extension_problem(certificate: Certificate, today: datetime.date) -> str | None:
    """Why Art. 12.3 does not apply to `certificate` today, or None when it does."""
    if certificate.revoked_on or certificate.replaced_by_id:
        return _("Only a live certificate can be extended: this one was revoked or replaced.")
    if certificate.extended_until is not None:
        return _("This certificate's extension was already recorded.")
    if certificate.re_evaluation_opens_on >= DECISION_26_EFFECTIVE:
        return _(
            "Art. 12.3 covers only certificates whose re-evaluation window had begun when "
            "Decision 26/2026 took effect (22/05/2026); this one's opened on %(opens)s, so the "
            "holder can file in time."
        ) % {"opens": certificate.re_evaluation_opens_on.strftime("%d/%m/%Y")}
    if today > certificate.extension_limit:
        return _(
            "An extension lasts at most 180 days after expiry, that is until %(limit)s: it is "
            "too late to record one."
        ) % {"limit": certificate.extension_limit.strftime("%d/%m/%Y")}
    return None


@transaction.atomic
def extend_certificate(
    certificate: Certificate, *, by, basis: str, today: datetime.date | None = None
) -> Certificate:
    """Record that `certificate` stays valid under Art. 12.3, until 180 days after its expiry
    or the re-evaluation's result, whichever comes first."""
    today = today or timezone.localdate()
    locked = (
        Certificate.objects.select_for_update(of=("self",))
        .select_related("dossier__round")
        .get(pk=certificate.pk)
    )
    if not permissions.can_extend_certificate(by, locked):
        raise PermissionDenied
    if not basis.strip():
        raise ValidationError(_("State the legal basis of the extension."))
    problem = extension_problem(locked, today)
    if problem:
        raise ValidationError(problem)
    locked.extended_until = locked.extension_limit
    locked.extension_basis = basis.strip()
    locked.extended_by = by
    locked.extended_at = timezone.now()
    locked.full_clean()
    locked.save()
    return locked


def end_extension(certificates, *, on: datetime.date) -> None:
    """The re-evaluation was decided on `on`: extensions running later end that day (Art. 12.3,
    "đến ngày có kết quả xử lý"). Saved one by one so the public pages' cache hears of it."""
    for certificate in certificates.filter(extended_until__gt=on):
        certificate.extended_until = on
        certificate.save(update_fields=["extended_until"])


def end_extension_of(dossier, *, on: datetime.date) -> None:
    """`dossier`'s processing ended on `on` without a new certificate (a result notice, or the
    commune refusing it): when it re-evaluates an extended certificate, that extension ends too.

    A refusal is the competent body's result ("kết quả xử lý") as much as a notice is; left
    running, the extension would keep the old certificate listed as valid for up to 180 days on
    the strength of a dossier nobody is processing any more.
    """
    if dossier.kind == DossierKind.RE_EVALUATION and dossier.previous_certificate_id:
        end_extension(Certificate.objects.filter(pk=dossier.previous_certificate_id), on=on)
