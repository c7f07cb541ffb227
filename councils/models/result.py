from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from councils.approval_route import NOMINATE, approval_route
from criteria import scoring
from criteria.scoring import NATIONAL_THRESHOLD


class CouncilResult(models.Model):
    """What the scoring module computed when the chair closed scoring, kept for approval.

    The council's decision is pending until a provincial approver releases it (approve, notice,
    nomination) or sends it back to the council.
    """

    dossier = models.OneToOneField(
        "dossiers.Dossier",
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
    # Issue 18: scoring members recorded absent from the session whose sheets were not counted
    # ([{"name": …, "total": … or None}]), listed apart in the minutes.
    absent_members = models.JSONField(_("absent, not counted"), default=list, blank=True)
    # Absent members whose written sheets the secretary admitted, with the basis recorded.
    admitted_members = models.JSONField(
        _("absent, written sheet admitted"), default=list, blank=True
    )
    spread = models.DecimalField(_("spread"), max_digits=5, decimal_places=2)
    spread_exceeded = models.BooleanField(_("spread over the limit"), default=False)
    # The stop and knock-out notes of the sheets that ended the evaluation (stars are then 0):
    # [{"criterion", "kind", "text", "gloss", "members": [names]}], in sheet order.
    stopped_by = models.JSONField(_("stopped by the notes"), default=list, blank=True)
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
        db_table = "evaluations_councilresult"  # kept from the single evaluations app
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
        """Decision 26/2026 Art. 7.3.e: products "đạt từ 90 điểm trở lên" go to the ministry's
        central council, whether or not every 5★ minimum is met (the text asks only for the
        points). A stopped or knocked-out product (0 stars) is not evaluated further."""
        return approval_route(self) == NOMINATE

    @property
    def missing_five_star_minima(self) -> list[str]:
        """The criteria below their 5★ minimum, for the central council; only of a result of 90
        points or more (below 90, ``unmet_minima`` are the minima of the lower band)."""
        return list(self.unmet_minima) if self.average >= NATIONAL_THRESHOLD else []

    def missing_five_star_minima_described(self) -> list[str]:
        """ "code title" of each missing 5★ minimum, from the product's criteria set."""
        if not self.missing_five_star_minima:
            return []
        product = self.dossier.product
        criteria_set = scoring.load_criteria_set(product.criteria_decision, product.criteria_set)
        described = []
        for code in self.missing_five_star_minima:
            try:
                described.append(f"{code} {criteria_set.criterion(code).title}")
            except scoring.ScoringError:
                described.append(code)
        return described

    @property
    def certifiable(self) -> bool:
        return self.stars >= 3
