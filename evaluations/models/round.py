from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class RoundState(models.TextChoices):
    PLANNED = "planned", _("Planned")
    OPEN = "open", _("Open for dossiers")
    COUNCIL = "council", _("Council evaluation")
    CLOSED = "closed", _("Closed")


class RoundQuerySet(models.QuerySet):
    def accepting(self, today=None):
        """Rounds a producer can submit to today: open, and before the local cut-off."""
        today = today or timezone.localdate()
        return self.filter(state=RoundState.OPEN, opens_on__lte=today, local_cutoff_on__gte=today)

    def in_province(self, province_id):
        return self.filter(province_id=province_id)

    def visible_to(self, user):
        """Rounds `user` may open; the list-side twin of permissions.can_view_round.

        Officials see their province's rounds (a local officer, the province of their
        jurisdiction); a producer sees the rounds of the province its producer is in.
        """
        from accounts.models import PROVINCIAL_ROLES, Role
        from regions.models import Commune

        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.is_national_administrator:
            return self.all()
        if user.role in PROVINCIAL_ROLES:
            return self.filter(province_id=user.province_id)
        if user.role == Role.LOCAL_OFFICER:
            area = user.jurisdiction
            return self.filter(province_id=area.province_id) if area else self.none()
        if user.role == Role.PRODUCER:
            provinces = Commune.objects.filter(producers__memberships__user=user)
            return self.filter(province_id__in=provinces.values("province_id"))
        return self.none()


class Round(models.Model):
    """An evaluation round (đợt đánh giá, phân hạng); a province runs at least two a year."""

    province = models.ForeignKey(
        "regions.Province", verbose_name=_("province"), on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField(_("name"), max_length=200)
    year = models.PositiveSmallIntegerField(_("year"))
    number = models.PositiveSmallIntegerField(_("round number in the year"))
    criteria_decision = models.CharField(_("criteria decision"), max_length=20, default="26/2026")
    opens_on = models.DateField(_("opens on"))
    local_cutoff_on = models.DateField(_("local review cut-off"))
    council_meeting_on = models.DateField(_("council meeting"))
    closes_on = models.DateField(_("closes on"))
    state = models.CharField(
        _("state"), max_length=20, choices=RoundState.choices, default=RoundState.PLANNED
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = RoundQuerySet.as_manager()

    class Meta:
        verbose_name = _("evaluation round")
        verbose_name_plural = _("evaluation rounds")
        ordering = ["-year", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["province", "year", "number"], name="round_unique_number_per_year"
            ),
            models.CheckConstraint(
                condition=models.Q(opens_on__lte=models.F("local_cutoff_on"))
                & models.Q(local_cutoff_on__lte=models.F("council_meeting_on"))
                & models.Q(council_meeting_on__lte=models.F("closes_on")),
                name="round_dates_in_order",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("evaluations:round-detail", kwargs={"pk": self.pk})

    def clean(self):
        names = ["opens_on", "local_cutoff_on", "council_meeting_on", "closes_on"]
        dates = [getattr(self, name) for name in names]
        if not all(dates):
            return
        for name, previous, day in zip(names[1:], dates, dates[1:], strict=False):
            if day < previous:
                # On the field, so the form shows it there and skips the same database check.
                raise ValidationError(
                    {
                        name: _(
                            "Dates must be in order: opening, local cut-off, council meeting, "
                            "closing."
                        )
                    }
                )

    def accepts_dossiers(self, today=None) -> bool:
        today = today or timezone.localdate()
        return self.state == RoundState.OPEN and self.opens_on <= today <= self.local_cutoff_on
