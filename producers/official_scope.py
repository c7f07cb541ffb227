"""Which producers and products an official sees: those with a dossier the official may open.

Dossiers sit above producers and products, so this rule reaches them through the reverse
relations (``products__dossiers`` from a producer, ``dossiers`` from a product) instead of asking
``Dossier.objects.visible_to``; it gives the same answer for every role (tests/security compares
the two). The jurisdiction itself is ``accounts.jurisdiction.area_q``, as for dossiers.
"""

from django.db.models import Exists, OuterRef, QuerySet

from accounts.jurisdiction import area_q
from accounts.models import Role

# The state of a dossier its producer is still preparing (the dossiers' own value, checked against
# DossierState.DRAFT in tests/security/test_scopes.py): no official sees it before it is filed.
DRAFT_DOSSIER_STATE = "draft"


def _follow(model, path: str):
    """The model at the end of the reverse relations ``path`` and the lookup from it back."""
    back = []
    for name in path.split("__"):
        relation = model._meta.get_field(name)
        back.insert(0, relation.field.name)
        model = relation.related_model
    return model, "__".join(back)


def with_dossier_visible_to(queryset: QuerySet, user, *, dossiers: str) -> QuerySet:
    """``queryset`` narrowed to the rows that have a dossier (reached by the path ``dossiers``)
    which the official ``user`` may open. A producer's own accounts are the callers' business."""
    dossier_model, back = _follow(queryset.model, dossiers)
    # A dossier belongs to its round's province; a local officer's area is the producer's.
    open_to_user = (
        dossier_model._base_manager.filter(**{back: OuterRef("pk")})
        .exclude(state=DRAFT_DOSSIER_STATE)
        .filter(area_q(user, "product__producer__commune", province="round__province"))
    )
    if user.role == Role.COUNCIL_MEMBER:
        open_to_user = open_to_user.filter(council__members__user=user)
    return queryset.filter(Exists(open_to_user))
