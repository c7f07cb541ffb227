from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ocop_portal.row_changes import AnnouncedQuerySet
from ocop_portal.text import NOTE_MAX_LENGTH

from ..areas import COMMUNE, FORMER_DISTRICT, PROVINCE, Area


class Metric(models.TextChoices):
    """What a yearly plan (kế hoạch) sets a target (chỉ tiêu) for."""

    NEW_3_STAR_PLUS = "new_3_star_plus", _("New products rated 3★ or more")
    NEW_4_STAR_PLUS = "new_4_star_plus", _("New products rated 4★ or more")
    UPGRADES = "upgrades", _("Upgrades")
    RE_EVALUATIONS = "re_evaluations", _("Re-evaluations")
    PRODUCERS_TAKING_PART = "producers_taking_part", _("Producers taking part")


class PlanTargetQuerySet(AnnouncedQuerySet):
    def in_province(self, province_id: int):
        return self.filter(
            Q(province_id=province_id)
            | Q(former_district__province_id=province_id)
            | Q(commune__province_id=province_id)
        )

    def for_area(self, area: Area):
        return self.filter(**area.target_fields())

    def set(self):
        """Targets in force: a cleared target keeps its row (and history) with no value."""
        return self.filter(value__isnull=False)


class PlanTarget(models.Model):
    """The current target of one metric for one area and year; its changes are TargetRevisions.

    Exactly one of ``province``, ``former_district`` and ``commune`` names the area. A target that
    is withdrawn keeps its row with ``value`` empty, so its history stays attached.
    """

    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(2018), MaxValueValidator(2100)]
    )
    province = models.ForeignKey(
        "regions.Province",
        verbose_name=_("province"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    former_district = models.ForeignKey(
        "regions.FormerDistrict",
        verbose_name=_("former district"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    commune = models.ForeignKey(
        "regions.Commune",
        verbose_name=_("commune"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    metric = models.CharField(_("indicator"), max_length=30, choices=Metric.choices)
    value = models.PositiveIntegerField(_("target"), null=True, blank=True)
    updated_at = models.DateTimeField(_("last changed"), default=timezone.now)

    objects = PlanTargetQuerySet.as_manager()

    class Meta:
        verbose_name = _("plan target")
        verbose_name_plural = _("plan targets")
        ordering = ["year", "metric"]
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    province__isnull=False, former_district__isnull=True, commune__isnull=True
                )
                | Q(province__isnull=True, former_district__isnull=False, commune__isnull=True)
                | Q(province__isnull=True, former_district__isnull=True, commune__isnull=False),
                name="plan_target_one_area",
            ),
            models.UniqueConstraint(
                fields=["year", "metric", "province"],
                condition=Q(province__isnull=False),
                name="plan_target_unique_province",
            ),
            models.UniqueConstraint(
                fields=["year", "metric", "former_district"],
                condition=Q(former_district__isnull=False),
                name="plan_target_unique_district",
            ),
            models.UniqueConstraint(
                fields=["year", "metric", "commune"],
                condition=Q(commune__isnull=False),
                name="plan_target_unique_commune",
            ),
        ]

    def __str__(self):
        return f"{self.year} {self.get_metric_display()}: {self.value}"

    @property
    def area_kind(self) -> str:
        if self.province_id:
            return PROVINCE
        return FORMER_DISTRICT if self.former_district_id else COMMUNE

    @property
    def area_pk(self) -> int:
        return self.province_id or self.former_district_id or self.commune_id

    @property
    def area_name(self) -> str:
        """The area's name (select_related its three foreign keys in lists)."""
        if self.province_id:
            return self.province.full_name
        return (self.former_district or self.commune).name


class TargetRevision(models.Model):
    """One change of a target: who set which value, when and why (append-only)."""

    target = models.ForeignKey(PlanTarget, on_delete=models.CASCADE, related_name="revisions")
    previous_value = models.PositiveIntegerField(_("previous target"), null=True, blank=True)
    value = models.PositiveIntegerField(_("new target"), null=True, blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    changed_at = models.DateTimeField(_("changed at"), default=timezone.now)
    reason = models.TextField(_("reason for the change"), max_length=NOTE_MAX_LENGTH)

    class Meta:
        verbose_name = _("target revision")
        verbose_name_plural = _("target revisions")
        ordering = ["-changed_at", "-pk"]
        # Serves the history page: one area-year's revisions, newest first.
        indexes = [models.Index(fields=["target", "-changed_at"], name="target_revision_history")]

    def __str__(self):
        return f"{self.target}: {self.previous_value} → {self.value}"
