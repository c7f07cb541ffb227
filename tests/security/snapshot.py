"""A fingerprint of everything the portal keeps, to prove that a refused request changed nothing.

Rows of every model of the project's own apps (the areas excepted: they never change and are
thousands of rows), read through the base manager so that no default filter hides a row, each
table reduced to its row count and a SHA-256 of its rows in primary-key order.
"""

import hashlib

from django.apps import apps

PROJECT_APPS = (
    "accounts",
    "privacy",
    "once",
    "producers",
    "products",
    "evaluations",
    "catalogue",
    "programme",
    "reports",
    "duties",
    "outbox",
)


def snapshot() -> dict[str, tuple[int, str]]:
    tables = {}
    for label in PROJECT_APPS:
        for model in apps.get_app_config(label).get_models():
            rows = [
                tuple(_comparable(value) for value in row)
                for row in model._base_manager.order_by("pk").values_list()
            ]
            digest = hashlib.sha256(repr(rows).encode()).hexdigest()
            tables[model._meta.label] = (len(rows), digest)
    return tables


def _comparable(value):
    """PostgreSQL returns binary columns as memoryview, whose repr is its address: the bytes."""
    return bytes(value) if isinstance(value, memoryview) else value


def changed(before: dict, after: dict) -> list[str]:
    """The tables whose rows differ between two snapshots."""
    return sorted(
        label for label in before.keys() | after.keys() if before.get(label) != after.get(label)
    )
