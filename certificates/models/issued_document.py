from django.db import models
from django.utils.translation import gettext_lazy as _


class IssuedDocument(models.Model):
    """An official PDF as issued (issue 18): rendered once, stored through the storage backend,
    its SHA-256 recorded, signed with the province's certificate when one is configured. Every
    later download is these bytes; the verification page shows the fingerprint.

    ``key`` names what it is the document of: ``certificate:<id>``, ``notice:<id>``,
    ``minutes:<session id>``, ``proposal:<session id>``, ``decision:<batch key>``.
    """

    key = models.CharField(max_length=80, unique=True)
    file = models.FileField(upload_to="issued/")
    sha256 = models.CharField(_("SHA-256 fingerprint"), max_length=64)
    size = models.PositiveIntegerField()
    signed = models.BooleanField(_("digitally signed"), default=False)
    signer = models.CharField(_("signed by"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "evaluations_issueddocument"  # kept from the single evaluations app
        verbose_name = _("issued document")
        verbose_name_plural = _("issued documents")

    def __str__(self):
        return self.key

    @property
    def fingerprint_groups(self) -> str:
        """The fingerprint in groups of eight, easier to compare with a printed copy."""
        return " ".join(self.sha256[i : i + 8] for i in range(0, 64, 8))
