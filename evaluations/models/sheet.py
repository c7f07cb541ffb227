from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ScoreSheet(models.Model):
    """One council member's independent score sheet (phiếu đánh giá) for one dossier.

    Private to its member until submitted; a declared conflict of interest excludes it.
    """

    dossier = models.ForeignKey(
        "evaluations.Dossier", on_delete=models.CASCADE, related_name="score_sheets"
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="score_sheets"
    )
    points_by_code = models.JSONField(_("points"), default=dict, blank=True)
    conflict_of_interest = models.BooleanField(_("conflict of interest declared"), default=False)
    conflict_note = models.TextField(_("conflict of interest: explanation"), blank=True)
    dossier_revision = models.PositiveSmallIntegerField(_("dossier revision scored"), default=0)
    total = models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("score sheet")
        verbose_name_plural = _("score sheets")
        constraints = [
            models.UniqueConstraint(fields=["dossier", "member"], name="sheet_one_per_member")
        ]

    def __str__(self):
        return f"{self.member} — {self.dossier_id}"

    @property
    def is_submitted(self) -> bool:
        return self.submitted_at is not None

    @property
    def counts(self) -> bool:
        """Whether this sheet enters the council's average."""
        return self.is_submitted and not self.conflict_of_interest
