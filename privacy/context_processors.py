from .consent import consent_outdated


def consent(request):
    """Whether the signed-in producer still has to agree to the current purpose text."""
    return {"consent_outdated": consent_outdated(request)}
