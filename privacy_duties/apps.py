from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyDutiesConfig(AppConfig):
    name = "privacy_duties"
    verbose_name = _("Personal data duties")
