from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_not_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters

from . import services
from .forms import MyDetailsForm, ProducerSignUpForm
from .landing import landing_url_for
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
        return render(request, "accounts/signup_done.html", {"email": user.email})
    return render(request, "accounts/signup.html", {"form": form})


@login_not_required
def signup_confirm(request, uidb64, token):
    user = services.confirm_email(uidb64=uidb64, token=token)
    if user is None and request.user.is_authenticated:
        # The link was used already (signing in spends it): the account is confirmed, nothing to
        # register again.
        return render(
            request,
            "accounts/signup_confirmed_already.html",
            {"start_url": landing_url_for(request.user)},
        )
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


def start(request):
    """LOGIN_REDIRECT_URL: send the signed-in person on to their own work (accounts.landing)."""
    return redirect(landing_url_for(request.user))
