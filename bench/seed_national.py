"""Seed national-scale data for the benchmark (a script, not a test).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ocop_bench python bench/seed_national.py

About 20,000 producers and products spread over all 3,321 communes, two rounds a year for two
years in every province (136 rounds), 40,000 dossiers (a 2025 first evaluation and a 2026
re-evaluation or upgrade per product), a five-member council per round, five score sheets per
scored dossier, council results, about 20,000 certificates and the audit trail. Bulk inserts;
takes a few minutes on PostgreSQL. Refuses to run on a database that already has producers.

The seeding is split by what it seeds, in bench/national_seed/: people (staff, producers,
products), rounds (rounds, councils, dossiers) and results (audit trail, score sheets, council
results, certificates). BENCH_PRODUCERS sets a smaller size.
"""

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ocop_portal.settings")
os.environ.setdefault("DEBUG", "1")

import django

django.setup()

# The seeding modules import the models, so they come after django.setup(); they are found in
# this file's folder, which Python puts on sys.path when the script runs.
from django.contrib.auth.hashers import make_password  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402
from national_seed.common import log  # noqa: E402
from national_seed.people import seed_producers_and_products, seed_staff  # noqa: E402
from national_seed.results import replace_upgraded_certificates, seed_outcomes  # noqa: E402
from national_seed.rounds import seed_dossiers, seed_rounds_and_councils  # noqa: E402

from accounts.models import User  # noqa: E402
from councils.models import ScoreSheet  # noqa: E402
from criteria import scoring  # noqa: E402
from producers.models import Producer  # noqa: E402
from regions.models import Commune, Province  # noqa: E402

PASSWORD = "bench-ocop-2026"


def main() -> None:
    started = time.monotonic()
    if Producer.objects.exists():
        sys.exit("This database already has producers: use an empty one for the benchmark.")
    sets = {n: scoring.load_criteria_set("26/2026", n) for n in range(1, 27)}
    communes = list(Commune.objects.values_list("pk", "province_id", "name"))
    provinces = list(Province.objects.values_list("pk", flat=True))
    password = make_password(PASSWORD)

    with transaction.atomic():
        members, approvers = seed_staff(provinces, communes, password)
        log(f"{User.objects.count()} staff accounts", started)
        products = seed_producers_and_products(communes)
        log(f"{Producer.objects.count()} producers, {len(products)} products", started)
        rounds, councils = seed_rounds_and_councils(provinces, members)
        log(f"{len(rounds)} rounds with councils", started)
        now = timezone.now()
        dossiers, plans = seed_dossiers(products, rounds, councils, now)
        log(f"{len(dossiers)} dossiers", started)
        results, certificates, events = seed_outcomes(
            dossiers=dossiers,
            plans=plans,
            products=products,
            sets=sets,
            members=members,
            approvers=approvers,
            now=now,
        )
        log(
            f"{ScoreSheet.objects.count()} score sheets, {results} results, "
            f"{certificates} certificates, {events} events",
            started,
        )
        replace_upgraded_certificates()
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
