"""What every seeding step shares: the batch size, the log line and the one random generator."""

import random
import time

BATCH = 2_000
# One generator for the whole seed, drawn in the same order on every run, so that two seeds of
# the same size hold the same names, criteria sets and scores.
rng = random.Random(2026)


def log(message: str, started: float) -> None:
    print(f"{time.monotonic() - started:7.1f}s  {message}", flush=True)
