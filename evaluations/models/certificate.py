import datetime

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

VALIDITY_MONTHS = 36  # Decision 26/2026, Art. 4.3
RE_EVALUATION_OPENS_DAYS = 180  # Art. 7.6: filed 180 to 120 days before expiry
RE_EVALUATION_CLOSES_DAYS = 120


def add_months(day: datetime.date, months: int) -> datetime.date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    # 29 Feb + 36 months lands on 28 Feb: clamp to the month's last day.
    for candidate in (day.day, 30, 29, 28):
        try:
            return datetime.date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise ValueError(day)


class RevocationGround(models.TextChoices):
    """Grounds for revoking a recognition (Decision 26/2026, Art. 9)."""

    FALSIFIED = "falsified", _("Dossier falsified")
    QUALITY = "quality", _("Product no longer meets the quality it was rated for")
    FOOD_SAFETY = "food_safety", _("Food-safety or legal violation")
    STOPPED = "stopped", _("Producer stopped making the product")
    REQUESTED = "requested", _("Producer asked for revocation")
    MISUSE = "misuse", _("Misuse of the OCOP logo or certificate")


class CertificateStatus(models.TextChoices):
    VALID = "valid", _("Valid")
    EXPIRING = "expiring", _("Valid, re-evaluation due")
    EXPIRED = "expired", _("Expired")
    REVOKED = "revoked", _("Revoked")
    REPLACED = "replaced", _("Replaced by a newer recognition")


class CertificateQuerySet(models.QuerySet):
    def current(self, today=None):
        today = today or timezone.localdate()
        return self.filter(
            revoked_on__isnull=True, replaced_by__isnull=True, valid_until__gte=today
        )


class Certificate(models.Model):
    """A recognition (công nhận) of a product at 3★, 4★ or 5★ with its certificate number."""

    dossier = models.OneToOneField(
        "evaluations.Dossier", on_delete=models.PROTECT, related_name="certificate"
    )
    product = models.ForeignKey(
        "products.Product", on_delete=models.PROTECT, related_name="certificates"
    )
    number = models.CharField(_("certificate number"), max_length=40, unique=True)
    product_code = models.CharField(_("OCOP product code"), max_length=40)
    stars = models.PositiveSmallIntegerField(_("stars"))
    average = models.DecimalField(_("score"), max_digits=5, decimal_places=2)
    decision_number = models.CharField(_("decision number"), max_length=50)
    decision_date = models.DateField(_("decision date"))
    valid_until = models.DateField(_("valid until"))
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    issued_at = models.DateTimeField(auto_now_add=True)
    replaced_by = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="replaces"
    )
    revoked_on = models.DateField(_("revoked on"), null=True, blank=True)
    revocation_ground = models.CharField(
        _("ground for revocation"), max_length=20, choices=RevocationGround.choices, blank=True
    )
    revocation_note = models.TextField(_("revocation note"), blank=True)
    reminder_sent_on = models.DateField(null=True, blank=True, editable=False)

    objects = CertificateQuerySet.as_manager()

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-decision_date", "-pk"]
        indexes = [models.Index(fields=["valid_until"], name="certificate_expiry")]

    def __str__(self):
        return self.number

    def get_absolute_url(self):
        return reverse("catalogue:verify", kwargs={"number": self.number})

    @property
    def re_evaluation_opens_on(self) -> datetime.date:
        return self.valid_until - datetime.timedelta(days=RE_EVALUATION_OPENS_DAYS)

    @property
    def re_evaluation_closes_on(self) -> datetime.date:
        return self.valid_until - datetime.timedelta(days=RE_EVALUATION_CLOSES_DAYS)

    def status(self, today=None) -> str:
        today = today or timezone.localdate()
        if self.revoked_on:
            return CertificateStatus.REVOKED
        if self.replaced_by_id:
            return CertificateStatus.REPLACED
        if today > self.valid_until:
            return CertificateStatus.EXPIRED
        if today >= self.re_evaluation_opens_on:
            return CertificateStatus.EXPIRING
        return CertificateStatus.VALID

    def get_status_display(self, today=None):
        return CertificateStatus(self.status(today)).label

    def re_evaluation_window_open(self, today=None) -> bool:
        today = today or timezone.localdate()
        return (
            self.revoked_on is None
            and self.replaced_by_id is None
            and self.re_evaluation_opens_on <= today <= self.re_evaluation_closes_on
        )


class Sequence(models.Model):
    """A named counter (certificate numbers per province-year, product codes per commune-year).

    Its row is locked while a number is taken, so two approvers never get the same number.
    """

    key = models.CharField(max_length=60, unique=True)
    last_value = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.key}={self.last_value}"
