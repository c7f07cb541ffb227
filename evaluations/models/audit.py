from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class DossierEvent(models.Model):
    """One row per transition or change of a submitted dossier. Append-only: never updated.

    It is the dossier's history and the source for time-in-step and deadline reports.
    """

    dossier = models.ForeignKey(
        "evaluations.Dossier", on_delete=models.CASCADE, related_name="events"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
    )
    action = models.CharField(_("action"), max_length=30)
    from_state = models.CharField(_("from"), max_length=20, blank=True)
    to_state = models.CharField(_("to"), max_length=20, blank=True)
    comment = models.TextField(_("comment"), blank=True)
    data = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        verbose_name = _("dossier event")
        verbose_name_plural = _("dossier events")
        ordering = ["created_at", "pk"]
        indexes = [
            # The dossier timeline.
            models.Index(fields=["dossier", "created_at"], name="event_dossier_timeline"),
            # Deadline and time-in-step reports: "all forwards last month".
            models.Index(fields=["action", "created_at"], name="event_action_report"),
        ]

    def __str__(self):
        return f"{self.action}: {self.from_state} → {self.to_state}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("Dossier events are append-only.")
        super().save(*args, **kwargs)
