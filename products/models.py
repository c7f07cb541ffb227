import uuid
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ocop_portal.row_changes import AnnouncedQuerySet
from ocop_portal.text import LONG_TEXT_MAX_LENGTH, NOTE_MAX_LENGTH, fold
from producers.official_scope import with_dossier_visible_to
from regions.collation import vietnamese_order

from .changes import ProductChange  # noqa: F401  (the history, registered with the models)


class ProductQuerySet(AnnouncedQuerySet):
    def of_producer(self, producer):
        return self.filter(producer=producer)

    def visible_to(self, user):
        """Products `user` may open; the list-side twin of permissions.can_view_product.

        The producer's own accounts see all its products; an official sees a product when one of
        its dossiers is open to them (``producers.official_scope``, the dossiers' own rule).
        """
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.is_producer:
            return self.filter(producer__memberships__user=user)
        return with_dossier_visible_to(self, user, dossiers="dossiers")

    def for_list(self):
        return self.select_related("producer", "producer__commune").prefetch_related("photos")


class Product(models.Model):
    """A product a producer registers for OCOP rating, scored on one criteria set."""

    producer = models.ForeignKey(
        "producers.Producer",
        verbose_name=_("producer"),
        on_delete=models.CASCADE,
        related_name="products",
    )
    name = models.CharField(_("product name"), max_length=200)
    name_folded = models.CharField(max_length=200, editable=False, db_index=True)
    criteria_decision = models.CharField(_("criteria decision"), max_length=20, default="26/2026")
    criteria_set = models.PositiveSmallIntegerField(
        _("criteria set"), validators=[MinValueValidator(1), MaxValueValidator(26)]
    )
    description = models.TextField(_("description"), max_length=LONG_TEXT_MAX_LENGTH, blank=True)
    raw_material_origin = models.TextField(
        _("raw material origin"), max_length=NOTE_MAX_LENGTH, blank=True
    )
    in_province_material_share = models.PositiveSmallIntegerField(
        _("raw materials from the province (%)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(100)],
    )
    capacity = models.CharField(_("production capacity"), max_length=200, blank=True)
    packaging = models.CharField(_("packaging"), max_length=200, blank=True)
    label_info = models.TextField(_("label"), max_length=NOTE_MAX_LENGTH, blank=True)
    ingredients = models.TextField(_("ingredients"), max_length=NOTE_MAX_LENGTH, blank=True)
    usage_instructions = models.TextField(
        _("usage instructions"), max_length=NOTE_MAX_LENGTH, blank=True
    )
    product_code = models.CharField(
        _("OCOP product code"),
        max_length=40,
        blank=True,
        help_text=_("Given on recognition, in the form province-commune-sequence-year."),
    )
    # Optimistic locking: a save from a stale form (a second tab) is refused, not merged.
    version = models.PositiveIntegerField(default=1, editable=False)
    # The dossier under review that freezes the product's content (Decision 26/2026, Art. 7: the
    # dossier under review is the one that was filed). Written only by the dossiers' transitions
    # (evaluations.transitions.apply), in the move's own transaction; products only read it.
    locked_by_dossier = models.ForeignKey(
        "evaluations.Dossier",
        verbose_name=_("locked by dossier"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The creating form's one-time token: a double submit finds the product already made.
    client_token = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ProductQuerySet.as_manager()

    class Meta:
        verbose_name = _("product")
        verbose_name_plural = _("products")
        ordering = [vietnamese_order("name")]
        constraints = [
            models.UniqueConstraint(
                fields=["product_code"],
                condition=~models.Q(product_code=""),
                name="product_code_unique_when_set",
                violation_error_message=_(
                    "Another product already has this OCOP product code. Check the code on "
                    "your certificate."
                ),
            )
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.name_folded = fold(self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("products:detail", kwargs={"pk": self.pk})

    @property
    def cover_photo(self):
        """The cover, else the first photo; uses the prefetched photos when present."""
        photos = list(self.photos.all())
        return next((p for p in photos if p.is_cover), photos[0] if photos else None)


def _generated_name(filename: str) -> str:
    """A random name keeping only the extension, which the services set from the sniffed type:
    uploaded file names are never trusted nor stored."""
    extension = PurePath(filename).suffix.lower()
    return f"{uuid.uuid4().hex}{extension if extension.isascii() else ''}"


def photo_upload_to(photo, filename):
    return f"products/{photo.product_id}/photos/{timezone.now():%Y%m}/{_generated_name(filename)}"


def document_upload_to(document, filename):
    name = _generated_name(filename)
    return f"products/{document.product_id}/documents/{timezone.now():%Y%m}/{name}"


# The product's own fields that producers fill in and reviewers judge (the form edits them, each
# dossier revision keeps a copy of them); the name and the set identify the product.
REVIEWED_FIELDS = (
    "name",
    "criteria_set",
    "description",
    "raw_material_origin",
    "in_province_material_share",
    "capacity",
    "packaging",
    "label_info",
    "ingredients",
    "usage_instructions",
)


class ProductPhoto(models.Model):
    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="photos")
    image = models.ImageField(_("photo"), upload_to=photo_upload_to)
    thumbnail = models.ImageField(upload_to=photo_upload_to, editable=False, blank=True)
    # False while a large upload waits for its copy (services.finish_photo): `image` holds the file
    # as uploaded (with its metadata), which is never served; pages show a placeholder.
    ready = models.BooleanField(default=True, editable=False)
    caption = models.CharField(_("caption"), max_length=200, blank=True)
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    is_cover = models.BooleanField(_("cover photo"), default=False)
    client_token = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    objects = AnnouncedQuerySet.as_manager()

    class Meta:
        verbose_name = _("product photo")
        verbose_name_plural = _("product photos")
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["product"], condition=models.Q(is_cover=True), name="one_cover_per_product"
            )
        ]

    def __str__(self):
        return self.caption or self.image.name


class EvidenceKind(models.TextChoices):
    """Form 02's evidence list (Decision 26/2026, Appendix III).

    The kinds after STORY complete Form 02's list; OTHER stays last in the menu."""

    BUSINESS_REGISTRATION = "business_registration", _("Business registration")
    FOOD_SAFETY = "food_safety", _("Food-safety certificate")
    QUALITY_DECLARATION = "quality_declaration", _("Quality declaration")
    TEST_REPORT = "test_report", _("Test report")
    TRADEMARK = "trademark", _("Trademark papers")
    CONTRACT = "contract", _("Contract")
    CERTIFICATION = "certification", _("Certification (VietGAP, ISO, HACCP…)")
    LABOUR_LIST = "labour_list", _("Labour list")
    FINANCIAL_STATEMENT = "financial_statement", _("Financial statement")
    STORY = "story", _("Product story material")
    PRODUCTION_PERMIT = "production_permit", _("Production-eligibility certificate")
    RAW_MATERIAL = "raw_material", _("Raw-material origin and linkage papers")
    ENVIRONMENT = "environment", _("Environmental dossier")
    PROMOTION = "promotion", _("Website and promotion evidence")
    TRACEABILITY = "traceability", _("Barcode and traceability")
    AWARD = "award", _("Awards")
    OTHER = "other", _("Other")


EXPIRY_WARNING_DAYS = 90
DOCUMENT_EXTENSIONS = {
    "application/pdf": ".pdf",
    "image/jpeg": ".jpg",
    "image/png": ".png",
    "image/webp": ".webp",
}


class EvidenceDocument(models.Model):
    """A document of the dossier, stored outside the web root and served by a view that checks
    permission."""

    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(_("kind"), max_length=30, choices=EvidenceKind.choices)
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to=document_upload_to)
    content_type = models.CharField(max_length=50, editable=False)
    size = models.PositiveIntegerField(editable=False)
    issued_on = models.DateField(_("issued on"), null=True, blank=True)
    expires_on = models.DateField(_("expires on"), null=True, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    client_token = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("evidence document")
        verbose_name_plural = _("evidence documents")
        ordering = ["kind", "-uploaded_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(expires_on__isnull=True)
                | models.Q(issued_on__isnull=True)
                | models.Q(expires_on__gte=models.F("issued_on")),
                name="document_expiry_after_issue",
                violation_error_message=_("The expiry date must be on or after the issue date."),
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("products:document-download", kwargs={"pk": self.pk})

    def expires_within(self, days: int, today=None) -> bool:
        today = today or timezone.localdate()
        return self.expires_on is not None and (self.expires_on - today).days <= days

    @property
    def is_expired(self) -> bool:
        return self.expires_on is not None and self.expires_on < timezone.localdate()

    @property
    def is_expiring(self) -> bool:
        """Still valid, but expiring within EXPIRY_WARNING_DAYS: time to renew it."""
        return not self.is_expired and self.expires_within(EXPIRY_WARNING_DAYS)

    @property
    def extension(self) -> str:
        return DOCUMENT_EXTENSIONS.get(self.content_type, "")

    @property
    def download_name(self) -> str:
        """A readable file name built from the title (the stored name is random)."""
        return f"{self.title}{self.extension}"


class SelfAssessment(models.Model):
    """Form 02 Part III: the producer's own score sheet for the product's criteria set."""

    product = models.OneToOneField(
        Product, on_delete=models.CASCADE, related_name="self_assessment"
    )
    criteria_decision = models.CharField(max_length=20)
    criteria_set = models.PositiveSmallIntegerField()
    points_by_code = models.JSONField(default=dict)
    # Which option (index in the sheet) was ticked, by criterion code: some criteria offer two
    # options with the same points (alternative cases), and the sheet must show the one chosen.
    options_by_code = models.JSONField(default=dict, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("self-assessment")
        verbose_name_plural = _("self-assessments")

    def __str__(self):
        return str(self.product)

    def is_for(self, product: Product) -> bool:
        """Whether the sheet was filled for the product's current criteria set."""
        return (self.criteria_decision, self.criteria_set) == (
            product.criteria_decision,
            product.criteria_set,
        )


class CriterionEvidenceQuerySet(models.QuerySet):
    def for_sheet(self, product: Product):
        """The links that count on the product's current sheet, documents loaded in one query."""
        return self.filter(
            product=product,
            criteria_decision=product.criteria_decision,
            criteria_set=product.criteria_set,
        ).select_related("document")


class CriterionEvidence(models.Model):
    """A document the producer offers as proof of one criterion of the sheet (Form 02 Part III:
    "mô tả, minh chứng kèm theo" in criterion order).

    Codes are only meaningful on one sheet, so the link keeps the sheet it was made for: after
    the product moves to another criteria set, old links are ignored rather than misapplied.
    """

    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="evidence_links")
    criteria_decision = models.CharField(max_length=20)
    criteria_set = models.PositiveSmallIntegerField()
    criterion_code = models.CharField(_("criterion"), max_length=20)
    document = models.ForeignKey(
        EvidenceDocument, on_delete=models.CASCADE, related_name="criterion_links"
    )
    linked_at = models.DateTimeField(auto_now_add=True)

    objects = CriterionEvidenceQuerySet.as_manager()

    class Meta:
        verbose_name = _("criterion evidence")
        verbose_name_plural = _("criterion evidence")
        ordering = ["criterion_code", "document__kind", "document__title"]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "criteria_decision", "criteria_set", "criterion_code"],
                name="one_link_per_document_and_criterion",
            )
        ]
        indexes = [
            # The score sheet and the evidence page read one product's links for its sheet.
            models.Index(
                fields=["product", "criteria_decision", "criteria_set"],
                name="evidence_links_of_sheet",
            )
        ]

    def __str__(self):
        return f"{self.criterion_code}: {self.document}"

    def clean(self):
        """The admin and any model form refuse what the evidence page refuses: a document of
        another product, or of a kind the criterion does not accept (products.evidence)."""
        from criteria import evidence, scoring

        from .evidence import check_kinds

        if not (self.document_id and self.product_id):
            return
        if self.document.product_id != self.product_id:
            raise ValidationError(
                {"document": _("This document belongs to another product.")}, code="other_product"
            )
        try:
            expected = evidence.expectations(self.criteria_decision, self.criteria_set)
        except scoring.ScoringError:
            expected = {}
        if self.criterion_code not in expected:
            raise ValidationError(
                {"criterion_code": _("This criterion is not on the sheet.")}, code="unknown"
            )
        check_kinds(self.criterion_code, expected[self.criterion_code], [self.document])
