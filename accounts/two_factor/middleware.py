from urllib.parse import urlencode

from django.shortcuts import redirect
from django.urls import reverse

from . import session_is_verified, session_requires_two_factor

# What an unverified person may still open: the two-factor pages, signing out, the language.
EXEMPT_VIEWS = frozenset(
    {
        "accounts:2fa-verify",
        "accounts:2fa-setup",
        "accounts:logout",
        "set_language",
        "healthz",
    }
)


class TwoFactorMiddleware:
    """Server-side: until the second factor is verified, every other page (the admin included)
    redirects to the verification page, which sends people without a device to enrol one."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        if not session_requires_two_factor(request) or session_is_verified(request):
            return None
        if request.resolver_match and request.resolver_match.view_name in EXEMPT_VIEWS:
            return None
        target = reverse("accounts:2fa-verify")
        if request.method == "GET":
            target += "?" + urlencode({"next": request.get_full_path()})
        return redirect(target)
