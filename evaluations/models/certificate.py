import datetime

from django.conf import settings
from django.db import connections, models
from django.db.models import F, Q, Value
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ocop_portal.text import fold
from regions.collation import vietnamese_order

VALIDITY_MONTHS = 36  # Decision 26/2026, Art. 4.3
RE_EVALUATION_OPENS_DAYS = 180  # Art. 7.6: filed 180 to 120 days before expiry
RE_EVALUATION_CLOSES_DAYS = 120


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later, or that month's last day when it has no such day.

    Civil Code 2015, Art. 147-148: a period counted in months starts the day after the decision
    and ends at the end of the same-numbered day of the last month (the month's last day if it
    has none), so a decision of 15/09/2026 is valid through 15/09/2029.
    """
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    # 29 Feb + 36 months lands on 28 Feb: clamp to the month's last day.
    for candidate in (day.day, 30, 29, 28):
        try:
            return datetime.date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise ValueError(day)


class RevocationGround(models.TextChoices):
    """Grounds for revoking a recognition (thu hồi), Decision 26/2026, Art. 8.1 a-f."""

    FALSIFIED = "falsified", _("Untruthful or forged information in the dossier")
    QUALITY = "quality", _("The product no longer meets the criteria (inspection conclusion)")
    FOOD_SAFETY = (
        "food_safety",
        _(
            "Violation of the law on quality, food safety, environment, intellectual property "
            "or labelling"
        ),
    )
    MISUSE = "misuse", _("Misuse of the OCOP mark causing confusion")
    STOPPED = "stopped", _("The producer has stopped making the product")
    OTHER = "other", _("Other case concluded by a competent authority")


class CertificateStatus(models.TextChoices):
    VALID = "valid", _("Valid")
    EXPIRING = "expiring", _("Valid, re-evaluation due")
    EXPIRED = "expired", _("Expired")
    REVOKED = "revoked", _("Revoked")
    REPLACED = "replaced", _("Replaced by a newer recognition")


class CertificateQuerySet(models.QuerySet):
    def current(self, today=None):
        today = today or timezone.localdate()
        return self.filter(
            revoked_on__isnull=True, replaced_by__isnull=True, valid_until__gte=today
        )

    def for_catalogue(self):
        """What a catalogue card or product page touches, in two queries whatever the count."""
        return self.select_related(
            "product",
            "product__producer",
            "product__producer__commune",
            "product__producer__commune__province",
        ).prefetch_related("product__photos")

    def search(self, text: str | None):
        """Diacritics-insensitive search on product, producer and commune names.

        Every word of the folded query must occur in ``search_text`` ("mật ông" and "mat ong"
        both find "Mật ong hoa nhãn"). On PostgreSQL a trigram word similarity on the whole query
        (pg_trgm ``%>``, GIN-indexed by migration 0004) also lets typos through ("mat ongg").
        SQLite, the zero-setup default, has no trigrams: there the word match is all there is.
        """
        folded = fold(text)
        if not folded:
            return self
        match = Q(*(Q(search_text__contains=word) for word in folded.split()))
        if connections[self.db].vendor == "postgresql":
            from django.contrib.postgres.lookups import TrigramWordSimilar

            match |= Q(TrigramWordSimilar(F("search_text"), Value(folded)))
        return self.filter(match)

    def by_relevance(self, text: str | None):
        """On PostgreSQL, best trigram match first; elsewhere (and with no query) unchanged."""
        folded = fold(text)
        if not folded or connections[self.db].vendor != "postgresql":
            return self
        from django.contrib.postgres.search import TrigramWordSimilarity

        return self.annotate(
            relevance=TrigramWordSimilarity(Value(folded), "search_text")
        ).order_by("-relevance", vietnamese_order("product__name"), "pk")

    def re_evaluation_due(self, today=None):
        """Current certificates whose re-evaluation window (Art. 7.6) is open today."""
        today = today or timezone.localdate()
        return self.current(today).filter(
            valid_until__gte=today + datetime.timedelta(days=RE_EVALUATION_CLOSES_DAYS),
            valid_until__lte=today + datetime.timedelta(days=RE_EVALUATION_OPENS_DAYS),
        )

    def lapsed(self, today=None):
        """Certificates past their 36 months that were neither revoked nor replaced."""
        today = today or timezone.localdate()
        return self.filter(revoked_on__isnull=True, replaced_by__isnull=True, valid_until__lt=today)


class Certificate(models.Model):
    """A recognition (công nhận) of a product at 3★, 4★ or 5★ with its certificate number."""

    dossier = models.OneToOneField(
        "evaluations.Dossier",
        verbose_name=_("dossier"),
        on_delete=models.PROTECT,
        related_name="certificate",
    )
    product = models.ForeignKey(
        "products.Product",
        verbose_name=_("product"),
        on_delete=models.PROTECT,
        related_name="certificates",
    )
    number = models.CharField(_("certificate number"), max_length=40, unique=True)
    product_code = models.CharField(_("OCOP product code"), max_length=40)
    stars = models.PositiveSmallIntegerField(_("stars"))
    average = models.DecimalField(_("score"), max_digits=5, decimal_places=2)
    decision_number = models.CharField(_("decision number"), max_length=50)
    decision_date = models.DateField(_("decision date"))
    valid_until = models.DateField(_("valid until"))
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("issued by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    issued_at = models.DateTimeField(_("issued at"), auto_now_add=True)
    replaced_by = models.ForeignKey(
        "self",
        verbose_name=_("replaced by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="replaces",
    )
    revoked_on = models.DateField(_("revoked on"), null=True, blank=True)
    revocation_ground = models.CharField(
        _("ground for revocation"), max_length=20, choices=RevocationGround.choices, blank=True
    )
    revocation_note = models.TextField(_("revocation note"), blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("revoked by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    reminder_sent_on = models.DateField(null=True, blank=True, editable=False)
    # The day expire_certificates recorded the lapse; status() itself only needs valid_until.
    expiry_recorded_on = models.DateField(null=True, blank=True, editable=False)
    # fold() of product, producer and commune names, product code and number: the catalogue
    # searches this one column so SQLite and PostgreSQL (trigram GIN index) find the same rows.
    search_text = models.CharField(max_length=600, blank=True, editable=False)

    objects = CertificateQuerySet.as_manager()

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-decision_date", "-pk"]
        indexes = [models.Index(fields=["valid_until"], name="certificate_expiry")]
        constraints = [
            models.CheckConstraint(
                condition=Q(stars__gte=3, stars__lte=5), name="certificate_stars_3_to_5"
            ),
            models.CheckConstraint(
                condition=Q(revoked_on__isnull=True) | ~Q(revocation_ground=""),
                name="certificate_revocation_has_ground",
            ),
        ]

    def __str__(self):
        return self.number

    def get_absolute_url(self):
        return reverse("catalogue:verify", kwargs={"number": self.number})

    def build_search_text(self) -> str:
        producer = self.product.producer
        parts = [self.product.name, producer.name, producer.commune.name]
        return fold(" ".join([*parts, self.product_code, self.number]))

    @property
    def star_glyphs(self) -> str:
        return "★" * self.stars

    @property
    def re_evaluation_opens_on(self) -> datetime.date:
        return self.valid_until - datetime.timedelta(days=RE_EVALUATION_OPENS_DAYS)

    @property
    def re_evaluation_closes_on(self) -> datetime.date:
        return self.valid_until - datetime.timedelta(days=RE_EVALUATION_CLOSES_DAYS)

    def status(self, today=None) -> str:
        today = today or timezone.localdate()
        if self.revoked_on:
            return CertificateStatus.REVOKED
        if self.replaced_by_id:
            return CertificateStatus.REPLACED
        if today > self.valid_until:
            return CertificateStatus.EXPIRED
        if today >= self.re_evaluation_opens_on:
            return CertificateStatus.EXPIRING
        return CertificateStatus.VALID

    def get_status_display(self, today=None):
        return CertificateStatus(self.status(today)).label

    def re_evaluation_window_open(self, today=None) -> bool:
        today = today or timezone.localdate()
        return (
            self.revoked_on is None
            and self.replaced_by_id is None
            and self.re_evaluation_opens_on <= today <= self.re_evaluation_closes_on
        )


class Notice(models.Model):
    """The written result notice (thông báo kết quả) for a product rated below 3★.

    Decision 26/2026 Art. 4.1.a, 7.3.g: below 3★ there is no recognition decision and no
    certificate; the province notifies the producer in writing instead. ``stars`` is 1 or 2, or
    0 when a knock-out or stop rule ended the evaluation without a rating.
    """

    dossier = models.OneToOneField(
        "evaluations.Dossier",
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

    def __str__(self):
        return f"{self.key}={self.last_value}"
