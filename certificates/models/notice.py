from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Notice(models.Model):
    """The written result notice (thông báo kết quả) for a product rated below 3★.

    Decision 26/2026 Art. 4.1.a, 7.3.g: below 3★ there is no recognition decision and no
    certificate; the province notifies the producer in writing instead. ``stars`` is 1 or 2, or
    0 when a knock-out or stop rule ended the evaluation without a rating.
    """

    dossier = models.OneToOneField(
        "dossiers.Dossier",
        verbose_name=_("dossier"),
        on_delete=models.PROTECT,
        related_name="notice",
    )
    product = models.ForeignKey(
        "products.Product",
        verbose_name=_("product"),
        on_delete=models.PROTECT,
        related_name="notices",
    )
    stars = models.PositiveSmallIntegerField(_("stars"))
    average = models.DecimalField(_("score"), max_digits=5, decimal_places=2)
    decision_number = models.CharField(_("notice number"), max_length=50)
    decision_date = models.DateField(_("notice date"))
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("issued by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    issued_at = models.DateTimeField(_("issued at"), auto_now_add=True)

    class Meta:
        db_table = "evaluations_notice"  # kept from the single evaluations app
        verbose_name = _("result notice")
        verbose_name_plural = _("result notices")
        ordering = ["-decision_date", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(stars__lte=2), name="notice_stars_below_3"),
        ]

    def __str__(self):
        return self.decision_number


class Sequence(models.Model):
    """A named counter (certificate numbers per province-year, product codes per commune-year).

    Its row is locked while a number is taken, so two approvers never get the same number.
    """

    key = models.CharField(max_length=60, unique=True)
    last_value = models.PositiveIntegerField(default=0)

    class Meta:
        db_table = "evaluations_sequence"  # kept from the single evaluations app

    def __str__(self):
        return f"{self.key}={self.last_value}"
