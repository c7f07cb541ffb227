from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvaluationsConfig(AppConfig):
    name = "evaluations"
    verbose_name = _("Evaluations")

    def ready(self):
        from . import (
            certified_changes,  # noqa: F401  (holds certified fields of products and producers)
            services,  # noqa: F401  (records product changes on the dossiers' timelines)
            signing,  # noqa: F401  (registers the signing certificate check)
            working_days,  # noqa: F401  (registers the holiday calendar check)
        )
