"""Corrections of certified content (issue 18): while a certificate is current, what it states
cannot be edited by the producer; a correction is asked for and the provincial office decides.

An approved correction changes the live product and producer rows and re-issues every current
certificate whose certified copy it changes, as a new version; the old version is kept, marked
replaced. A refused one changes nothing.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class CorrectionState(models.TextChoices):
    PENDING = "pending", _("Waiting for the provincial office")
    APPROVED = "approved", _("Approved, certificate re-issued")
    REFUSED = "refused", _("Refused")


class CorrectionRequest(models.Model):
    certificate = models.ForeignKey(
        "certificates.Certificate",
        verbose_name=_("certificate"),
        on_delete=models.PROTECT,
        related_name="correction_requests",
    )
    # {"product_name": "…", "producer_name": "…", "producer_kind": "…", "address_line": "…",
    #  "commune": 12139}: only the values that differ from the live rows when it was filed.
    changes = models.JSONField(_("changes asked for"), default=dict)
    reason = models.TextField(_("reason"))
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField(auto_now_add=True)
    state = models.CharField(
        _("state"), max_length=10, choices=CorrectionState.choices, default=CorrectionState.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(_("decision note"), blank=True)
    reissued = models.ForeignKey(
        "certificates.Certificate",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        db_table = "evaluations_correctionrequest"  # kept from the single evaluations app
        verbose_name = _("certificate correction request")
        verbose_name_plural = _("certificate correction requests")
        ordering = ["-requested_at", "-pk"]
        constraints = [
            # One open request per certificate: the office decides one at a time.
            models.UniqueConstraint(
                fields=["certificate"],
                condition=Q(state="pending"),
                name="correction_one_pending",
            ),
            models.CheckConstraint(
                condition=Q(state="pending") | Q(decided_at__isnull=False),
                name="correction_decided_has_date",
            ),
        ]

    def __str__(self):
        return f"{self.certificate_id} — {self.get_state_display()}"
