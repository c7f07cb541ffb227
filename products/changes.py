"""A product's content changed: the one call products and producers make, told to whoever keeps
a history of it.

The history shown on a dossier's timeline lives with the dossiers (evaluations records an
``edit`` event on each dossier already submitted and not finished); products may not import it,
so the services call ``record_product_change``, which sends ``product_changed`` inside their
transaction, and evaluations listens. A receiver that raises undoes the change.
"""

from django.dispatch import Signal, receiver

from producers.signals import profile_changed

# Arguments: product, by (the user), what (a sentence for the timeline), data (a JSON dict).
product_changed = Signal()


def record_product_change(product, *, by, what: str, data: dict | None = None) -> None:
    """Tell the history keepers that ``by`` changed ``product`` (``what``: shown as is)."""
    product_changed.send(sender=type(product), product=product, by=by, what=what, data=data)


@receiver(profile_changed, dispatch_uid="products.changes.profile_changed")
def _producer_profile_changed(sender, *, producer, by, what, data, **kwargs):
    """A producer's profile is part of each of its products' dossiers."""
    for product in producer.products.all():
        record_product_change(product, by=by, what=what, data=data)
