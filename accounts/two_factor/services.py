"""Enrolling, verifying and replacing the second factor."""

import base64

import segno
from django.db import transaction
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import OPTED_IN_SESSION_KEY, role_requires_two_factor

TOTP_DEVICE_NAME = "authenticator"
RECOVERY_DEVICE_NAME = "recovery"
RECOVERY_CODE_COUNT = 10


def confirmed_totp_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()


def pending_totp_device(user) -> TOTPDevice:
    """The device being enrolled: kept across page loads so the QR code stays the same."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=TOTP_DEVICE_NAME, confirmed=False)
    return device


def manual_key(device: TOTPDevice) -> str:
    """The secret as authenticator apps expect it typed in: base32, in groups of four."""
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_svg(device: TOTPDevice) -> str:
    """The provisioning URI as an inline SVG QR code (no inline script, no data: URL)."""
    return segno.make(device.config_url, error="m").svg_inline(scale=4)


def normalise_token(token: str) -> str:
    return "".join(token.split()).lower()


@transaction.atomic
def confirm_enrolment(request, device: TOTPDevice, token: str) -> list[str] | None:
    """Confirm a pending device with a code from the app; its recovery codes, or None if wrong.

    Any older device of the person is replaced, so one phone is active at a time.
    """
    if not device.verify_token(normalise_token(token)):
        return None
    user = request.user
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    codes = new_recovery_codes(user)
    otp_login(request, device)
    if not role_requires_two_factor(user):
        request.session[OPTED_IN_SESSION_KEY] = True
    return codes


@transaction.atomic
def new_recovery_codes(user) -> list[str]:
    """Ten fresh single-use codes; the earlier ones stop working."""
    device, _created = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY_DEVICE_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def recovery_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def verify(request, token: str) -> bool:
    """Check a code from the app (six digits), else a recovery code, which this uses up; on
    success mark the session verified. Each device slows down repeated wrong codes itself."""
    token = normalise_token(token)
    user = request.user
    if token.isdigit() and len(token) == 6:  # app codes: 6 digits; recovery codes: 8 characters
        devices = TOTPDevice.objects.filter(user=user, confirmed=True)
    else:
        devices = StaticDevice.objects.filter(user=user, confirmed=True)
    with transaction.atomic():
        for device in devices.select_for_update().order_by("pk"):
            if device.verify_token(token):
                otp_login(request, device)
                return True
    return False


@transaction.atomic
def turn_off(request) -> None:
    """An opted-in person turns the second factor off (never for the roles that need it)."""
    user = request.user
    if role_requires_two_factor(user):
        raise PermissionError("This role must keep two-factor sign-in.")
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    request.session.pop(OPTED_IN_SESSION_KEY, None)
