from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    PRODUCER = "producer", _("Producer")
    LOCAL_OFFICER = "local_officer", _("Local officer")
    PROVINCIAL_OFFICE = "provincial_office", _("Provincial OCOP office")
    COUNCIL_MEMBER = "council_member", _("Council member")
    APPROVER = "approver", _("Provincial approver")
    ADMINISTRATOR = "administrator", _("System administrator")


# Roles that work for the province as a whole and see its whole area.
PROVINCIAL_ROLES = frozenset(
    {Role.PROVINCIAL_OFFICE, Role.COUNCIL_MEMBER, Role.APPROVER, Role.ADMINISTRATOR}
)
# Roles allowed into the Django admin.
ADMIN_ROLES = frozenset({Role.PROVINCIAL_OFFICE, Role.APPROVER, Role.ADMINISTRATOR})


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.update(is_staff=True, is_superuser=True, role=Role.ADMINISTRATOR)
        return self._create_user(email, password, **extra_fields)

    def get_by_natural_key(self, username):
        return self.get(email__iexact=username)


class User(AbstractUser):
    """A person signing in: a producer's representative or a member of the provincial programme.

    Officers carry a jurisdiction: a former district (a group of today's communes) or one commune.
    Provincial roles cover the whole province they serve.
    """

    username = None
    first_name = None
    last_name = None
    email = models.EmailField(_("email address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=150)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.PRODUCER)
    organisation = models.CharField(
        _("organisation"),
        max_length=200,
        blank=True,
        help_text=_("Where the person works; used to detect conflicts of interest."),
    )
    home_commune = models.ForeignKey(
        "regions.Commune",
        verbose_name=_("commune where you live or work"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Used to flag likely conflicts of interest with producers of that commune."),
    )
    province = models.ForeignKey(
        "regions.Province",
        verbose_name=_("province served"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    jurisdiction_district = models.ForeignKey(
        "regions.FormerDistrict",
        verbose_name=_("jurisdiction: former district"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="officers",
    )
    jurisdiction_commune = models.ForeignKey(
        "regions.Commune",
        verbose_name=_("jurisdiction: commune"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="officers",
    )

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["full_name"]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="user_email_ci_unique"),
            # A local officer has exactly one jurisdiction; nobody else has one.
            models.CheckConstraint(
                condition=(
                    models.Q(
                        role="local_officer",
                        jurisdiction_district__isnull=False,
                        jurisdiction_commune__isnull=True,
                    )
                    | models.Q(
                        role="local_officer",
                        jurisdiction_district__isnull=True,
                        jurisdiction_commune__isnull=False,
                    )
                    | models.Q(
                        ~models.Q(role="local_officer"),
                        jurisdiction_district__isnull=True,
                        jurisdiction_commune__isnull=True,
                    )
                ),
                name="user_jurisdiction_matches_role",
            ),
        ]

    def __str__(self):
        return self.full_name or self.email

    def get_full_name(self):
        return self.full_name

    def get_short_name(self):
        return self.full_name.split()[-1] if self.full_name else self.email

    def clean(self):
        super().clean()
        self.email = self.email.lower()
        if self.role == Role.LOCAL_OFFICER:
            if bool(self.jurisdiction_district_id) == bool(self.jurisdiction_commune_id):
                raise ValidationError(
                    _(
                        "A local officer needs exactly one jurisdiction: "
                        "a former district or a commune."
                    )
                )
        elif self.jurisdiction_district_id or self.jurisdiction_commune_id:
            raise ValidationError(_("Only local officers have a jurisdiction."))
        if self.role in PROVINCIAL_ROLES - {Role.ADMINISTRATOR} and not self.province_id:
            raise ValidationError(_("Choose the province this person serves."))

    @property
    def is_producer(self) -> bool:
        return self.role == Role.PRODUCER

    @property
    def is_local_officer(self) -> bool:
        return self.role == Role.LOCAL_OFFICER

    @property
    def is_provincial_office(self) -> bool:
        return self.role in {Role.PROVINCIAL_OFFICE, Role.ADMINISTRATOR}

    @property
    def is_national_administrator(self) -> bool:
        """An administrator who serves no province answers for the whole country: every
        province's rows. The one statement of that rule (issue 17); a superuser's own reach is
        decided where it applies."""
        return self.role == Role.ADMINISTRATOR and not self.province_id

    @property
    def is_council_member(self) -> bool:
        return self.role == Role.COUNCIL_MEMBER

    @property
    def is_approver(self) -> bool:
        return self.role == Role.APPROVER

    @property
    def jurisdiction(self):
        """The area an officer answers for: a commune, a former district, a province or None."""
        if self.role == Role.LOCAL_OFFICER:
            return self.jurisdiction_commune or self.jurisdiction_district
        if self.role in PROVINCIAL_ROLES:
            return self.province
        return None

    def jurisdiction_communes(self):
        """The communes whose producers' dossiers this user may see as an official."""
        from regions.models import Commune

        from .jurisdiction import area_q

        return Commune.objects.filter(area_q(self))

    def covers_commune(self, commune) -> bool:
        """Whether `commune` lies inside this official's jurisdiction (no query needed)."""
        from .jurisdiction import covers

        return covers(self, commune)
