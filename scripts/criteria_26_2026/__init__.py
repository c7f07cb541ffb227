"""The builder of the Decision 26/2026 criteria catalogue; run it with
``scripts/build_criteria_26_2026.py``."""
