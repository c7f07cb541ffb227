from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_not_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters

from privacy.consent import client_ip, record_consent
from privacy.register import CONSENT_TEXT, CONSENT_VERSION

from . import services
from .forms import MyDetailsForm, ProducerSignUpForm
from .models import Role


@login_not_required
@sensitive_post_parameters("password1", "password2")
def signup(request):
    if request.user.is_authenticated:
        return redirect("home")
    form = ProducerSignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = services.register_producer_account(
            email=form.cleaned_data["email"],
            full_name=form.cleaned_data["full_name"],
            phone=form.cleaned_data["phone"],
            password=form.cleaned_data["password1"],
        )
        record_consent(user, ip_address=client_ip(request))
        return render(request, "accounts/signup_done.html", {"email": user.email})
    context = {"form": form, "consent_text": CONSENT_TEXT, "consent_version": CONSENT_VERSION}
    return render(request, "accounts/signup.html", context)


@login_not_required
def signup_confirm(request, uidb64, token):
    user = services.confirm_email(uidb64=uidb64, token=token)
    if user is None:
        return render(request, "accounts/signup_invalid.html", status=400)
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    messages.success(request, _("Your email is confirmed. Welcome to the OCOP portal."))
    return redirect("home")


def my_details(request):
    """Officials and council members keep their own details; producers have their profile."""
    if request.user.role == Role.PRODUCER:
        raise Http404
    form = MyDetailsForm(request.POST or None, instance=request.user)
    if form.is_valid():
        form.save()
        messages.success(request, _("Your details were saved."))
        return redirect("accounts:my-details")
    return render(request, "accounts/my_details.html", {"form": form})
