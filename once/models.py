"""One-time tokens of create forms: a repeated POST (Back, then submit again; a double click; a
reload) answers with what the first one created instead of creating it twice."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SubmissionToken(models.Model):
    # Unique: of two requests with one token at the same moment, the second one's insert waits
    # for the first to commit and then fails, which rolls back whatever it created.
    token = models.UUIDField(_("token"), unique=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("user")
    )
    url = models.CharField(_("address of what was created"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("one-time form token")
        verbose_name_plural = _("one-time form tokens")

    def __str__(self):
        return str(self.token)
