from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from ocop_portal import limits  # noqa: F401  (registers the proxy-count deploy check)

        from . import two_factor  # noqa: F401  (the sign-in receiver)
