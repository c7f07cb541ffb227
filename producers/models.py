import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ocop_portal.row_changes import AnnouncedQuerySet
from ocop_portal.text import fold
from regions.collation import vietnamese_order

from .official_scope import with_dossier_visible_to
from .validators import validate_phone, validate_tax_code


class ProducerKind(models.TextChoices):
    COOPERATIVE = "cooperative", _("Cooperative (HTX)")
    COOPERATIVE_GROUP = "cooperative_group", _("Cooperative group (tổ hợp tác)")
    ENTERPRISE = "enterprise", _("Enterprise")
    FARM = "farm", _("Farm")
    HOUSEHOLD = "household", _("Registered household business")


class Gender(models.TextChoices):
    FEMALE = "female", _("Female")
    MALE = "male", _("Male")


class ProducerQuerySet(AnnouncedQuerySet):
    def for_user(self, user):
        """The producers this account acts for."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(memberships__user=user)

    def in_communes(self, communes):
        return self.filter(commune__in=communes)

    def visible_to(self, user):
        """Producers `user` may see; the list-side twin of permissions.can_view_producer.

        A producer's own accounts see it; an official sees it once one of its products' dossiers
        is open to them (``official_scope``).
        """
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.is_producer:
            return self.for_user(user)
        return with_dossier_visible_to(self, user, dossiers="products__dossiers")


class Producer(models.Model):
    """An OCOP producer (chủ thể OCOP): the organisation or household that owns products."""

    kind = models.CharField(_("kind"), max_length=20, choices=ProducerKind.choices)
    name = models.CharField(_("name"), max_length=200)
    name_folded = models.CharField(max_length=200, editable=False, db_index=True)
    tax_code = models.CharField(
        _("tax or business registration code"),
        max_length=14,
        unique=True,
        validators=[validate_tax_code],
        help_text=_("10 digits, or 10-3 for a branch."),
    )
    registration_date = models.DateField(_("registration date"))
    address_line = models.CharField(
        _("address (house number, street, hamlet)"), max_length=200, blank=True
    )
    commune = models.ForeignKey(
        "regions.Commune",
        verbose_name=_("commune / ward"),
        on_delete=models.PROTECT,
        related_name="producers",
    )
    phone = models.CharField(_("phone"), max_length=20, validators=[validate_phone])
    email = models.EmailField(_("email"), blank=True)
    website = models.URLField(_("website"), blank=True)
    representative_name = models.CharField(_("legal representative"), max_length=150)
    representative_position = models.CharField(
        _("representative's position"),
        max_length=100,
        blank=True,
        help_text=_("E.g. director, chair of the cooperative, household head (Form 01)."),
    )
    representative_gender = models.CharField(
        _("representative's gender"), max_length=10, choices=Gender.choices
    )
    representative_ethnicity = models.CharField(
        _("representative's ethnicity"), max_length=50, default="Kinh"
    )
    representative_has_disability = models.BooleanField(
        _("representative has a disability"), default=False
    )
    local_labour_share = models.PositiveSmallIntegerField(
        _("share of local labour (%)"),
        validators=[MaxValueValidator(100)],
        help_text=_("Workers living in the commune, as a percentage of all workers."),
    )
    workers = models.PositiveIntegerField(_("number of workers"), default=0)
    publish_contact = models.BooleanField(
        _("publish phone and email on the public catalogue"), default=False
    )
    # Optimistic locking: a save from a stale form (a second tab) is refused, not silently merged.
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ProducerQuerySet.as_manager()

    class Meta:
        verbose_name = _("producer")
        verbose_name_plural = _("producers")
        ordering = [vietnamese_order("name")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(local_labour_share__lte=100), name="producer_labour_share_pct"
            )
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.name_folded = fold(self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("producers:profile")

    @property
    def is_ethnic_minority_or_woman_led(self) -> bool:
        """Criterion 3.2 of every set rewards women, ethnic-minority and disabled
        representatives."""
        return (
            self.representative_gender == Gender.FEMALE
            or self.representative_ethnicity.strip().lower() not in {"kinh", ""}
            or self.representative_has_disability
        )


class Membership(models.Model):
    """A user account acting for a producer; the owner may invite others."""

    producer = models.ForeignKey(Producer, on_delete=models.CASCADE, related_name="memberships")
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="producer_membership"
    )
    is_owner = models.BooleanField(_("owner"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("producer member")
        verbose_name_plural = _("producer members")
        constraints = [
            models.UniqueConstraint(
                fields=["producer"],
                condition=models.Q(is_owner=True),
                name="one_owner_per_producer",
            )
        ]

    def __str__(self):
        return f"{self.user} → {self.producer}"


INVITATION_VALID_DAYS = 14


class Invitation(models.Model):
    """An owner's invitation for another account to act for the producer."""

    producer = models.ForeignKey(Producer, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("email"))
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["producer", "email"],
                condition=models.Q(accepted_at__isnull=True),
                name="one_pending_invitation_per_email",
            )
        ]

    def __str__(self):
        return self.email

    @property
    def expires_at(self):
        return self.created_at + datetime.timedelta(days=INVITATION_VALID_DAYS)

    @property
    def is_pending(self) -> bool:
        return self.accepted_at is None and timezone.now() < self.expires_at
