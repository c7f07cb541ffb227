"""The public catalogue of recognised products and certificate verification (no sign-in),
plus the PDF downloads of certificates (public) and result notices (private)."""

from urllib.parse import urlencode

from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import condition

from certificates.documents import (
    certificate_document,
    issued_document_fields,
    issued_document_of,
    notice_document,
    read,
)
from certificates.models import Certificate, CertificateStatus, Notice
from dossiers.permissions import can_view_dossier
from ocop_portal.text import fold
from programme.selectors import promotion_for

from . import public_cache
from .forms import CatalogueFilterForm, VerifyForm, normalise_number

PAGE_SIZE = 24
STATUS_BADGES = {
    CertificateStatus.VALID: "text-bg-success",
    CertificateStatus.EXPIRING: "text-bg-warning",
    CertificateStatus.EXTENDED: "text-bg-warning",
    CertificateStatus.EXPIRED: "text-bg-secondary",
    CertificateStatus.REVOKED: "text-bg-danger",
    CertificateStatus.REPLACED: "text-bg-info",
}


def _product_list_body(request) -> str:
    current = Certificate.objects.current()
    form = CatalogueFilterForm(request.GET, current=current)
    certificates = form.filter(current.for_catalogue())
    page = Paginator(certificates, PAGE_SIZE).get_page(request.GET.get("page"))
    return render_to_string(
        "catalogue/_product_list_body.html",
        {
            "form": form,
            "page": page,
            "page_range": page.paginator.get_elided_page_range(page.number, on_each_side=2),
            "certificates": page.object_list,
        },
        request,
    )


@login_not_required
def product_list(request):
    body = public_cache.cached(request, "list", lambda: _product_list_body(request))
    return render(request, "catalogue/product_list.html", {"body": mark_safe(body)})


def _product_detail_page(request, pk) -> tuple[str, str] | None:
    certificate = Certificate.objects.current().for_catalogue().filter(product_id=pk).first()
    if certificate is None:
        return None
    body = render_to_string(
        "catalogue/_product_detail_body.html",
        {
            "certificate": certificate,
            "product": certificate.product,
            "producer": certificate.product.producer,
            "status": certificate.status(),
            "badge": STATUS_BADGES[certificate.status()],
            "promotion": promotion_for(certificate.product),
        },
        request,
    )
    return certificate.product_name, body


@login_not_required
@condition(etag_func=public_cache.etag)
def product_detail(request, pk):
    page = public_cache.cached(request, "product", lambda: _product_detail_page(request, pk))
    if page is None:
        raise Http404
    title, body = page
    return render(
        request, "catalogue/product_detail.html", {"title": title, "body": mark_safe(body)}
    )


def _not_found(request, number: str):
    form = VerifyForm(initial={"number": number})
    return render(
        request,
        "catalogue/verify_not_found.html",
        {"form": form, "number": number, "report_query": urlencode({"number": number})},
        status=404,
    )


@login_not_required
def verify_lookup(request):
    form = VerifyForm(request.GET or None)
    if not form.is_valid():
        return render(request, "catalogue/verify_lookup.html", {"form": form})
    number = form.cleaned_data["number"]
    if not Certificate.objects.filter(number=number).exists():
        return _not_found(request, number)
    return redirect("catalogue:verify", number=number)


def _verify_page(request, number) -> tuple[str, str] | None:
    certificate = (
        Certificate.objects.select_related(
            "product", "product__producer", "replaced_by", "reissue_of"
        )
        .annotate(**issued_document_fields())
        .filter(number=normalise_number(number))
        .first()
    )
    if certificate is None:
        return None
    status = certificate.status()
    body = render_to_string(
        "catalogue/_verify_body.html",
        {
            "certificate": certificate,
            # The issued PDF's fingerprint, so a printed or forwarded copy can be checked.
            "document": issued_document_of(certificate),
            "product": certificate.product,
            "producer": certificate.product.producer,
            "status": status,
            "badge": STATUS_BADGES[status],
            "listed": status
            in {CertificateStatus.VALID, CertificateStatus.EXPIRING, CertificateStatus.EXTENDED},
            "lookup_form": VerifyForm(),
            "report_query": urlencode({"certificate": certificate.number}),
        },
        request,
    )
    return _("Certificate %(number)s") % {"number": certificate.number}, body


@login_not_required
@condition(etag_func=public_cache.etag)
def verify(request, number):
    """What a scanned QR code opens: kept like the catalogue's pages, so a revocation shows at
    once (catalogue.public_cache)."""
    page = public_cache.cached(request, "verify", lambda: _verify_page(request, number))
    if page is None:
        return _not_found(request, number)
    title, body = page
    return render(request, "catalogue/verify.html", {"title": title, "body": mark_safe(body)})


def _pdf_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@login_not_required
def certificate_pdf(request, number):
    """Public: a certificate is a public document, unless it was revoked. Then only the people
    who may open its dossier (the producer, the officials) still get it."""
    certificate = get_object_or_404(
        Certificate.objects.select_related(
            "dossier__round", "dossier__product__producer__commune", "dossier__council"
        ),
        number=normalise_number(number),
    )
    if certificate.revoked_on and not can_view_dossier(request.user, certificate.origin_dossier):
        raise Http404
    return _pdf_response(
        read(certificate_document(certificate)),  # the bytes issued, every time (issue 18)
        f"giay-chung-nhan-{slugify(fold(certificate.number.replace('/', '-')))}.pdf",
    )


def notice_pdf(request, pk):
    """Private (sign-in required by the middleware): the producer and the officials only."""
    notice = get_object_or_404(
        Notice.objects.select_related(
            "dossier__round", "dossier__product__producer__commune", "dossier__council"
        ),
        pk=pk,
    )
    if not can_view_dossier(request.user, notice.dossier):
        raise Http404
    return _pdf_response(read(notice_document(notice)), f"thong-bao-ket-qua-{notice.pk}.pdf")
