from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ocop_portal.text import NOTE_MAX_LENGTH


class DossierRevision(models.Model):
    """What the producer submitted at one submission (lần nộp): the content the reviewers judge.

    Written only by the submit and resubmit transitions, in their locked transaction, so that the
    officer and the council can see what changed between two submissions.
    """

    dossier = models.ForeignKey(
        "dossiers.Dossier", on_delete=models.CASCADE, related_name="revisions"
    )
    number = models.PositiveSmallIntegerField(_("revision"))
    submitted_at = models.DateTimeField(_("submitted"))
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    # dossiers.revisions.snapshot(); empty for a revision submitted before revisions were
    # kept, whose content is not known.
    snapshot = models.JSONField(default=dict, blank=True)
    # Giấy tiếp nhận hồ sơ (issue 18): the code the producer quotes, and the key of the public
    # look-up page; unguessable, so knowing it is what lets one look the submission up.
    tracking_code = models.CharField(
        _("tracking code"), max_length=20, unique=True, null=True, blank=True, editable=False
    )

    class Meta:
        db_table = "evaluations_dossierrevision"  # kept from the single evaluations app
        verbose_name = _("dossier revision")
        verbose_name_plural = _("dossier revisions")
        ordering = ["dossier", "number"]
        constraints = [
            models.UniqueConstraint(fields=["dossier", "number"], name="revision_one_per_number")
        ]

    def __str__(self):
        return f"{self.dossier_id} #{self.number}"

    def get_receipt_url(self):
        from django.urls import reverse

        return reverse("evaluations:receipt", kwargs={"code": self.tracking_code})

    @property
    def has_snapshot(self) -> bool:
        return bool(self.snapshot)


class CorrectionKind(models.TextChoices):
    CHECKLIST = "checklist", _("Dossier item")
    CRITERION = "criterion", _("Criterion")


class CorrectionItem(models.Model):
    """One item of a request for correction (Art. 7.2): what the officer found deficient, their
    note, and the producer's answer to it."""

    dossier = models.ForeignKey(
        "dossiers.Dossier", on_delete=models.CASCADE, related_name="correction_items"
    )
    # The revision the officer returned: the answers come with revision + 1.
    revision = models.PositiveSmallIntegerField(_("revision returned"))
    kind = models.CharField(_("kind"), max_length=20, choices=CorrectionKind.choices)
    # A key of services.return_item_choices, or a criterion code of the dossier's criteria set.
    key = models.CharField(max_length=40)
    label = models.CharField(_("item"), max_length=300)
    note = models.TextField(_("what to correct"), max_length=NOTE_MAX_LENGTH)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    answer = models.TextField(_("answer"), max_length=NOTE_MAX_LENGTH, blank=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        db_table = "evaluations_correctionitem"  # kept from the single evaluations app
        verbose_name = _("correction item")
        verbose_name_plural = _("correction items")
        ordering = ["dossier", "revision", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["dossier", "revision", "kind", "key"], name="correction_item_once"
            )
        ]

    def __str__(self):
        return f"{self.label}: {self.note}"

    @property
    def is_answered(self) -> bool:
        return bool(self.answer.strip())
