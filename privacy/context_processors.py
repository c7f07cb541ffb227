from .consent import OUTDATED_SESSION_KEY


def consent(request):
    """Whether the signed-in producer still has to agree to the current purpose text (read from
    the session, set at sign-in: no query per page)."""
    session = getattr(request, "session", None)
    return {"consent_outdated": bool(session and session.get(OUTDATED_SESSION_KEY))}
