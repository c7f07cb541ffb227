from django.db import models
from django.db.models import OuterRef, Q, Subquery
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class DossierState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    RETURNED = "returned", _("Returned for correction")
    ACCEPTED = "accepted", _("Accepted locally")
    FORWARDED = "forwarded", _("Forwarded to the province")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    IN_SCORING = "in_scoring", _("In council scoring")
    SCORED = "scored", _("Scored, awaiting approval")
    APPROVED = "approved", _("Recognised")
    NOT_RECOGNISED = "not_recognised", _("Not recognised")
    NOMINATED = "nominated", _("Nominated for national 5★")


# Groups of states, used by views, filters and reports.
DossierState.PRODUCER_EDITABLE = frozenset({DossierState.DRAFT, DossierState.RETURNED})
DossierState.LOCAL_REVIEW = frozenset({DossierState.SUBMITTED, DossierState.ACCEPTED})
DossierState.AT_PROVINCE = frozenset(
    {
        DossierState.FORWARDED,
        DossierState.IN_SCORING,
        DossierState.SCORED,
        DossierState.NOMINATED,
    }
)
DossierState.FINISHED = frozenset(
    {
        DossierState.REJECTED,
        DossierState.WITHDRAWN,
        DossierState.APPROVED,
        DossierState.NOT_RECOGNISED,
    }
)
DossierState.ACTIVE = frozenset(set(DossierState) - DossierState.FINISHED)


class DossierKind(models.TextChoices):
    FIRST = "first", _("First evaluation")
    UPGRADE = "upgrade", _("Upgrade")
    RE_EVALUATION = "re_evaluation", _("Re-evaluation of an expiring certificate")


class DossierAction(models.TextChoices):
    """What a dossier event (evaluations.models.DossierEvent) records: a transition
    (evaluations.transitions), its creation or an edit of its content after submission. Here,
    below the audit, because the deadlines read the events by action."""

    CREATE = "create", _("Dossier created")
    SUBMIT = "submit", _("Submitted")
    RESUBMIT = "resubmit", _("Resubmitted after correction")
    WITHDRAW = "withdraw", _("Withdrawn by the producer")
    RETURN = "return", _("Returned for correction")
    ACCEPT = "accept", _("Accepted locally")
    REJECT = "reject", _("Rejected")
    FORWARD = "forward", _("Forwarded to the province")
    ASSIGN = "assign", _("Assigned to a council")
    CLOSE_SCORING = "close_scoring", _("Council scoring closed")
    SEND_BACK = "send_back", _("Sent back to the council")
    APPROVE = "approve", _("Recognised by the province")
    NOTIFY_NOT_RECOGNISED = "notify_not_recognised", _("Not recognised (notice)")
    NOMINATE = "nominate", _("Nominated for national 5★ evaluation")
    RECORD_MINISTRY_RESULT = "record_ministry_result", _("Ministry result recorded")
    EDIT = "edit", _("Dossier content changed")
    # A recognition decided before the portal, entered from the province's records (reports).
    IMPORT = "import", _("Imported from the province's earlier records")


class DossierQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Dossiers `user` may open; the list-side twin of permissions.can_view_dossier."""
        from accounts.jurisdiction import area_q
        from accounts.models import Role

        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.role == Role.PRODUCER:
            return self.filter(product__producer__memberships__user=user)
        # A dossier belongs to its round's province; a local officer's area is the producer's.
        area = area_q(user, "product__producer__commune", province="round__province")
        not_draft = ~Q(state=DossierState.DRAFT)
        if user.role == Role.COUNCIL_MEMBER:
            # The councils the member sits on, as a subquery: a join needed DISTINCT over every
            # column of the rows (their JSON included), the slowest part of a member's list.
            council = self.model._meta.get_field("council").related_model
            seats = council._meta.get_field("members").related_model.objects.filter(user=user)
            return self.filter(area, not_draft, council__in=seats.values("council_id"))
        return self.filter(area & not_draft)

    def for_list(self):
        return self.select_related(
            "round",
            "product",
            "product__producer",
            "product__producer__commune",
            "product__producer__commune__former_district",
        )

    def active(self):
        return self.filter(state__in=DossierState.ACTIVE)

    def with_seat_of(self, user):
        """Each dossier with `user`'s seat on its council (`my_role`), for a council member's
        list of sheets. The councils app sits above this one: its seats are reached through the
        relations, not imported."""
        council = self.model._meta.get_field("council").related_model
        seats = council._meta.get_field("members").related_model
        # A user holds one seat on a council (a unique constraint): no ordering, which for the
        # seats' default would join the councils table again for every row.
        seat = seats.objects.filter(council=OuterRef("council"), user=user).order_by()
        return self.annotate(my_role=Subquery(seat.values("role")[:1]))


class Dossier(models.Model):
    """A dossier (hồ sơ): one product entered in one evaluation round."""

    round = models.ForeignKey(
        "dossiers.Round",
        verbose_name=_("round"),
        on_delete=models.PROTECT,
        related_name="dossiers",
    )
    product = models.ForeignKey(
        "products.Product",
        verbose_name=_("product"),
        on_delete=models.PROTECT,
        related_name="dossiers",
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=DossierKind.choices, default=DossierKind.FIRST
    )
    # Written only by evaluations.transitions.
    state = models.CharField(
        _("state"),
        max_length=20,
        choices=DossierState.choices,
        default=DossierState.DRAFT,
        editable=False,
    )
    previous_certificate = models.ForeignKey(
        "certificates.Certificate",
        verbose_name=_("certificate re-evaluated or upgraded"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="follow_up_dossiers",
    )
    revision = models.PositiveSmallIntegerField(_("revision"), default=0, editable=False)
    submitted_at = models.DateTimeField(_("last submitted"), null=True, blank=True, editable=False)
    # Form 03: the commune's assessment of four content areas (Decision 26/2026, Art. 7.2).
    local_assessment = models.JSONField(_("local assessment"), default=dict, blank=True)
    council = models.ForeignKey(
        "councils.Council",
        verbose_name=_("council"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="dossiers",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = DossierQuerySet.as_manager()

    class Meta:
        db_table = "evaluations_dossier"  # kept from the single evaluations app
        verbose_name = _("dossier")
        verbose_name_plural = _("dossiers")
        ordering = ["-updated_at"]
        constraints = [
            models.UniqueConstraint(fields=["round", "product"], name="dossier_one_per_round"),
        ]
        indexes = [models.Index(fields=["state", "round"], name="dossier_queue")]

    def __str__(self):
        return f"{self.product} — {self.round}"

    def get_absolute_url(self):
        return reverse("evaluations:dossier-detail", kwargs={"pk": self.pk})

    @property
    def criteria_decision(self) -> str:
        return self.round.criteria_decision
