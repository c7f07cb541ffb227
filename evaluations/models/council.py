from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class CouncilQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Councils whose progress `user` may follow; the twin of permissions.can_oversee_council.

        The province's officials see its councils; of the council's own people only the chair and
        the secretary do, since the progress view shows the members' submitted totals.
        """
        from accounts.models import Role

        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.role == Role.ADMINISTRATOR and not user.province_id:
            return self.all()
        if user.role in {Role.PROVINCIAL_OFFICE, Role.APPROVER, Role.ADMINISTRATOR}:
            return self.filter(round__province_id=user.province_id)
        if user.role == Role.COUNCIL_MEMBER:
            seats = CouncilMember.objects.filter(
                user=user, role__in=[CouncilRole.CHAIR, CouncilRole.SECRETARY]
            )
            return self.filter(
                round__province_id=user.province_id, pk__in=seats.values("council_id")
            )
        return self.none()

    def for_list(self):
        return self.select_related("round").annotate(
            member_count=models.Count("members", distinct=True),
            dossier_count=models.Count("dossiers", distinct=True),
        )


class Council(models.Model):
    """A provincial evaluation council (Hội đồng đánh giá, phân hạng) for one round."""

    round = models.ForeignKey(
        "evaluations.Round",
        verbose_name=_("round"),
        on_delete=models.PROTECT,
        related_name="councils",
    )
    name = models.CharField(_("name"), max_length=200)
    # Several provinces' rules ask the council to discuss products whose member totals differ by
    # more than 10 points; the limit is the province's to set.
    spread_limit = models.DecimalField(
        _("spread limit (points)"), max_digits=5, decimal_places=2, default=Decimal(10)
    )
    quorum_share = models.DecimalField(
        _("quorum (share of members)"),
        max_digits=3,
        decimal_places=2,
        default=Decimal("0.67"),
        validators=[MinValueValidator(Decimal("0.5")), MaxValueValidator(Decimal(1))],
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = CouncilQuerySet.as_manager()

    class Meta:
        verbose_name = _("council")
        verbose_name_plural = _("councils")
        ordering = ["-created_at"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("evaluations:council-detail", kwargs={"pk": self.pk})


class CouncilRole(models.TextChoices):
    CHAIR = "chair", _("Chair")
    SECRETARY = "secretary", _("Secretary")
    MEMBER = "member", _("Member")
    ADVISER = "adviser", _("Advisory team member")


CouncilRole.SCORING = frozenset({CouncilRole.CHAIR, CouncilRole.SECRETARY, CouncilRole.MEMBER})


class CouncilMember(models.Model):
    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="council_seats",
    )
    role = models.CharField(_("role"), max_length=20, choices=CouncilRole.choices)

    class Meta:
        verbose_name = _("council member")
        verbose_name_plural = _("council members")
        ordering = ["council", "role", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["council", "user"], name="council_member_once"),
            models.UniqueConstraint(
                fields=["council"], condition=models.Q(role="chair"), name="council_one_chair"
            ),
        ]

    def __str__(self):
        return f"{self.user} ({self.get_role_display()})"

    @property
    def scores(self) -> bool:
        return self.role in CouncilRole.SCORING
