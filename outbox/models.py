"""Every notice the portal emails, as a row written in the transaction of the decision it tells
about: a rolled-back decision sends nothing. Rows of a bulk decision are held (``PENDING``) until
the provincial office checks and sends them; the others are ``QUEUED`` and sent after the commit
(outbox.sending), retried while the mail server fails, and left ``FAILED`` for the office to see."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class MessageState(models.TextChoices):
    PENDING = "pending", _("Pending")  # held for the office
    QUEUED = "queued", _("Queued")  # to be sent (again) at next_attempt_at
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Not delivered")
    DISCARDED = "discarded", _("Discarded")


class OutboxBatch(models.Model):
    """The notices of one bulk decision (approving a list of results, assigning dossiers to a
    council …), named so the office knows which decision they belong to."""

    label = models.CharField(_("decision"), max_length=300)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("outbox batch")
        verbose_name_plural = _("outbox batches")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.label


class OutboxMessageQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Messages `user` may see: their province's; the list-side twin of
        ``permissions.can_view_outbox``. A notice about no dossier is seen nationwide only."""
        from .permissions import can_view_outbox

        if not can_view_outbox(user):
            return self.none()
        if user.is_national_administrator:
            return self.all()
        return self.filter(dossier__round__province_id=user.province_id)

    def pending(self):
        return self.filter(state=MessageState.PENDING)

    def undelivered(self):
        """Notices the mail server refused or has not taken yet after a first try."""
        return self.filter(
            models.Q(state=MessageState.FAILED)
            | models.Q(state=MessageState.QUEUED, attempts__gt=0)
        )


class OutboxMessage(models.Model):
    """One email to one person, as it was written at the time of the decision."""

    # Set for the notices of a bulk decision, which wait for the office (PENDING).
    batch = models.ForeignKey(
        OutboxBatch,
        verbose_name=_("batch"),
        on_delete=models.CASCADE,
        related_name="messages",
        null=True,
        blank=True,
    )
    # The dossier the notice is about (a certificate's: its origin dossier): the province's
    # office sees it.
    dossier = models.ForeignKey(
        "evaluations.Dossier",
        verbose_name=_("dossier"),
        on_delete=models.CASCADE,
        related_name="outbox_messages",
        null=True,
        blank=True,
    )
    event = models.ForeignKey(
        "evaluations.DossierEvent",
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="outbox_messages",
        null=True,
        blank=True,
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    # The address at the time of the decision: the one the notice was written for.
    to_email = models.EmailField(_("email address"))
    subject = models.CharField(_("subject"), max_length=300)
    body = models.TextField(_("body"))
    state = models.CharField(
        _("state"), max_length=20, choices=MessageState.choices, default=MessageState.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sent or discarded by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("sent or discarded at"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    last_error = models.CharField(_("last error"), max_length=500, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    objects = OutboxMessageQuerySet.as_manager()

    class Meta:
        verbose_name = _("outbox message")
        verbose_name_plural = _("outbox messages")
        ordering = ["batch", "pk"]
        indexes = [
            models.Index(fields=["state", "batch"], name="outbox_pending_by_batch"),
            models.Index(fields=["state", "next_attempt_at"], name="outbox_due"),
        ]
        constraints = [
            # A held notice leaves the outbox only by someone's recorded decision.
            models.CheckConstraint(
                condition=models.Q(batch__isnull=True)
                | models.Q(state="pending")
                | models.Q(decided_by__isnull=False, decided_at__isnull=False),
                name="outbox_decision_audited",
            )
        ]

    def __str__(self):
        return f"{self.to_email}: {self.subject}"
