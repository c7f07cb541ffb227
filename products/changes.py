"""A product's own change history: every change a producer makes to a product, its photos, its
documents, its self-assessment or its producer's profile, as one ``ProductChange`` row.

Each row also names the dossiers it concerns: those already submitted once and not finished when
the change was made, so the officer and the council see what changed after submission on the
dossier's timeline (evaluations reads ``dossier.product_changes``). It is written in the
transaction of the change it records.
"""

from django.conf import settings
from django.db import models
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _

from ocop_portal.text import NOTE_MAX_LENGTH
from producers.signals import profile_changed

# The states in which a dossier is over (the dossiers' own values, checked against
# DossierState.FINISHED in tests/evaluations/test_audit.py): a change no longer concerns it.
FINISHED_DOSSIER_STATES = frozenset({"rejected", "withdrawn", "approved", "not_recognised"})


class ProductChange(models.Model):
    """One change to a product's content. Append-only, like the dossiers' events."""

    product = models.ForeignKey(
        "products.Product",
        verbose_name=_("product"),
        on_delete=models.CASCADE,
        related_name="changes",
    )
    # An account is erased only when none of its producers' dossiers was ever submitted, so its
    # changes concern no dossier's record: they stay, without the name.
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    what = models.TextField(_("change"), max_length=NOTE_MAX_LENGTH)
    data = models.JSONField(default=dict, blank=True)
    at = models.DateTimeField(_("at"), auto_now_add=True)
    dossiers = models.ManyToManyField(
        "evaluations.Dossier",
        verbose_name=_("dossiers"),
        related_name="product_changes",
        blank=True,
    )

    class Meta:
        verbose_name = _("product change")
        verbose_name_plural = _("product changes")
        ordering = ["at", "pk"]
        indexes = [models.Index(fields=["product", "at"], name="product_change_history")]

    def __str__(self):
        return f"{self.product_id}: {self.what}"


def record_product_change(product, *, by, what: str, data: dict | None = None) -> ProductChange:
    """Record that ``by`` changed ``product`` (``what``: shown as is on the timelines)."""
    change = ProductChange.objects.create(product=product, by=by, what=what, data=data or {})
    concerned = (
        product.dossiers.filter(revision__gt=0)
        .exclude(state__in=FINISHED_DOSSIER_STATES)
        .values_list("pk", flat=True)
    )
    through = ProductChange.dossiers.through
    through.objects.bulk_create([through(productchange=change, dossier_id=pk) for pk in concerned])
    return change


@receiver(profile_changed, dispatch_uid="products.changes.profile_changed")
def _producer_profile_changed(sender, *, producer, by, what, data, **kwargs):
    """A producer's profile is part of each of its products' dossiers."""
    for product in producer.products.all():
        record_product_change(product, by=by, what=what, data=data)
