"""What a producer's dashboard shows: their products with each one's dossiers, what is asked of
them, and their certificates. Reads only, in a fixed number of queries whatever the count.

It reads producers, products, dossiers and certificates, so it lives here, above them all; the
page keeps its name in the producers' namespace (``producers:dashboard``, ocop_portal/urls.py).
"""

from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from producers.models import Producer
from products.assessment import summarise
from products.models import EvidenceKind, Product
from regions.collation import vietnamese_order

from .models import Certificate, Dossier, DossierEvent, DossierState
from .services import required_documents, where_to_add


@dataclass(frozen=True)
class Ask:
    """One thing the producer should do, most urgent first (level: danger, warning, info)."""

    level: str
    message: str
    url: str
    link_label: str
    details: list[str] = field(default_factory=list)


def _day(value) -> str:
    return formats.date_format(value, "d/m/Y")


def products_for_dashboard(producer: Producer):
    returns = DossierEvent.objects.filter(action="return").order_by("-created_at", "-pk")
    dossiers = (
        Dossier.objects.select_related("round")
        .prefetch_related(Prefetch("events", queryset=returns, to_attr="returns"))
        .order_by("-round__opens_on", "-pk")
    )
    return (
        Product.objects.of_producer(producer)
        .select_related("self_assessment")
        .prefetch_related(
            Prefetch("dossiers", queryset=dossiers),
            "photos",
            "documents",
            Prefetch(
                "certificates", queryset=Certificate.objects.order_by("-decision_date", "-pk")
            ),
        )
        .order_by(vietnamese_order("name"), "pk")
    )


def missing_for_submission(product: Product) -> list[str]:
    """What the product lacks before a dossier of it can be submitted (from prefetched rows)."""
    present = {document.kind for document in product.documents.all()}
    required = required_documents(Dossier(product=product))
    missing = [str(EvidenceKind(kind).label) for kind in required if kind not in present]
    if not product.photos.all():
        missing.append(_("at least one product photo"))
    summary = summarise(product)
    if not summary.complete:
        missing.append(
            _("the self-assessment (%(answered)s of %(total)s criteria answered)")
            % {"answered": summary.answered, "total": summary.total}
        )
    return missing


def where_to_complete(product: Product) -> str:
    """The tab where the first missing piece is added (the documents tab with the missing kind
    chosen, the photos, or the self-assessment), not the product's summary page."""
    present = {document.kind for document in product.documents.all()}
    for kind in required_documents(Dossier(product=product)):
        if kind not in present:
            return where_to_add(product.pk, kind)
    if not product.photos.all():
        return where_to_add(product.pk, "photos")
    return where_to_add(product.pk, "self_assessment")


def _dossier_asks(product: Product, dossier: Dossier) -> list[Ask]:
    url = reverse("evaluations:dossier-detail", kwargs={"pk": dossier.pk})
    if dossier.state == DossierState.RETURNED:
        event = dossier.returns[0] if dossier.returns else None
        details = []
        if event is not None:
            details = [event.comment] if event.comment else []
            details += [item.get("comment", "") for item in event.data.get("items", [])]
        message = _("The dossier of “%(product)s” (%(round)s) was returned for correction.") % {
            "product": product.name,
            "round": dossier.round,
        }
        return [Ask("danger", message, url, _("Correct and resubmit"), [d for d in details if d])]
    if dossier.state == DossierState.DRAFT:
        message = _(
            "The dossier of “%(product)s” (%(round)s) is not submitted yet: submit it by %(date)s."
        ) % {
            "product": product.name,
            "round": dossier.round,
            "date": _day(dossier.round.local_cutoff_on),
        }
        return [Ask("info", message, url, _("Open the dossier"))]
    return []


def _document_asks(product: Product) -> list[Ask]:
    asks = []
    url = reverse("products:documents", kwargs={"pk": product.pk})
    for document in product.documents.all():
        values = {"title": document.title, "product": product.name}
        if document.is_expired:
            values["date"] = _day(document.expires_on)
            message = _("“%(title)s” of “%(product)s” expired on %(date)s.") % values
            asks.append(Ask("danger", message, url, _("Upload a renewed document")))
        elif document.is_expiring:
            values["date"] = _day(document.expires_on)
            message = _("“%(title)s” of “%(product)s” expires on %(date)s.") % values
            asks.append(Ask("warning", message, url, _("Upload a renewed document")))
    return asks


def _certificate_asks(product: Product, today) -> list[Ask]:
    asks = []
    for certificate in product.certificates.all():
        if certificate.re_evaluation_window_open(today):
            message = _(
                "Certificate %(number)s of “%(product)s” expires on %(date)s: file for "
                "re-evaluation between %(opens)s and %(closes)s."
            ) % {
                "number": certificate.number,
                "product": product.name,
                "date": _day(certificate.valid_until),
                "opens": _day(certificate.re_evaluation_opens_on),
                "closes": _day(certificate.re_evaluation_closes_on),
            }
            url = reverse("evaluations:dossier-create") + f"?product={product.pk}"
            asks.append(Ask("warning", message, url, _("Prepare the re-evaluation dossier")))
        elif certificate.may_file_re_evaluation(today):
            # Art. 12.3: the window was missed when the rules changed; the extension lets the
            # holder file now.
            message = _(
                "Certificate %(number)s of “%(product)s” is extended until the re-evaluation's "
                "result, at the latest %(date)s (Decision 26/2026, Art. 12.3): file for "
                "re-evaluation."
            ) % {
                "number": certificate.number,
                "product": product.name,
                "date": _day(certificate.extended_until),
            }
            url = reverse("evaluations:dossier-create") + f"?product={product.pk}"
            asks.append(Ask("warning", message, url, _("Prepare the re-evaluation dossier")))
    return asks


def dashboard(producer: Producer) -> dict:
    """The dashboard's context: product rows, asks (most urgent first) and certificates."""
    today = timezone.localdate()
    rows, asks, certificates = [], [], []
    for product in products_for_dashboard(producer):
        dossiers = list(product.dossiers.all())
        active = [d for d in dossiers if d.state in DossierState.ACTIVE]
        for dossier in active:
            asks += _dossier_asks(product, dossier)
        locked = product.locked_by_dossier_id is not None
        missing = [] if locked else missing_for_submission(product)
        if missing and not any(d.state == DossierState.RETURNED for d in active):
            message = _("“%(product)s” still needs:") % {"product": product.name}
            asks.append(
                Ask("warning", message, where_to_complete(product), _("Complete it"), missing)
            )
        asks += _document_asks(product)
        asks += _certificate_asks(product, today)
        current = [c for c in product.certificates.all() if c.status(today) != "replaced"]
        certificates += [(product, c) for c in current]
        rows.append(
            {
                "product": product,
                "dossiers": dossiers,
                "locked": locked,
                "can_submit": not active,
            }
        )
    order = {"danger": 0, "warning": 1, "info": 2}
    asks.sort(key=lambda ask: order[ask.level])
    return {"rows": rows, "asks": asks, "certificates": certificates, "today": today}
