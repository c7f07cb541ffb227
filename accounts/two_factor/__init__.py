"""Two-factor sign-in (TOTP with recovery codes, django-otp) for the people who decide.

Approvers sign the results, the provincial office runs the programme and administrators hold every
account: a stolen password alone must not be enough for them, so their roles always need a second
factor. Anyone else may opt in from "my personal data".

The session remembers two things: whether this sign-in needs a second factor (set when the person
signs in: their role, or a device they enrolled) and which device verified it (django-otp's
``otp_device_id``). The middleware reads only the session, so a verified page costs no query.
"""

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django_otp import DEVICE_ID_SESSION_KEY

from accounts.models import Role

# The roles that decide (approve, run the programme, hold every account).
TWO_FACTOR_ROLES = frozenset({Role.APPROVER, Role.PROVINCIAL_OFFICE, Role.ADMINISTRATOR})
# Set at sign-in when a person outside those roles has enrolled a device of their own.
OPTED_IN_SESSION_KEY = "otp_opted_in"


def role_requires_two_factor(user) -> bool:
    return user.role in TWO_FACTOR_ROLES or user.is_superuser


def session_requires_two_factor(request) -> bool:
    user = request.user
    return role_requires_two_factor(user) or bool(request.session.get(OPTED_IN_SESSION_KEY))


def session_is_verified(request) -> bool:
    return bool(request.session.get(DEVICE_ID_SESSION_KEY))


@receiver(user_logged_in, dispatch_uid="two_factor_on_sign_in")
def _on_sign_in(sender, request, user, **kwargs):
    """A fresh sign-in starts unverified; remember whether the person opted in."""
    if request is None or not hasattr(request, "session"):
        return
    from .services import confirmed_totp_device

    if not hasattr(user, "otp_device"):  # django-otp's own login() sets it when verified
        request.session.pop(DEVICE_ID_SESSION_KEY, None)
    opted_in = not role_requires_two_factor(user) and confirmed_totp_device(user) is not None
    if opted_in:
        request.session[OPTED_IN_SESSION_KEY] = True
    else:
        request.session.pop(OPTED_IN_SESSION_KEY, None)
