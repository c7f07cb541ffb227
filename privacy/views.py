import json

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.two_factor.services import confirmed_totp_device
from ocop_portal import limits

from . import consent as consent_service
from . import erasure, permissions
from .export import personal_data_of
from .forms import ConsentForm, DeletionRequestForm
from .models import DeletionRequest, DeletionState
from .register import CONSENT_TEXT, CONSENT_VERSION, REGISTER


def my_data(request):
    """A person's own data: consent, download, deletion, two-factor sign-in."""
    user = request.user
    form = DeletionRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        erasure.request_deletion(user, reason=form.cleaned_data["reason"])
        messages.success(
            request,
            _("Your request is recorded. The provincial OCOP office will handle it."),
        )
        return redirect("privacy:my-data")
    context = {
        "form": form,
        "consents": user.consent_records.all(),
        "consent_applies": consent_service.consent_applies(user),
        "current_version": CONSENT_VERSION,
        "pending": user.deletion_requests.filter(state=DeletionState.PENDING).first(),
        "two_factor_on": confirmed_totp_device(user) is not None,
    }
    return render(request, "privacy/my_data.html", context)


def my_data_download(request):
    data = personal_data_of(request.user)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json"
    )
    stamp = timezone.localdate().strftime("%Y%m%d")
    response["Content-Disposition"] = f'attachment; filename="du-lieu-ca-nhan-{stamp}.json"'
    response["Cache-Control"] = "no-store"
    return response


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


@require_POST
def deletion_execute(request, pk):
    if not permissions.can_view_register(request.user):
        raise Http404
    visible = permissions.handled_requests_for(request.user, DeletionRequest.objects.all())
    deletion_request = get_object_or_404(visible, pk=pk)
    try:
        done = erasure.execute_deletion(deletion_request, by=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, done.outcome)
    return redirect("privacy:deletion-requests")
