from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters

from . import role_requires_two_factor, services, session_is_verified, session_requires_two_factor
from .forms import EnrolForm, TokenForm


def _next_url(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("home")


def _with_next(name: str, request) -> str:
    target = request.POST.get("next") or request.GET.get("next")
    return reverse(name) + ("?" + urlencode({"next": target}) if target else "")


@sensitive_post_parameters("token")
def verify(request):
    """The second step of signing in: a code from the app or a recovery code."""
    if not session_requires_two_factor(request) or session_is_verified(request):
        return redirect(_next_url(request))
    if services.confirmed_totp_device(request.user) is None:
        return redirect(_with_next("accounts:2fa-setup", request))
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if services.verify(request, form.cleaned_data["token"]):
            return redirect(_next_url(request))
        form.add_error(
            "token",
            _(
                "The code is not correct or has expired. Type the current code from the app, "
                "or an unused recovery code. Repeated wrong codes make you wait longer."
            ),
        )
    return render(
        request, "accounts/two_factor_verify.html", {"form": form, "next": _next_url(request)}
    )


@sensitive_post_parameters("token")
def setup(request):
    """Enrol an authenticator app: QR code, the key to type in, a code to confirm."""
    has_device = services.confirmed_totp_device(request.user) is not None
    if has_device and not session_is_verified(request):
        # Enrolling a new phone is no way around the one already enrolled.
        return redirect(_with_next("accounts:2fa-verify", request))
    device = services.pending_totp_device(request.user)
    form = EnrolForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = services.confirm_enrolment(request, device, form.cleaned_data["token"])
        if codes is not None:
            return render(
                request,
                "accounts/two_factor_codes.html",
                {"codes": codes, "next": _next_url(request)},
            )
        form.add_error(
            "token",
            _("The code does not match. Check the phone's clock and type the newest code."),
        )
    context = {
        "form": form,
        "qr_svg": services.qr_svg(device),
        "manual_key": services.manual_key(device),
        "replacing": has_device,
        "required": role_requires_two_factor(request.user),
        "next": _next_url(request),
    }
    return render(request, "accounts/two_factor_setup.html", context)


def manage(request):
    """Two-factor status, new recovery codes, and turning it off for those who opted in."""
    user = request.user
    required = role_requires_two_factor(user)
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "codes" and session_is_verified(request):
            codes = services.new_recovery_codes(user)
            return render(request, "accounts/two_factor_codes.html", {"codes": codes})
        if action == "off" and not required and session_is_verified(request):
            services.turn_off(request)
            messages.success(request, _("Two-factor sign-in is off for your account."))
        return redirect("accounts:2fa")
    context = {
        "device": services.confirmed_totp_device(user),
        "required": required,
        "codes_left": services.recovery_codes_left(user),
    }
    return render(request, "accounts/two_factor.html", context)
