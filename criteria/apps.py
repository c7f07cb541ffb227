from django.apps import AppConfig


class CriteriaConfig(AppConfig):
    """The criteria of the decision in force, as data and plain Python (no models, so nothing in
    the admin): scoring, the sheets' notes, the evidence each criterion expects. Every app above
    may read it; it reads none of them."""

    name = "criteria"
