"""Seed national-scale data for the benchmark (a script, not a test).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ocop_bench python bench/seed_national.py

About 20,000 producers and products spread over all 3,321 communes, four rounds a year for two
years in every province (136 rounds), 40,000 dossiers (a 2025 first evaluation and a 2026
re-evaluation or upgrade per product), a five-member council per round, five score sheets per
scored dossier, council results, about 20,000 certificates and the audit trail. Bulk inserts;
takes a few minutes on PostgreSQL. Refuses to run on a database that already has producers.
"""

import datetime
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ocop_portal.settings")
os.environ.setdefault("DEBUG", "1")

import django

django.setup()

from django.contrib.auth.hashers import make_password  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from accounts.models import Role, User  # noqa: E402
from criteria import scoring  # noqa: E402
from evaluations.models import (  # noqa: E402
    Certificate,
    Council,
    CouncilMember,
    CouncilResult,
    CouncilRole,
    Dossier,
    DossierEvent,
    DossierKind,
    DossierState,
    Round,
    RoundState,
    ScoreSheet,
)
from evaluations.models.certificate import add_months  # noqa: E402
from evaluations.transitions.core import LOCKING_STATES  # noqa: E402
from ocop_portal.text import fold  # noqa: E402
from producers.models import Gender, Producer, ProducerKind  # noqa: E402
from products.models import Product  # noqa: E402
from regions.models import Commune, Province  # noqa: E402

PRODUCERS = int(os.environ.get("BENCH_PRODUCERS", 20_000))
BATCH = 2_000
PASSWORD = "bench-ocop-2026"
WORDS = [
    "Mật ong",
    "Nhãn lồng",
    "Tương",
    "Gạo nếp",
    "Chè",
    "Nước mắm",
    "Bánh",
    "Rượu",
    "Miến",
    "Cà phê",
    "Hoa",
    "Cây cảnh",
    "Chiếu cói",
    "Gà",
    "Vải thiều",
    "Bưởi",
    "Cam",
    "Tinh dầu",
]
PLACES = [
    "Hưng Yên",
    "Thái Bình",
    "Văn Giang",
    "Kim Động",
    "Tiên Lữ",
    "Sơn La",
    "Mộc Châu",
    "Tân Hưng",
    "Đông Tảo",
    "Phù Cừ",
    "Hải Hậu",
    "Lục Ngạn",
    "Bến Tre",
    "Cao Phong",
]
rng = random.Random(2026)


# The audit trail that leads to each seeded state: the fault experiments check that every
# dossier's state is the last audit row's, as the transitions guarantee.
TRAIL = [
    ("submit", "draft", "submitted"),
    ("accept", "submitted", "accepted"),
    ("forward", "accepted", "forwarded"),
    ("assign", "forwarded", "in_scoring"),
    ("close_scoring", "in_scoring", "scored"),
    ("approve", "scored", "approved"),
]


def audit_trail(dossier) -> list:
    if dossier.state == "returned":
        steps = [TRAIL[0], ("return", "submitted", "returned")]
    else:
        ends = [to_state for _action, _from, to_state in TRAIL]
        steps = TRAIL[: ends.index(dossier.state) + 1] if dossier.state in ends else TRAIL[:1]
    return [
        DossierEvent(dossier=dossier, action=action, from_state=source, to_state=target)
        for action, source, target in steps
    ]


def log(message: str, started: float) -> None:
    print(f"{time.monotonic() - started:7.1f}s  {message}", flush=True)


def best_and_varied_sheet(criteria_set, quality: float) -> dict[str, str]:
    """A sheet whose choice per criterion leans to the best option with probability `quality`."""
    points = {}
    for criterion in criteria_set.leaf_criteria():
        options = sorted(criterion.options, key=lambda option: option.points)
        index = min(len(options) - 1, int(rng.random() ** (1 - quality) * len(options)))
        points[criterion.code] = str(options[index].points)
    return points


def main() -> None:
    started = time.monotonic()
    if Producer.objects.exists():
        sys.exit("This database already has producers: use an empty one for the benchmark.")
    sets = {n: scoring.load_criteria_set("26/2026", n) for n in range(1, 27)}
    communes = list(Commune.objects.values_list("pk", "province_id", "name"))
    provinces = list(Province.objects.values_list("pk", flat=True))
    password = make_password(PASSWORD)

    with transaction.atomic():
        staff = []
        for code in provinces:
            staff.append(
                User(
                    email=f"office{code}@bench.vn",
                    full_name=f"Văn phòng OCOP {code}",
                    role=Role.PROVINCIAL_OFFICE,
                    province_id=code,
                    is_staff=True,
                    password=password,
                )
            )
            staff.append(
                User(
                    email=f"approver{code}@bench.vn",
                    full_name=f"Lãnh đạo {code}",
                    role=Role.APPROVER,
                    province_id=code,
                    is_staff=True,
                    password=password,
                )
            )
            for seat in range(5):
                staff.append(
                    User(
                        email=f"council{code}-{seat}@bench.vn",
                        full_name=f"Thành viên {seat} tỉnh {code}",
                        role=Role.COUNCIL_MEMBER,
                        province_id=code,
                        password=password,
                    )
                )
        User.objects.bulk_create(staff, batch_size=BATCH)
        hung_yen_commune = next(pk for pk, province, _ in communes if province == 33)
        User.objects.create(
            email="officer@bench.vn",
            full_name="Cán bộ xã",
            password=password,
            role=Role.LOCAL_OFFICER,
            jurisdiction_commune_id=hung_yen_commune,
        )
        members = {}
        for user in User.objects.filter(role=Role.COUNCIL_MEMBER).order_by("email"):
            members.setdefault(user.province_id, []).append(user)
        approvers = {u.province_id: u for u in User.objects.filter(role=Role.APPROVER)}
        log(f"{User.objects.count()} staff accounts", started)

        kinds = list(ProducerKind.values)
        producers = []
        for index in range(PRODUCERS):
            commune_id, _province, commune_name = communes[index % len(communes)]
            name = f"HTX {rng.choice(WORDS)} {commune_name} {index}"
            producers.append(
                Producer(
                    kind=kinds[index % len(kinds)],
                    name=name,
                    name_folded=fold(name),
                    tax_code=f"{1_000_000_000 + index}",
                    registration_date=datetime.date(2015, 1, 1),
                    commune_id=commune_id,
                    phone="0912345678",
                    representative_name="Đại diện",
                    representative_gender=Gender.FEMALE if index % 2 else Gender.MALE,
                    local_labour_share=70,
                    workers=10,
                )
            )
        Producer.objects.bulk_create(producers, batch_size=BATCH)
        producers = list(Producer.objects.values_list("pk", "commune_id", "commune__province_id"))
        products = []
        for pk, _commune, _province in producers:
            name = f"{rng.choice(WORDS)} {rng.choice(PLACES)} {pk}"
            products.append(
                Product(
                    producer_id=pk,
                    name=name,
                    name_folded=fold(name),
                    criteria_set=rng.randint(1, 26),
                    description="Đặc sản.",
                )
            )
        Product.objects.bulk_create(products, batch_size=BATCH)
        products = list(
            Product.objects.values_list(
                "pk",
                "criteria_set",
                "producer__commune_id",
                "producer__commune__province_id",
                "name",
            )
        )
        log(f"{len(producers)} producers, {len(products)} products", started)

        rounds, councils = {}, {}
        for code in provinces:
            for year in (2025, 2026):
                for number in (1, 2):
                    opens = datetime.date(year, 3 if number == 1 else 8, 1)
                    rounds[(code, year, number)] = Round(
                        province_id=code,
                        name=f"Đợt {number} năm {year}",
                        year=year,
                        number=number,
                        opens_on=opens,
                        local_cutoff_on=opens + datetime.timedelta(days=45),
                        council_meeting_on=opens + datetime.timedelta(days=60),
                        closes_on=opens + datetime.timedelta(days=90),
                        state=RoundState.CLOSED if year == 2025 else RoundState.COUNCIL,
                    )
        Round.objects.bulk_create(rounds.values(), batch_size=BATCH)
        for round_ in rounds.values():
            councils[round_.pk] = Council(round=round_, name=f"Hội đồng {round_.name}")
        Council.objects.bulk_create(councils.values(), batch_size=BATCH)
        seats = []
        for round_ in rounds.values():
            for seat, user in enumerate(members[round_.province_id]):
                role = (
                    [CouncilRole.CHAIR, CouncilRole.SECRETARY][seat]
                    if seat < 2
                    else CouncilRole.MEMBER
                )
                seats.append(CouncilMember(council=councils[round_.pk], user=user, role=role))
        CouncilMember.objects.bulk_create(seats, batch_size=BATCH)
        log(f"{len(rounds)} rounds with councils", started)

        now = timezone.now()
        dossiers, plans = [], []
        later_states = [
            DossierState.SUBMITTED,
            DossierState.RETURNED,
            DossierState.ACCEPTED,
            DossierState.FORWARDED,
            DossierState.IN_SCORING,
            DossierState.SCORED,
            DossierState.APPROVED,
        ]
        for index, (pk, criteria_set, _commune, province, _name) in enumerate(products):
            number = 1 + index % 2
            first = rounds[(province, 2025, number)]
            second = rounds[(province, 2026, number)]
            dossiers.append(
                Dossier(
                    round=first,
                    product_id=pk,
                    kind=DossierKind.FIRST,
                    state=DossierState.APPROVED,
                    revision=1,
                    submitted_at=now,
                    council=councils[first.pk],
                )
            )
            state = later_states[index % len(later_states)]
            dossiers.append(
                Dossier(
                    round=second,
                    product_id=pk,
                    kind=DossierKind.UPGRADE if index % 3 else DossierKind.RE_EVALUATION,
                    state=state,
                    revision=1,
                    submitted_at=now,
                    council=councils[second.pk]
                    if state in DossierState.AT_PROVINCE | {DossierState.APPROVED}
                    else None,
                )
            )
            plans.append((criteria_set, province))
        Dossier.objects.bulk_create(dossiers, batch_size=BATCH)
        # The lock the transitions would have written on the products under review.
        Product.objects.bulk_update(
            [
                Product(pk=dossier.product_id, locked_by_dossier_id=dossier.pk)
                for dossier in dossiers
                if dossier.state in LOCKING_STATES
            ],
            ["locked_by_dossier"],
            batch_size=BATCH,
        )
        log(f"{len(dossiers)} dossiers", started)

        sheets, results, events, certificates = [], [], [], []
        scored = {DossierState.SCORED, DossierState.APPROVED}
        sequence = {}
        for index, dossier in enumerate(dossiers):
            criteria_set, province = plans[index // 2]
            events += audit_trail(dossier)
            if dossier.state in (DossierState.SUBMITTED, DossierState.RETURNED):
                continue
            if dossier.state not in scored and dossier.state != DossierState.IN_SCORING:
                continue
            quality = rng.uniform(0.3, 0.95)
            member_sheets = [best_and_varied_sheet(sets[criteria_set], quality) for _ in range(5)]
            for seat, points in enumerate(member_sheets):
                total = scoring.score(sets[criteria_set], points).total
                sheets.append(
                    ScoreSheet(
                        dossier=dossier,
                        member=members[province][seat],
                        points_by_code=points,
                        total=total,
                        submitted_at=now,
                    )
                )
            if dossier.state not in scored:
                continue
            outcome = scoring.council_result(sets[criteria_set], member_sheets)
            stars = (
                max(3, min(outcome.stars, 4))
                if dossier.state == DossierState.APPROVED
                else outcome.stars
            )
            results.append(
                CouncilResult(
                    dossier=dossier,
                    average=outcome.total,
                    stars=stars,
                    band_stars=outcome.band_stars,
                    member_totals={str(k): str(v) for k, v in enumerate(outcome.member_totals)},
                    spread=outcome.spread,
                    spread_exceeded=outcome.spread_exceeded,
                    closed_by=members[province][0],
                    decision_number=f"{index}/QĐ-UBND",
                    decision_date=datetime.date(dossier.round.year, 11, 1),
                )
            )
            if dossier.state == DossierState.APPROVED:
                year = dossier.round.year
                key = (province, year)
                sequence[key] = sequence.get(key, 0) + 1
                product_pk, _set, commune, _province, name = products[index // 2]
                decided = datetime.date(year, 11, 1)
                certificates.append(
                    Certificate(
                        dossier=dossier,
                        product_id=product_pk,
                        number=f"OCOP-{province}-{year}-{sequence[key]:05d}",
                        product_code=f"{province}-{commune}-{index // 2:03d}-{year}",
                        stars=stars,
                        average=outcome.total,
                        decision_number=f"{index}/QĐ-UBND",
                        decision_date=decided,
                        valid_until=add_months(decided, 36),
                        issued_by=approvers[province],
                        search_text=fold(name),
                    )
                )
            if len(sheets) > 20_000:
                ScoreSheet.objects.bulk_create(sheets, batch_size=BATCH)
                sheets = []
        ScoreSheet.objects.bulk_create(sheets, batch_size=BATCH)
        CouncilResult.objects.bulk_create(results, batch_size=BATCH)
        DossierEvent.objects.bulk_create(events, batch_size=BATCH)
        Certificate.objects.bulk_create(certificates, batch_size=BATCH)
        log(
            f"{ScoreSheet.objects.count()} score sheets, {len(results)} results, "
            f"{len(certificates)} certificates, {len(events)} events",
            started,
        )

        # A 2026 upgrade replaces the 2025 recognition of the same product.
        latest = dict(
            Certificate.objects.filter(dossier__round__year=2026).values_list("product_id", "pk")
        )
        replaced = list(
            Certificate.objects.filter(dossier__round__year=2025, product_id__in=latest)
        )
        for certificate in replaced:
            certificate.replaced_by_id = latest[certificate.product_id]
        Certificate.objects.bulk_update(replaced, ["replaced_by"], batch_size=BATCH)
    # Bulk loads leave the planner without statistics until autovacuum comes by; the benchmark
    # should measure the plans production has.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
        # The settings deploy/README.md recommends for a production server on SSD.
        name = connection.settings_dict["NAME"]
        cursor.execute(f'ALTER DATABASE "{name}" SET random_page_cost = 1.1')
        cursor.execute(f"ALTER DATABASE \"{name}\" SET effective_cache_size = '4GB'")
    log("done; every bench account's password is " + PASSWORD, started)


if __name__ == "__main__":
    main()
