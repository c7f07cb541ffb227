from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ocop_portal.text import LONG_TEXT_MAX_LENGTH


class SessionState(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class CouncilSession(models.Model):
    """A sitting of the council (phiên họp hội đồng): who attended, the order of the products,
    and what was discussed; the minutes (biên bản) are written from it."""

    council = models.ForeignKey(
        "councils.Council",
        verbose_name=_("council"),
        on_delete=models.CASCADE,
        related_name="sessions",
    )
    held_on = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=200)
    state = models.CharField(
        _("state"), max_length=10, choices=SessionState.choices, default=SessionState.OPEN
    )
    attendees = models.ManyToManyField(
        "councils.CouncilMember",
        verbose_name=_("members present"),
        related_name="sessions_attended",
        blank=True,
    )
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)

    class Meta:
        db_table = "evaluations_councilsession"  # kept from the single evaluations app
        verbose_name = _("council session")
        verbose_name_plural = _("council sessions")
        ordering = ["-held_on", "-pk"]
        constraints = [
            # One sitting at a time: the quorum and the order of products belong to it.
            models.UniqueConstraint(
                fields=["council"], condition=models.Q(state="open"), name="session_one_open"
            )
        ]

    def __str__(self):
        return f"{self.council} — {self.held_on:%d/%m/%Y}"

    def get_absolute_url(self):
        return reverse("evaluations:session-detail", kwargs={"pk": self.pk})

    @property
    def is_open(self) -> bool:
        return self.state == SessionState.OPEN


class SessionItem(models.Model):
    """A product on the session's agenda, in its place, with the chair's note of the discussion
    when the members' totals spread beyond the council's limit."""

    session = models.ForeignKey(CouncilSession, on_delete=models.CASCADE, related_name="items")
    dossier = models.ForeignKey(
        "dossiers.Dossier", on_delete=models.CASCADE, related_name="session_items"
    )
    position = models.PositiveSmallIntegerField(_("order"))
    discussion_note = models.TextField(
        _("discussion note"), max_length=LONG_TEXT_MAX_LENGTH, blank=True
    )
    discussed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        db_table = "evaluations_sessionitem"  # kept from the single evaluations app
        verbose_name = _("product on the agenda")
        verbose_name_plural = _("products on the agenda")
        ordering = ["session", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["session", "dossier"], name="session_item_once")
        ]

    def __str__(self):
        return f"{self.position}. {self.dossier_id}"


class WrittenSheetAdmission(models.Model):
    """The secretary's record that an absent scoring member's written sheet counts in a session.

    Decision 26/2026 has no national rule for sessions: the council decides in session with its
    members present (provincial council regulations, e.g. Tây Ninh: 3/4 of members with the
    chair), and only a re-evaluation is decided on written opinions (Art. 7.6). A province whose
    regulation lets an absent member send a written sheet records it here, per member and with
    the regulation's article as its basis; without such a record an absent member's sheet is
    kept but never counted (issue 18).
    """

    session = models.ForeignKey(
        CouncilSession, on_delete=models.CASCADE, related_name="written_admissions"
    )
    member = models.ForeignKey(
        "councils.CouncilMember",
        verbose_name=_("member"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    basis = models.TextField(_("basis"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "evaluations_writtensheetadmission"  # kept from the single evaluations app
        verbose_name = _("admitted written sheet")
        verbose_name_plural = _("admitted written sheets")
        constraints = [
            models.UniqueConstraint(fields=["session", "member"], name="written_admission_once"),
            models.CheckConstraint(condition=~models.Q(basis=""), name="written_admission_basis"),
        ]

    def __str__(self):
        return f"{self.session_id}: {self.member_id}"
