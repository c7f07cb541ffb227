"""The OCOP cycle's first steps (Decision 490/QĐ-TTg, steps 2-4): a product idea, its business
plan (phương án sản xuất kinh doanh) and the advice and training given, until the product is
ready for rating and becomes a registered product."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ocop_portal.text import LONG_TEXT_MAX_LENGTH, NOTE_MAX_LENGTH

from ..areas import jurisdiction_filter


class IdeaStage(models.TextChoices):
    IDEA = "idea", _("Idea registered")
    PLAN = "plan", _("Business plan in preparation")
    READY = "ready", _("Ready for rating")
    CONVERTED = "converted", _("Registered as a product")


IdeaStage.OPEN = frozenset({IdeaStage.IDEA, IdeaStage.PLAN, IdeaStage.READY})


class ProductIdeaQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Ideas ``user`` may open; the list-side twin of permissions.can_view_idea."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.is_producer:
            return self.filter(producer__memberships__user=user)
        area = jurisdiction_filter(user, "producer__commune")
        return self.none() if area is None else self.filter(area)

    def for_list(self):
        return self.select_related("producer", "producer__commune")


class ProductIdea(models.Model):
    """A product idea (ý tưởng sản phẩm) registered by a producer or by an officer for them."""

    producer = models.ForeignKey(
        "producers.Producer",
        verbose_name=_("producer"),
        on_delete=models.CASCADE,
        related_name="product_ideas",
    )
    name = models.CharField(_("product name"), max_length=200)
    description = models.TextField(_("the idea"), max_length=LONG_TEXT_MAX_LENGTH)
    criteria_set = models.PositiveSmallIntegerField(
        _("proposed criteria set"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(26)],
    )
    raw_material_origin = models.TextField(
        _("raw material origin"), max_length=NOTE_MAX_LENGTH, blank=True
    )
    in_province_material_share = models.PositiveSmallIntegerField(
        _("raw materials from the province (%)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(100)],
    )
    # The business plan (phương án sản xuất kinh doanh).
    plan_market = models.TextField(
        _("market and customers"), max_length=LONG_TEXT_MAX_LENGTH, blank=True
    )
    plan_production = models.TextField(
        _("production: process, equipment, labour"), max_length=LONG_TEXT_MAX_LENGTH, blank=True
    )
    capacity = models.CharField(_("production capacity"), max_length=200, blank=True)
    packaging = models.CharField(_("packaging"), max_length=200, blank=True)
    plan_investment_vnd = models.PositiveBigIntegerField(
        _("investment needed (VND)"), null=True, blank=True
    )
    plan_revenue_vnd = models.PositiveBigIntegerField(
        _("expected yearly revenue (VND)"), null=True, blank=True
    )
    # Written only by programme.services.
    stage = models.CharField(
        _("stage"),
        max_length=20,
        choices=IdeaStage.choices,
        default=IdeaStage.IDEA,
        editable=False,
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entered by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    converted_product = models.OneToOneField(
        "products.Product",
        verbose_name=_("registered product"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="idea",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ProductIdeaQuerySet.as_manager()

    class Meta:
        verbose_name = _("product idea")
        verbose_name_plural = _("product ideas")
        ordering = ["-updated_at", "-pk"]
        indexes = [models.Index(fields=["stage", "producer"], name="idea_pipeline")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("programme:idea-detail", kwargs={"pk": self.pk})

    @property
    def entered_by_officer(self) -> bool:
        return not self.entered_by.is_producer

    def missing_for_rating(self) -> list[str]:
        """What must still be entered before the idea is ready for rating."""
        missing = []
        if not self.criteria_set:
            missing.append(str(_("the proposed criteria set")))
        if not self.plan_market.strip():
            missing.append(str(_("the market and customers")))
        if not self.plan_production.strip():
            missing.append(str(_("the production plan")))
        return missing


class AdviceKind(models.TextChoices):
    ADVICE = "advice", _("Advice")
    TRAINING = "training", _("Training")
    SITE_VISIT = "site_visit", _("Site visit")


class IdeaAdvice(models.Model):
    """Advice or training an officer gave on an idea (tư vấn, tập huấn)."""

    idea = models.ForeignKey(ProductIdea, on_delete=models.CASCADE, related_name="advice")
    kind = models.CharField(
        _("kind"), max_length=20, choices=AdviceKind.choices, default=AdviceKind.ADVICE
    )
    given_on = models.DateField(_("date"))
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("officer"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    text = models.TextField(_("what was advised or taught"), max_length=LONG_TEXT_MAX_LENGTH)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("advice or training")
        verbose_name_plural = _("advice and training")
        ordering = ["-given_on", "-pk"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.given_on:%d/%m/%Y}"


class IdeaStageChange(models.Model):
    """The audit row of every stage move of an idea (who, when, from, to, note)."""

    idea = models.ForeignKey(ProductIdea, on_delete=models.CASCADE, related_name="stage_changes")
    from_stage = models.CharField(_("from"), max_length=20, choices=IdeaStage.choices, blank=True)
    to_stage = models.CharField(_("to"), max_length=20, choices=IdeaStage.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), on_delete=models.PROTECT, related_name="+"
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)
    note = models.TextField(_("note"), max_length=NOTE_MAX_LENGTH, blank=True)

    class Meta:
        verbose_name = _("idea stage change")
        verbose_name_plural = _("idea stage changes")
        ordering = ["-at", "-pk"]

    def __str__(self):
        return f"{self.idea}: {self.from_stage} → {self.to_stage}"
