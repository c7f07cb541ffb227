import datetime

from django.conf import settings
from django.db import connections, models
from django.db.models import F, Q, Value
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ocop_portal.row_changes import AnnouncedQuerySet
from ocop_portal.text import NOTE_MAX_LENGTH, fold
from regions.collation import vietnamese_order

VALIDITY_MONTHS = 36  # Decision 26/2026, Art. 4.3
RE_EVALUATION_OPENS_DAYS = 180  # Art. 7.6: filed 180 to 120 days before expiry
RE_EVALUATION_CLOSES_DAYS = 120
# Art. 12.3: where a re-evaluation could not be filed in that window because the rules changed,
# the certificate stays valid until the result, at most 180 days after its expiry.
DECISION_26_EFFECTIVE = datetime.date(2026, 5, 22)  # Art. 11.1
EXTENSION_MAX_DAYS = 180
EXTENSION_BASIS = (
    "Quyết định 26/2026/QĐ-TTg, khoản 3 Điều 12: giấy chứng nhận tiếp tục có hiệu lực đến ngày "
    "có kết quả xử lý của cơ quan có thẩm quyền, nhưng không quá 180 ngày tính từ ngày hết thời "
    "hạn."
)


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
    EXTENDED = "extended", _("Extended until the re-evaluation result (Art. 12.3)")
    EXPIRED = "expired", _("Expired")
    REVOKED = "revoked", _("Revoked")
    REPLACED = "replaced", _("Replaced by a newer recognition")


class CertificateQuerySet(AnnouncedQuerySet):
    def current(self, today=None):
        """Live today: within the 36 months, or within an Art. 12.3 extension."""
        today = today or timezone.localdate()
        return self.filter(
            Q(valid_until__gte=today) | Q(extended_until__gte=today),
            revoked_on__isnull=True,
            replaced_by__isnull=True,
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
        """Certificates past their 36 months, and past any Art. 12.3 extension, that were
        neither revoked nor replaced."""
        today = today or timezone.localdate()
        return self.filter(
            Q(extended_until__isnull=True) | Q(extended_until__lt=today),
            revoked_on__isnull=True,
            replaced_by__isnull=True,
            valid_until__lt=today,
        )


class Certificate(models.Model):
    """A recognition (công nhận) of a product at 3★, 4★ or 5★ with its certificate number."""

    # Empty on a re-issued version: the dossier stays with the first version (``reissue_of``),
    # and ``origin_dossier`` finds it from any version.
    dossier = models.OneToOneField(
        "dossiers.Dossier",
        verbose_name=_("dossier"),
        on_delete=models.PROTECT,
        related_name="certificate",
        null=True,
        blank=True,
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
    revocation_note = models.TextField(_("revocation note"), max_length=NOTE_MAX_LENGTH, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("revoked by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    # Art. 12.3: the extension recorded by the provincial office. `extended_until` is the day it
    # ends: expiry + 180 days, brought forward to the result's date once the re-evaluation is
    # decided (certificates.end_extension).
    extended_until = models.DateField(_("extended until"), null=True, blank=True, editable=False)
    extension_basis = models.TextField(
        _("legal basis of the extension"), blank=True, max_length=NOTE_MAX_LENGTH
    )
    extended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("extension recorded by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    extended_at = models.DateTimeField(
        _("extension recorded at"), null=True, blank=True, editable=False
    )
    reminder_sent_on = models.DateField(null=True, blank=True, editable=False)
    # The day expire_certificates recorded the lapse; status() itself only needs valid_until.
    expiry_recorded_on = models.DateField(null=True, blank=True, editable=False)
    # fold() of product, producer and commune names, product code and number: the catalogue
    # searches this one column so SQLite and PostgreSQL (trigram GIN index) find the same rows.
    search_text = models.CharField(max_length=600, blank=True, editable=False)

    # ---- What was certified, as issued (issue 18): the public pages, the PDF, open data and the
    # exports read these, never the live product and producer rows, which may change later.
    product_name = models.CharField(_("product name"), max_length=200, blank=True)
    producer_name = models.CharField(_("producer"), max_length=200, blank=True)
    producer_kind = models.CharField(_("kind of producer"), max_length=20, blank=True)
    printed_address = models.CharField(_("address printed"), max_length=400, blank=True)
    commune_code = models.PositiveIntegerField(_("commune code"), null=True, blank=True)
    commune_name = models.CharField(_("commune / ward"), max_length=100, blank=True)
    former_district_code = models.PositiveIntegerField(null=True, blank=True)
    former_district_name = models.CharField(_("former district"), max_length=100, blank=True)
    province_code = models.PositiveIntegerField(null=True, blank=True)
    province_name = models.CharField(_("province"), max_length=120, blank=True)
    criteria_decision = models.CharField(_("criteria decision"), max_length=20, blank=True)
    criteria_set = models.PositiveSmallIntegerField(_("criteria set"), null=True, blank=True)
    criteria_set_name = models.CharField(_("criteria set"), max_length=200, blank=True)
    # ---- Versions: a correction the provincial office approved re-issues the certificate.
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    reissue_of = models.ForeignKey(
        "self",
        verbose_name=_("re-issue of"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reissues",
    )
    reissue_reason = models.TextField(_("reason for the re-issue"), blank=True)

    objects = CertificateQuerySet.as_manager()

    class Meta:
        db_table = "evaluations_certificate"  # kept from the single evaluations app
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-decision_date", "-pk"]
        indexes = [models.Index(fields=["valid_until"], name="certificate_expiry")]
        constraints = [
            # A re-issue names its reason; a first version names its dossier.
            models.CheckConstraint(
                condition=(Q(reissue_of__isnull=True) & Q(dossier__isnull=False))
                | (Q(reissue_of__isnull=False) & ~Q(reissue_reason="")),
                name="certificate_reissue_has_reason",
            ),
            models.CheckConstraint(
                condition=Q(stars__gte=3, stars__lte=5), name="certificate_stars_3_to_5"
            ),
            models.CheckConstraint(
                condition=Q(revoked_on__isnull=True) | ~Q(revocation_ground=""),
                name="certificate_revocation_has_ground",
            ),
            models.CheckConstraint(
                condition=Q(extended_until__isnull=True)
                | (Q(extended_by__isnull=False) & ~Q(extension_basis="")),
                name="certificate_extension_has_basis",
            ),
        ]

    def __str__(self):
        return self.number

    def get_absolute_url(self):
        return reverse("catalogue:verify", kwargs={"number": self.number})

    def build_search_text(self) -> str:
        """From the certified copy: the catalogue finds a product by what its certificate says."""
        parts = [self.product_name, self.producer_name, self.commune_name]
        return fold(" ".join([*parts, self.product_code, self.number]))

    @property
    def origin_dossier_id(self) -> int | None:
        """The dossier the recognition was decided on, whichever version this is."""
        certificate = self
        while certificate.dossier_id is None and certificate.reissue_of_id is not None:
            certificate = certificate.reissue_of
        return certificate.dossier_id

    @property
    def origin_dossier(self):
        from dossiers.models.dossier import Dossier

        return Dossier.objects.select_related("round").get(pk=self.origin_dossier_id)

    @property
    def star_glyphs(self) -> str:
        return "★" * self.stars

    @property
    def re_evaluation_opens_on(self) -> datetime.date:
        return self.valid_until - datetime.timedelta(days=RE_EVALUATION_OPENS_DAYS)

    @property
    def re_evaluation_closes_on(self) -> datetime.date:
        return self.valid_until - datetime.timedelta(days=RE_EVALUATION_CLOSES_DAYS)

    @property
    def extension_limit(self) -> datetime.date:
        """The latest day an Art. 12.3 extension may run to: 180 days after expiry."""
        return self.valid_until + datetime.timedelta(days=EXTENSION_MAX_DAYS)

    @property
    def effective_until(self) -> datetime.date:
        """The last valid day: the 36 months' end, or the extension's when that is later."""
        return max(self.valid_until, self.extended_until or self.valid_until)

    def status(self, today=None) -> str:
        today = today or timezone.localdate()
        if self.revoked_on:
            return CertificateStatus.REVOKED
        if self.replaced_by_id:
            return CertificateStatus.REPLACED
        if today > self.valid_until:
            if self.extended_until and today <= self.extended_until:
                return CertificateStatus.EXTENDED
            return CertificateStatus.EXPIRED
        if today >= self.re_evaluation_opens_on:
            return CertificateStatus.EXPIRING
        return CertificateStatus.VALID

    def get_status_display(self, today=None):
        return CertificateStatus(self.status(today)).label

    def may_file_re_evaluation(self, today=None) -> bool:
        """In the 180-to-120-day window (Art. 7.6.a), or while an Art. 12.3 extension runs: it
        exists because the holder could not file in the window."""
        today = today or timezone.localdate()
        extended = self.extended_until is not None and today <= self.extended_until
        return self.re_evaluation_window_open(today) or (
            extended and self.revoked_on is None and self.replaced_by_id is None
        )

    def re_evaluation_window_open(self, today=None) -> bool:
        today = today or timezone.localdate()
        return (
            self.revoked_on is None
            and self.replaced_by_id is None
            and self.re_evaluation_opens_on <= today <= self.re_evaluation_closes_on
        )
