from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo province (``manage.py seed_demo``): it builds data in every app through their
    own services, so it sits above them all."""

    name = "demo"
    verbose_name = "Demo data"
