from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class CouncilResult(models.Model):
    """What the scoring module computed when the chair closed scoring, kept for approval.

    The council's decision is pending until a provincial approver releases it (approve, notice,
    nomination) or sends it back to the council.
    """

    dossier = models.OneToOneField(
        "evaluations.Dossier",
        verbose_name=_("dossier"),
        on_delete=models.CASCADE,
        related_name="result",
    )
    average = models.DecimalField(_("average score"), max_digits=5, decimal_places=2)
    stars = models.PositiveSmallIntegerField(_("stars"))
    band_stars = models.PositiveSmallIntegerField(_("stars of the score band"))
    unmet_minima = models.JSONField(_("unmet star minima"), default=list, blank=True)
    member_totals = models.JSONField(_("members' totals"), default=dict)
    excluded_members = models.JSONField(_("excluded for conflict of interest"), default=list)
    spread = models.DecimalField(_("spread"), max_digits=5, decimal_places=2)
    spread_exceeded = models.BooleanField(_("spread over the limit"), default=False)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("closed by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    closed_at = models.DateTimeField(_("closed at"), auto_now_add=True)
    decision_number = models.CharField(_("decision number"), max_length=50, blank=True)
    decision_date = models.DateField(_("decision date"), null=True, blank=True)
    ministry_decision_number = models.CharField(
        _("ministry decision number"), max_length=50, blank=True
    )
    ministry_stars = models.PositiveSmallIntegerField(_("ministry result (stars)"), null=True)

    class Meta:
        verbose_name = _("council result")
        verbose_name_plural = _("council results")
        indexes = [
            models.Index(fields=["stars"], name="result_stars"),
            # The approval screen: newest results first, a page at a time.
            models.Index(fields=["-closed_at", "-id"], name="result_closed"),
        ]

    def __str__(self):
        return f"{self.dossier} — {self.average} ({self.stars}★)"

    @property
    def nominable(self) -> bool:
        """Decision 26/2026 Art. 4: products with 90 points or more go to the ministry for 5★."""
        return self.average >= 90 and self.stars == 5

    @property
    def certifiable(self) -> bool:
        return self.stars >= 3
