"""The dashboard's figures as Chart.js specifications.

The page embeds them with ``json_script`` and ``static/js/dashboard.js`` draws them, so the
Content-Security-Policy needs no inline script. Colours are the script's business; each spec holds
only what Chart.js needs to know about the data, and the same figures appear in the tables.
"""

from django.utils.translation import gettext as _


def _chart(kind: str, labels: list, datasets: list[dict], **options) -> dict:
    return {"type": kind, "labels": labels, "datasets": datasets, **options}


def _single(kind: str, rows: list[dict], label_key: str, series: str, **options) -> dict:
    return _chart(
        kind,
        [str(row[label_key]) for row in rows],
        [{"label": series, "data": [row["count"] for row in rows]}],
        **options,
    )


def dashboard_charts(figures: dict) -> dict[str, dict]:
    products = _("Recognised products")
    stars = [{"label": f"{row['stars']}★", "count": row["count"]} for row in figures["by_stars"]]
    return {
        "chart-stars": _single("doughnut", stars, "label", products),
        "chart-sectors": _single("bar", figures["by_sector_totals"], "sector", products),
        "chart-areas": _single(
            "bar", figures["by_area"], "former_district", products, horizontal=True
        ),
        "chart-kinds": _single("bar", figures["by_kind"], "kind", products),
        "chart-years": _chart(
            "bar",
            [str(row["year"]) for row in figures["by_year"]],
            [
                {"label": f"{stars}★", "data": [row[stars] for row in figures["by_year"]]}
                for stars in (3, 4, 5)
            ],
            stacked=True,
        ),
        "chart-rounds": _chart(
            "bar",
            [row.round.name for row in figures["rounds"]],
            [
                {"label": str(state), "data": [row.counts[i] for row in figures["rounds"]]}
                for i, state in enumerate(figures["round_states"])
            ],
            stacked=True,
            horizontal=True,
        ),
        "chart-expiring": _single(
            "bar", figures["expiring"]["months"], "month", _("Certificates expiring")
        ),
    }
