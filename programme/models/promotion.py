"""Trade promotion (xúc tiến thương mại): where to buy a product, and trade fairs and events."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ocop_portal.row_changes import AnnouncedQuerySet
from ocop_portal.text import LONG_TEXT_MAX_LENGTH


class SalesPointKind(models.TextChoices):
    SHOP = "shop", _("Shop")
    ONLINE = "online", _("E-commerce")
    OTHER = "other", _("Other")


class SalesPoint(models.Model):
    """A place to buy a product (điểm bán): a shop's address or an online shop's link."""

    product = models.ForeignKey(
        "products.Product", on_delete=models.CASCADE, related_name="sales_points"
    )
    kind = models.CharField(
        _("kind"), max_length=10, choices=SalesPointKind.choices, default=SalesPointKind.SHOP
    )
    name = models.CharField(_("name"), max_length=200)
    address = models.CharField(_("address"), max_length=300, blank=True)
    url = models.URLField(_("link"), blank=True, max_length=500)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = AnnouncedQuerySet.as_manager()

    class Meta:
        verbose_name = _("sales point")
        verbose_name_plural = _("sales points")
        ordering = ["kind", "name", "pk"]

    def __str__(self):
        return self.name

    def clean(self):
        if self.kind == SalesPointKind.ONLINE and not self.url:
            raise ValidationError({"url": _("Give the link to the online shop.")})
        if self.kind != SalesPointKind.ONLINE and not (self.address or self.url):
            raise ValidationError({"address": _("Give the address of the shop.")})


class EventKind(models.TextChoices):
    TRADE_FAIR = "trade_fair", _("Trade fair")
    OCOP_EVENT = "ocop_event", _("OCOP event")
    OTHER = "other", _("Other")


class TradeEventQuerySet(AnnouncedQuerySet):
    def visible_to(self, user):
        """Public events for everyone; unpublished ones for whoever manages the province's events.
        Twin of ``permissions.can_view_event``."""
        from ..permissions import can_manage_events, managed_province_id

        if user.is_authenticated and can_manage_events(user):
            province_id = managed_province_id(user)
            if province_id is None:  # a national administrator
                return self
            return self.filter(Q(public=True) | Q(province_id=province_id))
        return self.filter(public=True)

    def upcoming(self, today=None):
        return self.filter(ends_on__gte=today or timezone.localdate()).order_by("starts_on", "pk")

    def past(self, today=None):
        return self.filter(ends_on__lt=today or timezone.localdate()).order_by("-starts_on", "-pk")


class TradeEvent(models.Model):
    """A trade fair (hội chợ) or OCOP event in the calendar, with the products attending."""

    kind = models.CharField(
        _("kind"), max_length=20, choices=EventKind.choices, default=EventKind.TRADE_FAIR
    )
    # Every object belongs to a province: only that province's office manages the event.
    province = models.ForeignKey(
        "regions.Province",
        verbose_name=_("province"),
        on_delete=models.PROTECT,
        related_name="trade_events",
        editable=False,
    )
    name = models.CharField(_("name"), max_length=200)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    place = models.CharField(_("place"), max_length=300)
    organiser = models.CharField(_("organiser"), max_length=200, blank=True)
    description = models.TextField(_("description"), max_length=LONG_TEXT_MAX_LENGTH, blank=True)
    public = models.BooleanField(
        _("published"), default=True, help_text=_("Shown in the public calendar.")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)
    products = models.ManyToManyField(
        "products.Product", through="EventParticipation", related_name="trade_events"
    )

    objects = TradeEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("trade event")
        verbose_name_plural = _("trade events")
        ordering = ["-starts_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")), name="trade_event_ends_after_start"
            )
        ]
        indexes = [models.Index(fields=["ends_on", "starts_on"], name="trade_event_calendar")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("programme:event-detail", kwargs={"pk": self.pk})

    def clean(self):
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The event cannot end before it starts.")})


class EventParticipation(models.Model):
    event = models.ForeignKey(TradeEvent, on_delete=models.CASCADE, related_name="participations")
    product = models.ForeignKey(
        "products.Product", on_delete=models.CASCADE, related_name="event_participations"
    )
    booth = models.CharField(_("booth"), max_length=50, blank=True)
    added_at = models.DateTimeField(auto_now_add=True)

    objects = AnnouncedQuerySet.as_manager()

    class Meta:
        verbose_name = _("product attending")
        verbose_name_plural = _("products attending")
        ordering = ["product__name_folded", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["event", "product"], name="event_product_once")
        ]

    def __str__(self):
        return f"{self.product_id} @ {self.event_id}"
