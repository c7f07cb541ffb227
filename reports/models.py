"""Imports of certificates recognised before the portal existed.

A province keeps its earlier recognitions in spreadsheets. An ``ImportBatch`` is one uploaded
file: kept here (its bytes, its SHA-256) between the preview and the commit, so the file is
never uploaded twice, and a file already committed is recognised by its hash and changes nothing.
``ImportedCertificate`` marks which certificates came from which row of which file; the
certificate itself lives in ``evaluations`` like every other one.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportBatch(models.Model):
    province = models.ForeignKey(
        "regions.Province", verbose_name=_("province"), on_delete=models.PROTECT, related_name="+"
    )
    file_name = models.CharField(_("file name"), max_length=255)
    file_sha256 = models.CharField(_("SHA-256 of the file"), max_length=64, unique=True)
    content = models.BinaryField(_("file content"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    committed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("imported by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    committed_at = models.DateTimeField(_("imported at"), null=True, blank=True)
    row_count = models.PositiveIntegerField(_("rows"), default=0)
    created_count = models.PositiveIntegerField(_("certificates created"), default=0)
    unchanged_count = models.PositiveIntegerField(_("rows unchanged"), default=0)

    class Meta:
        verbose_name = _("certificate import")
        verbose_name_plural = _("certificate imports")
        ordering = ["-uploaded_at", "-pk"]

    def __str__(self):
        return self.file_name

    @property
    def is_committed(self) -> bool:
        return self.committed_at is not None


class ImportedCertificate(models.Model):
    """A certificate created by an import: which file and which spreadsheet row it came from."""

    batch = models.ForeignKey(ImportBatch, on_delete=models.PROTECT, related_name="certificates")
    certificate = models.OneToOneField(
        "certificates.Certificate", on_delete=models.PROTECT, related_name="import_record"
    )
    row = models.PositiveIntegerField(_("spreadsheet row"))

    class Meta:
        verbose_name = _("imported certificate")
        verbose_name_plural = _("imported certificates")
        ordering = ["batch", "row"]

    def __str__(self):
        return f"{self.batch} #{self.row}"
