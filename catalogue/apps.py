from django.apps import AppConfig
from django.core.exceptions import ImproperlyConfigured
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class CatalogueConfig(AppConfig):
    name = "catalogue"
    verbose_name = _("Public catalogue")

    def ready(self):
        from certificates.models import Certificate
        from ocop_portal.row_changes import AnnouncedQuerySet, rows_changed
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
            if not issubclass(model._default_manager._queryset_class, AnnouncedQuerySet):
                # Its queryset updates and bulk writes would leave stale catalogue pages.
                raise ImproperlyConfigured(f"{model.__name__}'s QuerySet must announce its writes")
            post_save.connect(public_cache.changed, sender=model, dispatch_uid=f"catalogue-{model}")
            post_delete.connect(
                public_cache.changed, sender=model, dispatch_uid=f"catalogue-del-{model}"
            )
            # Queryset updates and bulk writes (their QuerySet is ocop_portal.row_changes').
            rows_changed.connect(
                public_cache.changed, sender=model, dispatch_uid=f"catalogue-rows-{model}"
            )
