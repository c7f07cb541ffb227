"""Load ``regions/data/regions.json`` into the database.

Shared by migration ``0002_load_regions`` (with the historical models) and the ``load_regions``
management command (with the real ones). Rows are upserted by code, so loading twice changes
nothing and a newer data file updates names in place; rows that disappeared from the file are left
alone because other tables may point at them.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from ocop_portal.text import fold

DATA_DIR = Path(__file__).resolve().parent / "data"
DATA_FILE = DATA_DIR / "regions.json"
BATCH_SIZE = 500


@dataclass(frozen=True)
class LoadResult:
    provinces: int
    former_districts: int
    communes: int

    def __str__(self) -> str:
        return (
            f"Loaded {self.provinces} provinces, {self.former_districts} former districts, "
            f"{self.communes} communes"
        )


def read_data(path: Path | str | None = None) -> dict:
    """The parsed data file (``regions.json``, or ``regions.json.gz`` if that is what exists)."""
    path = Path(path) if path else DATA_FILE
    if not path.exists() and path.with_suffix(".json.gz").exists():
        path = path.with_suffix(".json.gz")
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        return json.load(handle)


def load_regions(apps=None, path: Path | str | None = None, using: str = "default") -> LoadResult:
    """Upsert provinces, former districts and communes; returns how many of each the file has.

    ``apps`` is an app registry (a migration's ``apps`` or ``django.apps.apps``, the default).
    """
    if apps is None:
        from django.apps import apps
    province_model = apps.get_model("regions", "Province")
    district_model = apps.get_model("regions", "FormerDistrict")
    commune_model = apps.get_model("regions", "Commune")
    data = read_data(path)

    provinces = [
        province_model(code=code, name=name, kind=kind, name_folded=fold(f"{kind} {name}"))
        for code, name, kind in data["provinces"]
    ]
    districts = [
        district_model(
            code=code,
            name=name,
            kind=kind,
            province_id=province_code,
            former_province=former_province,
            name_folded=fold(name),
        )
        for code, name, kind, province_code, former_province in data["former_districts"]
    ]

    with transaction.atomic(using=using):
        _upsert(province_model, provinces, ["code"], ["name", "kind", "name_folded"], using)
        _upsert(
            district_model,
            districts,
            ["code"],
            ["name", "kind", "province", "former_province", "name_folded"],
            using,
        )
        district_ids = dict(district_model.objects.using(using).values_list("code", "pk"))
        communes = [
            commune_model(
                code=code,
                name=name,
                kind=kind,
                province_id=province_code,
                former_district_id=district_ids.get(district_code),
                name_folded=fold(name),
            )
            for code, name, kind, province_code, district_code in data["communes"]
        ]
        _upsert(
            commune_model,
            communes,
            ["code"],
            ["name", "kind", "province", "former_district", "name_folded"],
            using,
        )
    return LoadResult(len(provinces), len(districts), len(communes))


def _upsert(model, objs, unique_fields, update_fields, using) -> None:
    model.objects.using(using).bulk_create(
        objs,
        batch_size=BATCH_SIZE,
        update_conflicts=True,
        unique_fields=unique_fields,
        update_fields=update_fields,
    )


def unload_regions(apps=None, using: str = "default") -> None:
    """Delete every area (the reverse of migration 0002)."""
    if apps is None:
        from django.apps import apps
    for name in ("Commune", "FormerDistrict", "Province"):
        apps.get_model("regions", name).objects.using(using).all().delete()
