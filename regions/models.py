"""Vietnam's administrative areas: the two-level structure in force since 1 July 2025.

* ``Province``: the 34 provinces and centrally-run cities (2025 codes, e.g. 33 = Hưng Yên).
* ``Commune``: the 3,321 communes (xã), wards (phường) and special zones (đặc khu).
* ``FormerDistrict``: a pre-2025 district (huyện/quận/thị xã/thành phố thuộc tỉnh), kept as a group
  of today's communes so that an officer's jurisdiction can still be "the old district of X".
  Each commune belongs to the former district that contributed most of its old communes (see
  ``scripts/generate_regions.py`` for the exact rule).

The rows are reference data loaded from ``regions/data/regions.json`` by migration 0002 and the
``load_regions`` command (``regions.loading``), which also fill the ``name_folded`` columns.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from ocop_portal.text import fold

from .collation import vietnamese_order


class AreaQuerySet(models.QuerySet):
    def search(self, text: str | None):
        """Diacritics- and case-insensitive substring search: "hung yen" finds "Hưng Yên".

        An empty query leaves the queryset unfiltered.
        """
        folded = fold(text)
        if not folded:
            return self
        return self.filter(name_folded__icontains=folded)


class CommuneQuerySet(AreaQuerySet):
    def in_province(self, province):
        """Communes of a province, given as a ``Province`` or its code."""
        return self.filter(province_id=getattr(province, "pk", province))

    def in_former_district(self, former_district):
        """Communes of a former district, given as a ``FormerDistrict`` or its primary key."""
        return self.filter(former_district_id=getattr(former_district, "pk", former_district))


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


class Province(models.Model):
    class Kind(models.TextChoices):
        PROVINCE = "tỉnh", _("province")
        CITY = "thành phố", _("centrally-run city")

    code = models.PositiveIntegerField(_("code"), primary_key=True)
    name = models.CharField(_("name"), max_length=100, help_text=_('Without the kind: "Hưng Yên".'))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    name_folded = models.CharField(_("folded name"), max_length=120, editable=False)

    objects = AreaQuerySet.as_manager()

    class Meta:
        verbose_name = _("province")
        verbose_name_plural = _("provinces")
        ordering = [vietnamese_order("name")]
        indexes = [models.Index(fields=["name_folded"], name="regions_province_folded_idx")]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        """ "Tỉnh Hưng Yên", "Thành phố Hà Nội"."""
        return f"{self.kind.capitalize()} {self.name}"

    @property
    def in_sentence(self) -> str:
        """ "tỉnh Hưng Yên": the kind is written in lower case inside a sentence or address."""
        return _lower_first(self.full_name)

    @classmethod
    def fold_name(cls, name: str, kind: str) -> str:
        """The ``name_folded`` value for a province: "tinh hung yen"."""
        return fold(f"{kind} {name}")


class FormerDistrict(models.Model):
    class Kind(models.TextChoices):
        RURAL_DISTRICT = "huyện", _("rural district")
        URBAN_DISTRICT = "quận", _("urban district")
        TOWN = "thị xã", _("district-level town")
        CITY = "thành phố", _("provincial city")

    code = models.PositiveIntegerField(_("code"), unique=True, help_text=_("Pre-2025 code."))
    name = models.CharField(
        _("name"), max_length=100, help_text=_('With the kind: "Huyện Văn Lâm".')
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    province = models.ForeignKey(
        Province,
        on_delete=models.PROTECT,
        related_name="former_districts",
        verbose_name=_("province"),
    )
    former_province = models.CharField(
        _("former province"),
        max_length=100,
        blank=True,
        help_text=_('The pre-2025 province it was in: "Tỉnh Thái Bình".'),
    )
    name_folded = models.CharField(_("folded name"), max_length=120, editable=False)

    objects = AreaQuerySet.as_manager()

    class Meta:
        verbose_name = _("former district")
        verbose_name_plural = _("former districts")
        ordering = [vietnamese_order("name")]
        indexes = [models.Index(fields=["name_folded"], name="regions_district_folded_idx")]

    def __str__(self) -> str:
        # Two merged provinces may both have had e.g. a "Huyện Châu Thành": name the old province.
        if self.former_province:
            return f"{self.name}, {_lower_first(self.former_province)}"
        return self.name

    def commune_codes(self) -> list[int]:
        """Codes of today's communes that make up this former district."""
        return list(self.communes.order_by("code").values_list("code", flat=True))

    @classmethod
    def fold_name(cls, name: str) -> str:
        return fold(name)


class Commune(models.Model):
    class Kind(models.TextChoices):
        COMMUNE = "xã", _("commune")
        WARD = "phường", _("ward")
        SPECIAL_ZONE = "đặc khu", _("special zone")

    code = models.PositiveIntegerField(_("code"), primary_key=True)
    name = models.CharField(_("name"), max_length=100, help_text=_('With the kind: "Xã Tân Hưng".'))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    province = models.ForeignKey(
        Province,
        on_delete=models.PROTECT,
        related_name="communes",
        verbose_name=_("province"),
    )
    former_district = models.ForeignKey(
        FormerDistrict,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="communes",
        verbose_name=_("former district"),
    )
    name_folded = models.CharField(_("folded name"), max_length=120, editable=False)

    objects = CommuneQuerySet.as_manager()

    class Meta:
        verbose_name = _("commune")
        verbose_name_plural = _("communes")
        ordering = [vietnamese_order("name")]
        indexes = [models.Index(fields=["name_folded"], name="regions_commune_folded_idx")]

    def __str__(self) -> str:
        """ "Xã Tân Hưng, tỉnh Hưng Yên" (use select_related("province") in lists)."""
        return f"{self.name}, {_lower_first(self.province.full_name)}"

    @classmethod
    def fold_name(cls, name: str) -> str:
        return fold(name)
