"""Consent to the purpose text (privacy.register.CONSENT_TEXT), one record per version."""

import hashlib

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.utils import translation

from accounts.models import Role

from .models import ConsentRecord
from .register import CONSENT_TEXT, CONSENT_VERSION

# Set at sign-in for a producer who has not agreed to the current version: the banner shows.
OUTDATED_SESSION_KEY = "consent_outdated"


def text_fingerprint(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def consent_applies(user) -> bool:
    """Producers give their data by consent; officials' data are held for their appointment."""
    return user.role == Role.PRODUCER


def has_current_consent(user) -> bool:
    return ConsentRecord.objects.filter(user=user, version=CONSENT_VERSION).exists()


def record_consent(user, *, ip_address: str | None = None) -> ConsentRecord:
    """Record agreement to the current text, in the language it was shown in."""
    text = str(CONSENT_TEXT)
    return ConsentRecord.objects.create(
        user=user,
        version=CONSENT_VERSION,
        text_sha256=text_fingerprint(text),
        language=translation.get_language() or "",
        ip_address=ip_address or None,
    )


def client_ip(request) -> str | None:
    """The address as Django sees it (REMOTE_ADDR; the proxy setup in deploy/ makes it real)."""
    return request.META.get("REMOTE_ADDR") or None


@receiver(user_logged_in, dispatch_uid="consent_on_sign_in")
def _on_sign_in(sender, request, user, **kwargs):
    if request is None or not hasattr(request, "session"):
        return
    if consent_applies(user) and not has_current_consent(user):
        request.session[OUTDATED_SESSION_KEY] = True
    else:
        request.session.pop(OUTDATED_SESSION_KEY, None)
