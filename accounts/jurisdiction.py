"""The one translation of an official's area into queries (issue 17, one place per rule).

A local officer answers for one commune or one former district; a provincial role (office,
council member, approver, administrator) for the province they serve; an administrator with no
province for the whole country. Everyone else has no area. Every list, export, report and
notification that narrows rows to "this official's area" asks ``area_q``; the ones that ask the
other way round ("who answers for this commune?") ask ``covering_q``; the single-object test is
``covers``. Callers still decide which roles may use a page at all: this module only says where.
"""

from collections.abc import Iterable

from django.db.models import Q

from .models import PROVINCIAL_ROLES, Role

COUNTRY, PROVINCE, FORMER_DISTRICT, COMMUNE = "country", "province", "former_district", "commune"

# Matches no row: Django answers it without a query.
NOTHING = Q(pk__in=[])


def area_of(user) -> tuple[str, int | None] | None:
    """The area ``user`` answers for as an official, as (kind, pk); None when they have none."""
    if not user.is_authenticated:
        return None
    if user.role == Role.LOCAL_OFFICER:
        if user.jurisdiction_commune_id:
            return COMMUNE, user.jurisdiction_commune_id
        if user.jurisdiction_district_id:
            return FORMER_DISTRICT, user.jurisdiction_district_id
        return None
    if user.is_national_administrator:
        return COUNTRY, None
    if user.role in PROVINCIAL_ROLES and user.province_id:
        return PROVINCE, user.province_id
    return None


def _path(prefix: str, field: str) -> str:
    return f"{prefix}__{field}" if prefix else field


def area_q(user, prefix: str = "", *, province: str | None = None) -> Q:
    """A filter keeping rows whose commune lies in ``user``'s area.

    ``prefix`` is the path from the filtered model to a Commune ("" for Commune itself,
    "product__producer__commune" for a dossier). ``province`` is the path to the province a row
    belongs to when it records one of its own (a dossier belongs to its round's province, not
    to wherever its producer has moved since): by default the commune's.
    """
    area = area_of(user)
    if area is None:
        return NOTHING
    kind, pk = area
    if kind == COUNTRY:
        return Q()
    if kind == COMMUNE:
        return Q(**{_path(prefix, "pk"): pk})
    if kind == FORMER_DISTRICT:
        return Q(**{_path(prefix, "former_district_id"): pk})
    province_path = province or _path(prefix, "province")
    return Q(**{f"{province_path}_id": pk})


def covers(user, commune) -> bool:
    """Whether ``commune`` lies inside ``user``'s area: ``area_q`` for one object, no query."""
    area = area_of(user)
    if commune is None or area is None:
        return False
    kind, pk = area
    if kind == COUNTRY:
        return True
    if kind == COMMUNE:
        return commune.pk == pk
    if kind == FORMER_DISTRICT:
        return commune.former_district_id == pk
    return commune.province_id == pk


def covering_q(communes: Iterable) -> Q:
    """A filter on users keeping those whose area holds any of ``communes`` (the reverse of
    ``area_q``: who answers for a producer's commune)."""
    communes = list(communes)
    if not communes:
        return NOTHING
    districts = {c.former_district_id for c in communes} - {None}
    local = Q(role=Role.LOCAL_OFFICER) & (
        Q(jurisdiction_commune_id__in={c.pk for c in communes})
        | Q(jurisdiction_district_id__in=districts)
    )
    provincial = Q(role__in=PROVINCIAL_ROLES, province_id__in={c.province_id for c in communes})
    national = Q(role=Role.ADMINISTRATOR, province__isnull=True)
    return local | provincial | national


def province_of(user) -> int | None:
    """The province whose programme ``user`` works in (a local officer's through their area)."""
    if not user.is_authenticated:
        return None
    if user.role == Role.LOCAL_OFFICER:
        area = user.jurisdiction_commune or user.jurisdiction_district
        return area.province_id if area else None
    return user.province_id
