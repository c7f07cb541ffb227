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
# The version the session's flag was worked out for: a new version, deployed while people are
# signed in, is checked again once per session.
CHECKED_SESSION_KEY = "consent_checked"


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


def _check(session, user) -> bool:
    outdated = consent_applies(user) and not has_current_consent(user)
    if outdated:
        session[OUTDATED_SESSION_KEY] = True
    else:
        session.pop(OUTDATED_SESSION_KEY, None)
    session[CHECKED_SESSION_KEY] = CONSENT_VERSION
    return outdated


def consent_outdated(request) -> bool:
    """Whether the signed-in person must still agree to the current text: read from the session
    (no query), worked out again only when the session was checked for another version."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return False
    session = request.session
    if session.get(CHECKED_SESSION_KEY) != CONSENT_VERSION:
        return _check(session, user)
    return bool(session.get(OUTDATED_SESSION_KEY))


def mark_consent_given(request) -> None:
    request.session.pop(OUTDATED_SESSION_KEY, None)
    request.session[CHECKED_SESSION_KEY] = CONSENT_VERSION


@receiver(user_logged_in, dispatch_uid="consent_on_sign_in")
def _on_sign_in(sender, request, user, **kwargs):
    if request is None or not hasattr(request, "session"):
        return
    _check(request.session, user)
