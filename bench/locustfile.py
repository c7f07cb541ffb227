"""Simulated people of every role, each with their own session (a Locust file, not a test).

Run by bench/load.py, which signs the people in, writes their sessions to $BENCH_PEOPLE (JSON)
and serves the portal with gunicorn. Each request is named "<role> <page>", and every response
time is written to $BENCH_TIMES at the end, so load.py reports percentiles per page and per role.

What each role does, with its own pauses:
- producers read their dossiers, one dossier and their products;
- local officers work through their queue, opening dossiers;
- council members keep their sheet open and autosave an answer every few seconds (a council
  session: the writes of a busy province), now and then reopening the sheet or their list;
- the provincial office reads the dashboard and the province's dossiers;
- the approver reads the results list and the dossiers;
- the public browses the catalogue, searches, opens product pages and verifies certificates.
"""

import itertools
import json
import os
import random
from pathlib import Path

from locust import HttpUser, between, events, task

PEOPLE = json.loads(Path(os.environ["BENCH_PEOPLE"]).read_text(encoding="utf-8"))
TIMES: list[tuple[str, str, float, bool]] = []  # role, page, ms, failed
_next = {role: itertools.cycle(people) for role, people in PEOPLE["people"].items()}
URLS = PEOPLE["urls"]
# 1 keeps each role's pauses as written; 0 asks without pause (the server's ceiling for the mix).
PAUSE_SCALE = float(os.environ.get("BENCH_PAUSE_SCALE", "1"))


def pause(shortest: float, longest: float):
    return between(shortest * PAUSE_SCALE, longest * PAUSE_SCALE)


@events.request.add_listener
def _record(name, response_time, exception, response=None, **_kwargs):
    role, _, page = name.partition(" ")
    failed = exception is not None or (response is not None and response.status_code >= 400)
    TIMES.append((role, page, response_time, failed))


@events.quitting.add_listener
def _write(environment, **_kwargs):
    with open(os.environ["BENCH_TIMES"], "w", encoding="utf-8") as out:
        json.dump(TIMES, out)


class Person(HttpUser):
    abstract = True
    role = ""

    def on_start(self):
        self.me = next(_next[self.role])
        self.client.cookies.update(self.me["cookies"])

    def get(self, page, url, **kwargs):
        with self.client.get(url, name=f"{self.role} {page}", catch_response=True, **kwargs) as r:
            if r.status_code != 200:
                r.failure(f"{r.status_code} for {url}")

    def post(self, page, url, data, **kwargs):
        headers = {"X-CSRFToken": self.me["cookies"]["csrftoken"], **kwargs.pop("headers", {})}
        with self.client.post(
            url, data=data, headers=headers, name=f"{self.role} {page}", catch_response=True
        ) as r:
            if r.status_code != 200:
                r.failure(f"{r.status_code} for {url}")


class Producer(Person):
    weight = 3
    role = "producer"
    wait_time = pause(3, 8)

    @task(3)
    def my_dossiers(self):
        self.get("my dossiers", URLS["my_dossiers"])

    @task(2)
    def dossier(self):
        self.get("dossier", random.choice(self.me["dossiers"]))

    @task(1)
    def products(self):
        self.get("my products", URLS["my_products"])


class Officer(Person):
    weight = 3
    role = "officer"
    wait_time = pause(2, 6)

    @task(3)
    def queue(self):
        self.get("queue", URLS["queue"])

    @task(3)
    def dossier(self):
        self.get("dossier", random.choice(self.me["dossiers"]))


class CouncilMember(Person):
    weight = 5
    role = "member"
    wait_time = pause(2, 5)  # an answer every few seconds during a session

    def on_start(self):
        super().on_start()
        self.get("sheet", self.me["sheet"])

    @task(8)
    def autosave(self):
        code, options = random.choice(self.me["criteria"])
        self.post(
            "autosave",
            self.me["autosave"],
            {code: str(random.randrange(options))},
            headers={"HX-Request": "true"},
        )

    @task(2)
    def sheet(self):
        self.get("sheet", self.me["sheet"])

    @task(1)
    def my_sheets(self):
        self.get("my sheets", URLS["my_sheets"])


class Office(Person):
    weight = 1
    role = "office"
    wait_time = pause(3, 8)

    @task(2)
    def dashboard(self):
        self.get("dashboard", URLS["dashboard"])

    @task(3)
    def dossiers(self):
        self.get("province dossiers", URLS["province_dossiers"])


class Approver(Person):
    weight = 1
    role = "approver"
    wait_time = pause(3, 8)

    @task(3)
    def results(self):
        self.get("results admin", URLS["results_admin"])

    @task(1)
    def dossiers(self):
        self.get("province dossiers", URLS["province_dossiers"])

    @task(1)
    def dossier(self):
        self.get("dossier", random.choice(self.me["dossiers"]))


class Public(Person):
    weight = 3
    role = "public"
    wait_time = pause(1, 4)

    @task(3)
    def catalogue(self):
        self.get("catalogue", URLS["catalogue"])

    @task(2)
    def search(self):
        self.get("catalogue search", URLS["catalogue"] + "?q=" + random.choice(PEOPLE["words"]))

    @task(3)
    def product(self):
        self.get("product page", random.choice(PEOPLE["products"]))

    @task(1)
    def verify(self):
        self.get("verification page", random.choice(PEOPLE["verifications"]))

    @task(1)
    def home(self):
        self.get("home", "/")


class Healthz(HttpUser):
    """Only in the second phase of load.py (named on its command line): /healthz's throughput
    on the same server, with as many users asking without pause."""

    wait_time = between(0, 0)

    @task
    def healthz(self):
        self.client.get("/healthz", name="health healthz")
