from csp.decorators import csp_replace
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_POST

from .. import permissions, services
from ..forms import DocumentForm
from ..models import EvidenceKind
from .files import serve_file


def documents(request, pk):
    """The dossier's evidence documents (Form 02's list): upload, see expiry, delete."""
    product = permissions.get_product_for(request.user, pk)
    member = permissions.is_member(request.user, product)
    lock = permissions.locking_dossier(product) if member else None
    form = None
    if member and lock is None:
        # ?kind=: the missing document a checklist's link came for is already chosen.
        kind = request.GET.get("kind")
        initial = {"kind": kind} if kind in EvidenceKind.values else None
        form = DocumentForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form is not None and form.is_valid():
        data = form.document_data()
        try:
            services.add_document(
                product,
                by=request.user,
                file=data["file"],
                kind=data["kind"],
                title=data["title"],
                issued_on=data["issued_on"],
                expires_on=data["expires_on"],
                client_token=data["client_token"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The document was added."))
            return redirect("products:documents", pk=product.pk)
    context = {
        "product": product,
        "documents": product.documents.select_related("uploaded_by"),
        "form": form,
        "is_member": member,
        "lock": lock,
        "kinds": EvidenceKind,
    }
    return render(request, "products/product_documents.html", context)


@xframe_options_sameorigin
@csp_replace({"frame-ancestors": ["'self'"]})
def document_download(request, pk):
    """Evidence is private: its producer's accounts and the officials who can see one of the
    product's dossiers. ``?inline=1`` opens it in the browser instead of downloading it; the
    portal's own dossier page may show it in a frame (no other site may)."""
    document = permissions.get_document_for(request.user, pk)
    return serve_file(
        document.file,
        content_type=document.content_type,
        filename=document.download_name,
        inline=request.GET.get("inline") == "1",
    )


@require_POST
def document_delete(request, pk):
    document = permissions.get_document_for(request.user, pk, member=True)
    try:
        services.delete_document(document, by=request.user)
    except ValidationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The document was deleted."))
    return redirect("products:documents", pk=document.product_id)
