from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ocop_portal.text import NOTE_MAX_LENGTH

from ..areas import jurisdiction_filter


class SupportKind(models.TextChoices):
    TRAINING = "training", _("Training")
    PACKAGING_DESIGN = "packaging_design", _("Packaging and label design")
    TRADEMARK = "trademark", _("Trademark registration")
    TEST_FEES = "test_fees", _("Test fees")
    TRADE_FAIR = "trade_fair", _("Trade fair costs")
    LOAN = "loan", _("Loan")
    OTHER = "other", _("Other")


class FundSource(models.TextChoices):
    """Nguồn kinh phí."""

    CENTRAL = "central", _("Central budget")
    PROVINCIAL = "provincial", _("Provincial budget")
    LOCAL = "local", _("Local budget")
    LOANS = "loans", _("Loans")
    SOCIALISED = "socialised", _("Socialised and other sources")


class SupportRecordQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Records ``user`` may see; the list-side twin of permissions.can_view_support."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.is_producer:
            return self.filter(producer__memberships__user=user)
        area = jurisdiction_filter(user, "producer__commune")
        return self.none() if area is None else self.filter(area)

    def in_year(self, year: int):
        return self.filter(given_on__year=year)

    def for_list(self):
        return self.select_related("producer", "producer__commune", "product")


class SupportRecord(models.Model):
    """Support (hỗ trợ) given to a producer or one of its products, in whole đồng."""

    producer = models.ForeignKey(
        "producers.Producer",
        verbose_name=_("producer"),
        on_delete=models.PROTECT,
        related_name="support_records",
    )
    product = models.ForeignKey(
        "products.Product",
        verbose_name=_("product"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="support_records",
    )
    kind = models.CharField(_("kind of support"), max_length=20, choices=SupportKind.choices)
    source = models.CharField(_("source of funds"), max_length=20, choices=FundSource.choices)
    amount_vnd = models.PositiveBigIntegerField(_("amount (VND)"))
    given_on = models.DateField(_("date"))
    note = models.TextField(_("note"), max_length=NOTE_MAX_LENGTH, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = SupportRecordQuerySet.as_manager()

    class Meta:
        verbose_name = _("support record")
        verbose_name_plural = _("support records")
        ordering = ["-given_on", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(amount_vnd__gt=0), name="support_amount_positive")
        ]
        # Serves the yearly sums and the per-producer list.
        indexes = [models.Index(fields=["given_on", "producer"], name="support_by_year")]

    def __str__(self):
        return f"{self.get_kind_display()} — {self.producer_id}"

    def clean(self):
        if self.product_id and self.producer_id and self.product.producer_id != self.producer_id:
            raise ValidationError({"product": _("Choose a product of this producer.")})
