from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from dossiers.models import DossierAction
from ocop_portal.text import NOTE_MAX_LENGTH


class DossierEventQuerySet(models.QuerySet):
    def for_timeline(self):
        return self.select_related("actor").order_by("created_at", "pk")

    def delete(self):
        raise ValueError("Dossier events are append-only.")

    def update(self, **kwargs):
        raise ValueError("Dossier events are append-only.")


class DossierEvent(models.Model):
    """One row per transition or change of a submitted dossier. Append-only: never updated.

    It is the dossier's history and the source for time-in-step and deadline reports.
    """

    dossier = models.ForeignKey("dossiers.Dossier", on_delete=models.CASCADE, related_name="events")
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
    comment = models.TextField(_("comment"), max_length=NOTE_MAX_LENGTH, blank=True)
    data = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(_("at"), auto_now_add=True)

    objects = DossierEventQuerySet.as_manager()

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

    def delete(self, *args, **kwargs):
        raise ValueError("Dossier events are append-only.")

    @property
    def action_label(self) -> str:
        try:
            return DossierAction(self.action).label
        except ValueError:
            return self.action

    @property
    def is_transition(self) -> bool:
        return self.from_state != self.to_state

    @property
    def from_label(self) -> str:
        return _state_label(self.from_state)

    @property
    def to_label(self) -> str:
        return _state_label(self.to_state)


def _state_label(state: str) -> str:
    from dossiers.models.dossier import DossierState

    try:
        return DossierState(state).label
    except ValueError:
        return state
