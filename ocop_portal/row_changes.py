"""One signal for every write through the ORM, the bulk ones included.

Django sends ``post_save`` and ``post_delete`` for a model's own ``save()`` and ``delete()``, but
nothing for ``QuerySet.update()``, ``bulk_create()`` or ``bulk_update()``. A model whose rows are
shown from a cache (the public catalogue) uses this QuerySet as its manager's, so those writes are
announced too, with ``rows_changed`` (sender: the model class), and no service has to save a row
again only to be heard. Raw SQL is not seen; a change made that way needs ``retire_cached_pages``.
"""

from django.db import models
from django.dispatch import Signal

rows_changed = Signal()


class AnnouncedQuerySet(models.QuerySet):
    def update(self, **kwargs):
        count = super().update(**kwargs)
        if count:
            rows_changed.send(sender=self.model)
        return count

    update.alters_data = True

    def bulk_create(self, objs, *args, **kwargs):
        created = super().bulk_create(objs, *args, **kwargs)
        if created:
            rows_changed.send(sender=self.model)
        return created

    bulk_create.alters_data = True

    def bulk_update(self, objs, fields, *args, **kwargs):
        count = super().bulk_update(objs, fields, *args, **kwargs)
        if count:
            rows_changed.send(sender=self.model)
        return count

    bulk_update.alters_data = True

    def delete(self):
        # Deleting rows one model's receivers listen to sends post_delete for each; a fast
        # delete (no receiver at all) would not, so say it once here as well.
        deleted, by_model = super().delete()
        if deleted:
            rows_changed.send(sender=self.model)
        return deleted, by_model

    delete.alters_data = True
    delete.queryset_only = True
