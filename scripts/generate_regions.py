"""Generate ``regions/data/regions.json`` from the ``vietnam-provinces`` package.

The portal itself runs on Python 3.11 and never imports ``vietnam-provinces``; this script is run
by hand, under Python 3.12+, whenever the administrative data needs refreshing, and its output is
committed. How to run it (from the repository root)::

    python3.12 -m venv /tmp/vp312
    /tmp/vp312/bin/pip install "vietnam-provinces>=2026,<2027"
    /tmp/vp312/bin/python scripts/generate_regions.py          # writes regions/data/regions.json
    .venv/bin/python manage.py load_regions                    # refreshes an existing database

What it writes (compact JSON, one record per line so that diffs stay readable)::

    {"source": "...", "effective_date": "2025-07-01",
     "provinces": [[code, name, kind], ...],
     "former_districts": [[code, name, kind, province_code, former_province_name], ...],
     "communes": [[code, name, kind, province_code, former_district_code], ...]}

* provinces: the 34 provinces/centrally-run cities in force since 1 July 2025. ``name`` is the
  short name ("Hưng Yên"), ``kind`` is "tỉnh" or "thành phố".
* communes: the 3,321 communes (xã), wards (phường) and special zones (đặc khu) of the two-level
  structure. ``name`` is the full name as the data gives it ("Xã Tân Hưng").
* former_districts: the 696 pre-2025 districts (huyện/quận/thị xã/thành phố thuộc tỉnh), full
  name ("Huyện Văn Lâm"), plus the name of the pre-2025 province they were in.

The rules that link the two structures (the 2025 reform merged old communes into new ones, some
old communes being split across several new ones, so there is no exact containment):

* A new commune belongs to the former district that contributed the most distinct old
  wards/communes to it, counting partly merged old units as well; ties go to the lowest district
  code. The five island special zones that were districts without communes before 2025 (Bạch Long
  Vĩ, Cồn Cỏ, Hoàng Sa, Lý Sơn, Côn Đảo) belong to that former island district.
* A former district belongs to the new province that now contains most of its old
  wards/communes (ties: lowest province code). With the 2025 data every former district lies in
  exactly one new province, and every commune's former district is in the commune's province;
  the script checks both and stops if that ever changes.
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

import vietnam_provinces
from vietnam_provinces import Province, Ward
from vietnam_provinces import _province_conversion_2025 as province_conversion
from vietnam_provinces import _ward_conversion_2025 as ward_conversion
from vietnam_provinces.legacy._lookup import DISTRICT_MAPPING as LEGACY_DISTRICTS
from vietnam_provinces.legacy._lookup import PROVINCE_MAPPING as LEGACY_PROVINCES

OUTPUT = Path(__file__).resolve().parent.parent / "regions" / "data" / "regions.json"

PROVINCE_KINDS = {"tỉnh": "tỉnh", "thành phố trung ương": "thành phố"}
PROVINCE_PREFIXES = ("Thành phố ", "Tỉnh ")


def short_province_name(full_name: str) -> str:
    for prefix in PROVINCE_PREFIXES:
        if full_name.startswith(prefix):
            return full_name.removeprefix(prefix)
    raise ValueError(f"Unexpected province name {full_name!r}")


def strip_kind(name: str) -> str:
    """'Đặc khu Côn Đảo' / 'Huyện Côn Đảo' -> 'Côn Đảo'."""
    for prefix in ("Đặc khu ", "Huyện ", "Quận ", "Thị xã ", "Thành phố "):
        if name.startswith(prefix):
            return name.removeprefix(prefix)
    return name


def lowest_of_most(counter: Counter) -> int:
    """The key with the highest count; ties go to the lowest key."""
    return min(counter, key=lambda key: (-counter[key], key))


def build() -> dict:
    provinces = sorted(Province.iter_all(), key=lambda p: p.code.value)
    wards = sorted(Ward.iter_all(), key=lambda w: w.code.value)

    # Former district -> new province, by where its old wards went.
    district_provinces: dict[int, Counter] = defaultdict(Counter)
    for entry in ward_conversion.OLD_TO_NEW.values():
        for new in entry.new_wards:
            district_provinces[entry.old_ward.district_code][new.province_code] += 1

    # New commune -> former district that contributed the most distinct old units.
    commune_district: dict[int, int] = {}
    orphans = []
    for ward in wards:
        entry = ward_conversion.NEW_TO_OLD.get(ward.code.value)
        if entry is None:
            orphans.append(ward)
            continue
        old_units = {old.code: old.district_code for old in entry.old_wards}
        commune_district[ward.code.value] = lowest_of_most(Counter(old_units.values()))

    # Island districts without communes became special zones; match them by name and province.
    old_province_to_new = {
        old: tuple(ref.code for ref in entry.new_provinces)
        for old, entry in province_conversion.OLD_TO_NEW.items()
    }
    communeless = [code for code in LEGACY_DISTRICTS if code not in district_provinces]
    for ward in orphans:
        matches = [
            code
            for code in communeless
            if strip_kind(LEGACY_DISTRICTS[code].name) == strip_kind(ward.name)
            and ward.province_code.value
            in old_province_to_new[LEGACY_DISTRICTS[code].province_code.value]
        ]
        if len(matches) != 1:
            raise SystemExit(f"No single former district for {ward.name}: {matches}")
        commune_district[ward.code.value] = matches[0]
        district_provinces[matches[0]][ward.province_code.value] += 1

    district_province = {code: lowest_of_most(c) for code, c in district_provinces.items()}
    spanning = {code: dict(c) for code, c in district_provinces.items() if len(c) > 1}
    if spanning:
        print(f"note: {len(spanning)} former districts span provinces: {spanning}", file=sys.stderr)
    for ward in wards:
        district = commune_district[ward.code.value]
        if district_province[district] != ward.province_code.value:
            raise SystemExit(f"{ward.name} and its former district are in different provinces")

    used_districts = sorted(set(commune_district.values()))
    return {
        "source": (
            f"vietnam-provinces {vietnam_provinces.__version__} "
            f"(data {vietnam_provinces.__data_version__})"
        ),
        "effective_date": ward_conversion.EFFECTIVE_DATE,
        "provinces": [
            [p.code.value, short_province_name(p.name), PROVINCE_KINDS[p.division_type.value]]
            for p in provinces
        ],
        "former_districts": [
            [
                code,
                LEGACY_DISTRICTS[code].name,
                LEGACY_DISTRICTS[code].division_type.value,
                district_province[code],
                LEGACY_PROVINCES[LEGACY_DISTRICTS[code].province_code.value].name,
            ]
            for code in used_districts
        ],
        "communes": [
            [
                w.code.value,
                w.name,
                w.division_type.value,
                w.province_code.value,
                commune_district[w.code.value],
            ]
            for w in wards
        ],
    }


def dump(data: dict) -> str:
    """Compact JSON with one record per line."""

    def compact(value) -> str:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))

    parts = []
    for key, value in data.items():
        if isinstance(value, list):
            rows = ",\n".join(compact(row) for row in value)
            parts.append(f"{compact(key)}:[\n{rows}\n]")
        else:
            parts.append(f"{compact(key)}:{compact(value)}")
    return "{\n" + ",\n".join(parts) + "\n}\n"


def main() -> None:
    data = build()
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(dump(data), encoding="utf-8")
    print(
        f"Wrote {OUTPUT}: {len(data['provinces'])} provinces, "
        f"{len(data['former_districts'])} former districts, {len(data['communes'])} communes "
        f"({OUTPUT.stat().st_size:,} bytes) from {data['source']}"
    )


if __name__ == "__main__":
    main()
