from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvaluationsConfig(AppConfig):
    name = "evaluations"
    verbose_name = _("Evaluations")

    def ready(self):
        from . import (
            certified_changes,  # noqa: F401  (holds certified fields of products and producers)
            signing,  # noqa: F401  (registers the signing certificate check)
            working_days,  # noqa: F401  (registers the holiday calendar check)
        )
