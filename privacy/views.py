"""Consent, the register and the office's list of deletion requests. The pages that reach other
apps' data (a person's own data, its download, carrying out a deletion) are in privacy_duties."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from ocop_portal import limits

from . import consent as consent_service
from . import permissions
from .forms import ConsentForm
from .models import DeletionRequest
from .register import CONSENT_TEXT, CONSENT_VERSION, REGISTER


def consent(request):
    """Agree to the current purpose text (asked again when its version changes)."""
    if not consent_service.consent_applies(request.user):
        raise Http404
    form = ConsentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        consent_service.record_consent(request.user, ip_address=limits.client_ip(request))
        consent_service.mark_consent_given(request)
        messages.success(request, _("Thank you. Your consent is recorded."))
        return redirect("home")
    context = {
        "form": form,
        "text": CONSENT_TEXT,
        "version": CONSENT_VERSION,
        "given": consent_service.has_current_consent(request.user),
    }
    return render(request, "privacy/consent.html", context)


def register(request):
    """The register of personal data fields, for the provincial office and administrators."""
    if not permissions.can_view_register(request.user):
        raise Http404
    return render(request, "privacy/register.html", {"register": REGISTER})


def deletion_requests(request):
    if not permissions.can_view_register(request.user):
        raise Http404
    requests = permissions.handled_requests_for(
        request.user, DeletionRequest.objects.select_related("handled_by")
    )
    return render(request, "privacy/deletion_requests.html", {"requests": requests[:200]})
