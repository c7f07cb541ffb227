from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ConsentRecord(models.Model):
    """A person's consent to one version of the purpose text (Decree 13/2023, Art. 11: consent
    must be provable). A new version of the text asks again; old records are kept."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="consent_records"
    )
    version = models.CharField(_("version"), max_length=20)
    text_sha256 = models.CharField(_("text fingerprint (SHA-256)"), max_length=64)
    language = models.CharField(_("language"), max_length=10)
    given_at = models.DateTimeField(_("given at"), default=timezone.now)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)

    class Meta:
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")
        ordering = ["-given_at"]
        indexes = [models.Index(fields=["user", "version"])]

    def __str__(self):
        return f"{self.user_id} · {self.version}"


class PersonalDataAccess(models.Model):
    """One view of a producer's sensitive personal data: who, when, whose, where."""

    viewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("viewed by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    viewer_label = models.CharField(_("viewer (as then)"), max_length=300)
    producer = models.ForeignKey(
        "producers.Producer",
        verbose_name=_("whose (producer)"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    producer_label = models.CharField(_("producer (as then)"), max_length=200)
    fields = models.CharField(_("fields"), max_length=200)
    place = models.CharField(_("where"), max_length=100)
    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("view of sensitive personal data")
        verbose_name_plural = _("views of sensitive personal data")
        ordering = ["-at"]

    def __str__(self):
        return f"{self.viewer_label} → {self.producer_label}"


class DeletionState(models.TextChoices):
    PENDING = "pending", _("Waiting for the provincial office")
    ERASED = "erased", _("Erased")
    ANONYMISED = "anonymised", _("Anonymised (records kept without the person's details)")


class DeletionRequest(models.Model):
    """A person's request to delete their data, executed by the provincial office."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="deletion_requests",
    )
    # Kept so the request stays understandable after the account is erased or anonymised.
    requested_by_label = models.CharField(_("requested by"), max_length=300)
    province = models.ForeignKey(
        "regions.Province", on_delete=models.PROTECT, related_name="+", null=True
    )
    reason = models.TextField(_("reason (optional)"), max_length=2000, blank=True)
    requested_at = models.DateTimeField(_("requested at"), default=timezone.now)
    state = models.CharField(
        _("state"), max_length=20, choices=DeletionState.choices, default=DeletionState.PENDING
    )
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    handled_at = models.DateTimeField(_("handled at"), null=True, blank=True)
    outcome = models.TextField(_("what was done"), blank=True)

    class Meta:
        verbose_name = _("deletion request")
        verbose_name_plural = _("deletion requests")
        ordering = ["-requested_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user"],
                condition=models.Q(state="pending"),
                name="one_pending_deletion_request_per_user",
            )
        ]

    def __str__(self):
        return self.requested_by_label
