from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ocop_portal.text import NOTE_MAX_LENGTH


class ScoreSheetQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Sheets `user` may read; the list-side twin of permissions.can_view_sheet.

        A member always sees their own sheet. Others see a sheet only once it is submitted (or a
        conflict is declared): the council's chair and secretary, and the province's officials.
        """
        from accounts.models import Role
        from councils.models.council import CouncilRole
        from dossiers.models.dossier import Dossier

        if not user.is_authenticated or not user.is_active:
            return self.none()
        released = Q(submitted_at__isnull=False) | Q(conflict_of_interest=True)
        if user.role == Role.COUNCIL_MEMBER:
            overseen = Q(
                dossier__council__members__user=user,
                dossier__council__members__role__in=[CouncilRole.CHAIR, CouncilRole.SECRETARY],
            )
            others = Q(pk__in=self.model.objects.filter(released & overseen).values("pk"))
        elif user.role in {Role.PROVINCIAL_OFFICE, Role.APPROVER, Role.ADMINISTRATOR}:
            others = released
        else:
            return self.none()
        return self.filter(Q(member=user) | others, dossier__in=Dossier.objects.visible_to(user))


class ScoreSheet(models.Model):
    """One council member's independent score sheet (phiếu đánh giá) for one dossier.

    Private to its member until submitted; a declared conflict of interest excludes it.
    """

    dossier = models.ForeignKey(
        "dossiers.Dossier", on_delete=models.CASCADE, related_name="score_sheets"
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="score_sheets"
    )
    points_by_code = models.JSONField(_("points"), default=dict, blank=True)
    conflict_of_interest = models.BooleanField(_("conflict of interest declared"), default=False)
    conflict_note = models.TextField(
        _("conflict of interest: explanation"), max_length=NOTE_MAX_LENGTH, blank=True
    )
    # The member's declaration for this product, "conflict" or "no conflict": when it was made.
    # None means not declared yet; a flagged member must declare before scoring.
    conflict_declared_at = models.DateTimeField(_("conflict of interest declared on"), null=True)
    # Which option (index in the sheet) was ticked, by criterion code: a few criteria offer two
    # options with the same points (alternative cases), and the sheet must show the one chosen.
    options_by_code = models.JSONField(default=dict, blank=True)
    # The criteria whose finding note the member records (Appendix II: "Bị loại nếu sử dụng toàn
    # bộ nguyên liệu nhập khẩu …", unacceptable impurities …), by code; scoring applies them.
    findings = models.JSONField(_("findings"), default=list, blank=True)
    dossier_revision = models.PositiveSmallIntegerField(_("dossier revision scored"), default=0)
    total = models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ScoreSheetQuerySet.as_manager()

    class Meta:
        db_table = "evaluations_scoresheet"  # kept from the single evaluations app
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

    @staticmethod
    def declaration_made(conflict_declared_at, conflict_of_interest: bool) -> bool:
        """Whether the member has declared, conflict or none (a recorded conflict is a
        declaration too); from the two columns, for lists that read them as plain values."""
        return conflict_declared_at is not None or conflict_of_interest

    @property
    def has_declared(self) -> bool:
        return self.declaration_made(self.conflict_declared_at, self.conflict_of_interest)

    @property
    def counts(self) -> bool:
        """Whether this sheet enters the council's average."""
        return self.is_submitted and not self.conflict_of_interest
