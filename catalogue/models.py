"""Reports from the public of OCOP labels that look suspicious, for the provincial office.

They live in the catalogue because they start on its certificate verification page, and the
catalogue is the public face of the programme; the office's queue is a small page beside it.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ocop_portal.text import NOTE_MAX_LENGTH

from .permissions import can_handle_label_reports

PHOTO_EXTENSIONS = {"image/jpeg": ".jpg", "image/png": ".png", "image/webp": ".webp"}


class WhereSeen(models.TextChoices):
    SHOP = "shop", _("Shop or supermarket")
    MARKET = "market", _("Market or fair")
    WEBSITE = "website", _("Website or social network")
    OTHER = "other", _("Elsewhere")


class LabelReportState(models.TextChoices):
    NEW = "new", _("New")
    CHECKING = "checking", _("Being checked")
    CLOSED = "closed", _("Closed")


def label_report_photo_upload_to(report, filename):
    # The name is generated and the extension comes from the sniffed type, never the upload's.
    extension = PHOTO_EXTENSIONS.get(report.photo_type, "")
    return f"label-reports/{timezone.now():%Y%m}/{uuid.uuid4().hex}{extension}"


class LabelReportQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Reports `user` may handle: their province's; the twin of
        ``permissions.can_handle_label_reports``."""
        if not can_handle_label_reports(user):
            return self.none()
        if user.is_national_administrator:
            return self.all()
        return self.filter(province_id=user.province_id)


class LabelReport(models.Model):
    """A member of the public's report of a suspicious OCOP label (product, where seen, photo)."""

    province = models.ForeignKey(
        "regions.Province",
        verbose_name=_("province"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    certificate = models.ForeignKey(
        "evaluations.Certificate",
        verbose_name=_("certificate"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="label_reports",
    )
    certificate_number = models.CharField(_("certificate number seen"), max_length=40, blank=True)
    product_name = models.CharField(_("product name"), max_length=200)
    where_seen = models.CharField(_("where seen"), max_length=20, choices=WhereSeen.choices)
    place = models.CharField(_("place or web address"), max_length=300)
    details = models.TextField(_("what looks wrong"), max_length=NOTE_MAX_LENGTH, blank=True)
    photo = models.FileField(
        _("photo"), upload_to=label_report_photo_upload_to, blank=True, editable=False
    )
    photo_type = models.CharField(max_length=20, blank=True, editable=False)
    # False while a large photo waits to be re-encoded (services.finish_report_photo): the file
    # is then the upload as sent, with its metadata (a phone's GPS position), and is never shown.
    photo_ready = models.BooleanField(default=True, editable=False)
    contact = models.CharField(_("contact (optional)"), max_length=200, blank=True)
    state = models.CharField(
        _("state"),
        max_length=20,
        choices=LabelReportState.choices,
        default=LabelReportState.NEW,
        editable=False,
    )
    created_at = models.DateTimeField(_("received"), auto_now_add=True)

    objects = LabelReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("suspicious label report")
        verbose_name_plural = _("suspicious label reports")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["province", "state", "-created_at"], name="label_report_queue")
        ]

    def __str__(self):
        return self.product_name


class LabelReportUpdate(models.Model):
    """Each change of a report's state by the office, with its note: the report's history."""

    report = models.ForeignKey(LabelReport, on_delete=models.CASCADE, related_name="updates")
    state = models.CharField(_("state"), max_length=20, choices=LabelReportState.choices)
    note = models.TextField(_("note"), max_length=NOTE_MAX_LENGTH, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.report} — {self.get_state_display()}"
