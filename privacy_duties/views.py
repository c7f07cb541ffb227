"""The pages of a person's rights over their data across the portal: their own data, its
download, and the office carrying out a deletion request (``privacy:`` names, added to that
namespace by ocop_portal/urls.py)."""

import json

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.two_factor.services import confirmed_totp_device
from privacy import consent as consent_service
from privacy import permissions
from privacy.forms import DeletionRequestForm
from privacy.models import DeletionRequest, DeletionState
from privacy.register import CONSENT_VERSION

from . import erasure
from .export import personal_data_of


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
