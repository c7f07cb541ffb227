from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class CatalogueConfig(AppConfig):
    name = "catalogue"
    verbose_name = _("Public catalogue")

    def ready(self):
        from evaluations.models import Certificate
        from producers.models import Producer
        from products.models import Product, ProductPhoto
        from programme.models import EventParticipation, PlanTarget, SalesPoint, TradeEvent

        from . import public_cache

        for model in (
            Certificate,
            Product,
            ProductPhoto,
            Producer,
            SalesPoint,
            TradeEvent,
            EventParticipation,
            PlanTarget,  # the home page's targets
        ):
            post_save.connect(public_cache.changed, sender=model, dispatch_uid=f"catalogue-{model}")
            post_delete.connect(
                public_cache.changed, sender=model, dispatch_uid=f"catalogue-del-{model}"
            )
