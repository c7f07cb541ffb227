"""Areas a plan target or a sum is kept for: the province, a former district or a commune.

An area travels in URLs and forms as a short key, ``province-33``, ``former_district-231`` or
``commune-12139``, so a GET form or a link can name any of the three kinds without three
parameters. ``jurisdiction_filter`` narrows this app's scopes (ideas, support records) to the
staff's area through ``accounts.jurisdiction``, where every app's area filter lives.
"""

from dataclasses import dataclass

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accounts.jurisdiction import area_of, area_q
from accounts.models import Role
from regions.models import Commune, FormerDistrict, Province

PROVINCE = "province"
FORMER_DISTRICT = "former_district"
COMMUNE = "commune"
KINDS = (PROVINCE, FORMER_DISTRICT, COMMUNE)
KIND_LABELS = {
    PROVINCE: _("Province"),
    FORMER_DISTRICT: _("Former district"),
    COMMUNE: _("Commune"),
}
_MODELS = {PROVINCE: Province, FORMER_DISTRICT: FormerDistrict, COMMUNE: Commune}


@dataclass(frozen=True)
class Area:
    kind: str
    pk: int
    name: str = ""
    province_id: int | None = None

    @property
    def key(self) -> str:
        return f"{self.kind}-{self.pk}"

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]

    def target_fields(self) -> dict:
        """The PlanTarget foreign key naming this area, as keyword arguments."""
        return {f"{self.kind}_id": self.pk}

    @classmethod
    def of(cls, obj) -> "Area":
        if isinstance(obj, Province):
            return cls(PROVINCE, obj.pk, obj.full_name, obj.pk)
        if isinstance(obj, FormerDistrict):
            return cls(FORMER_DISTRICT, obj.pk, obj.name, obj.province_id)
        return cls(COMMUNE, obj.pk, obj.name, obj.province_id)


def parse_key(key: str | None) -> tuple[str, int] | None:
    """ "commune-12139" -> ("commune", 12139); anything malformed -> None."""
    kind, _sep, number = (key or "").rpartition("-")
    if kind not in KINDS or not number.isdigit():
        return None
    return kind, int(number)


def resolve_area(key: str | None, *, province_id: int) -> Area | None:
    """The area named by ``key`` if it lies in the province, else None."""
    parsed = parse_key(key)
    if parsed is None:
        return None
    kind, pk = parsed
    if kind == PROVINCE and pk != province_id:
        return None
    scope = {} if kind == PROVINCE else {"province_id": province_id}
    obj = _MODELS[kind].objects.filter(pk=pk, **scope).first()
    return Area.of(obj) if obj else None


# The programme's staff for a producer's file (business plans, support amounts): the officers who
# work on it and the province's leadership. Council members score dossiers; they are not staff for
# these pages, so they see no producer's plans or support (issue 19, 5b).
PROGRAMME_STAFF = frozenset(
    {Role.LOCAL_OFFICER, Role.PROVINCIAL_OFFICE, Role.APPROVER, Role.ADMINISTRATOR}
)


def jurisdiction_filter(user, commune_field: str) -> Q | None:
    """``area_q`` for the programme's staff: rows whose ``commune_field`` lies in their area.

    None means "nothing" (the user is no staff, or has no area); ``Q()`` means everything (a
    national administrator).
    """
    if user.role not in PROGRAMME_STAFF or area_of(user) is None:
        return None
    return area_q(user, commune_field)
