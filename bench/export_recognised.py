"""Time the export of all recognised products at national scale (a script, not a test).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ocop_bench python bench/export_recognised.py

Downloads the dashboard's "recognised products" workbook (reports:export-recognised) through
the whole request cycle, as the country's administrator (every current certificate) and as one
province's office, and prints for each the time to the first byte (the first non-empty block the
response yields, from the start of the request), the total time, the CPU time, the queries, the
rows, the size, the number of blocks, whether the response was streamed as it was written (a
StreamingHttpResponse, not a FileResponse sent from a finished file) and, from one more download
traced apart from the timed ones, the peak of Python's memory while the blocks are read and
dropped. Target (issue 21): under 5 s for the whole country, streamed. The administrator account
is made on the bench database if it is missing.
"""

import io
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import run  # first: sets the production-like environment up, then Django
from django.db import connection
from django.http import FileResponse, StreamingHttpResponse
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from accounts.models import Role, User

REPEAT = 3
TARGET_SECONDS = 5.0


def national_administrator() -> User:
    user, _ = User.objects.get_or_create(
        email="admin-country@bench.vn",
        defaults={"full_name": "Quản trị toàn quốc", "role": Role.ADMINISTRATOR, "is_staff": True},
    )
    return user


def measure(label: str, user: User) -> None:
    client = Client(SERVER_NAME="127.0.0.1", HTTP_HOST="127.0.0.1")
    client.cookies.load(run.session_cookie(user.email))  # signed in, past the second factor
    url = reverse("reports:export-recognised")
    firsts, totals, cpus, size, queries = [], [], [], 0, 0
    for _ in range(REPEAT):
        with CaptureQueriesContext(connection) as captured:
            started, cpu_started = time.perf_counter(), time.process_time()
            response = client.get(url)
            # An empty block sends nothing: the first byte leaves with the first non-empty one.
            chunks = iter(response.streaming_content)
            first = next((block for block in chunks if block), b"")
            firsts.append(time.perf_counter() - started)
            blocks = [first, *chunks]
            totals.append(time.perf_counter() - started)
            cpus.append(time.process_time() - cpu_started)
        response.close()
        body = b"".join(blocks)
        size, queries = len(body), len(captured)
    streamed = isinstance(response, StreamingHttpResponse) and not isinstance(
        response, FileResponse
    )
    sheet = load_workbook(io.BytesIO(body), read_only=True).active
    rows = sum(1 for _ in sheet.iter_rows(values_only=True)) - 3  # title, scope, headers
    total = statistics.median(totals)
    print(
        f"{label:<26} {response.status_code}  rows {rows:6}  {size / 1e6:5.1f} MB  "
        f"first byte {statistics.median(firsts):5.2f} s  total {total:5.2f} s  "
        f"cpu {statistics.median(cpus):5.2f} s  queries {queries}  "
        f"{len([b for b in blocks if b])} blocks  {'streamed' if streamed else 'NOT streamed'}  "
        f"peak memory {peak_memory(client, url) / 1e6:4.1f} MB  "
        f"{'< 5 s' if total < TARGET_SECONDS and streamed else 'TARGET MISSED'}",
        flush=True,
    )


def peak_memory(client: Client, url: str) -> int:
    """Python's peak memory over one download whose blocks are dropped as they come, as a
    server sends them on; not timed (tracing slows everything down)."""
    tracemalloc.start()
    try:
        response = client.get(url)
        for _block in response.streaming_content:
            pass
        response.close()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def main() -> None:
    measure("whole country (admin)", national_administrator())
    measure("province 33 (office)", User.objects.get(email="office33@bench.vn"))


if __name__ == "__main__":
    main()
