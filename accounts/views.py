import datetime

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters

from ocop_portal import limits
from privacy.consent import record_consent
from privacy.register import CONSENT_TEXT, CONSENT_VERSION

from . import services, signin_limits
from .forms import MyDetailsForm, ProducerSignUpForm, SignInForm
from .landing import landing_url_for
from .models import Role


def too_many_posts(request, limit: limits.Limit):
    """The answer to a public form posted more often than its limit allows."""
    return render(
        request,
        "accounts/too_many_posts.html",
        {"count": limit.count, "minutes": limit.seconds // 60},
        status=429,
    )


@login_not_required
@sensitive_post_parameters("password1", "password2")
def signup(request):
    if request.user.is_authenticated:
        return redirect("home")
    # Every post counts, before the form is read (signing up again is also how a lost
    # confirmation email is sent again, so this bounds the emails one address can cause).
    if request.method == "POST" and limits.SIGN_UP.hit(limits.client_address(request)):
        return too_many_posts(request, limits.SIGN_UP)
    form = ProducerSignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = services.sign_up(
            email=form.cleaned_data["email"],
            full_name=form.cleaned_data["full_name"],
            phone=form.cleaned_data["phone"],
            password=form.cleaned_data["password1"],
        )
        if user is not None:
            record_consent(user, ip_address=limits.client_ip(request))
        # The same answer whether or not the email had an account (services.sign_up).
        return render(request, "accounts/signup_done.html", {"email": form.cleaned_data["email"]})
    context = {"form": form, "consent_text": CONSENT_TEXT, "consent_version": CONSENT_VERSION}
    return render(request, "accounts/signup.html", context)


class SignInView(auth_views.LoginView):
    """Django's sign-in, slowed down per address and per account (accounts.signin_limits)."""

    authentication_form = SignInForm
    redirect_authenticated_user = True

    def post(self, request, *args, **kwargs):
        address = limits.client_address(request)
        username = request.POST.get("username", "")
        refusal = signin_limits.before_attempt(address, username)
        if refusal is not None:
            return self._refused(request, username, refusal)
        response = super().post(request, *args, **kwargs)
        succeeded = request.user.is_authenticated
        signin_limits.after_attempt(address, username, succeeded=succeeded)
        return response

    def _refused(self, request, username: str, refusal: signin_limits.Refusal):
        retry = timezone.localtime() + datetime.timedelta(seconds=refusal.seconds)
        if refusal.reason == "address":
            message = _(
                "Too many failed sign-ins from your connection. Please try again after "
                "%(time)s, or reset your password by email."
            )
        else:
            message = _(
                "Too many failed sign-ins to this account, so it is protected by a short wait. "
                "Please try again after %(time)s, or reset your password by email now."
            )
        form = self.get_form_class()(request, initial={"username": username})
        context = self.get_context_data(form=form, refusal=message % {"time": f"{retry:%H:%M}"})
        return self.render_to_response(context, status=429)


class PasswordResetView(auth_views.PasswordResetView):
    """Django's reset form, with every post from an address counted before it is read."""

    def post(self, request, *args, **kwargs):
        if limits.PASSWORD_RESET.hit(limits.client_address(request)):
            return too_many_posts(request, limits.PASSWORD_RESET)
        return super().post(request, *args, **kwargs)


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
