"""Where each person lands after signing in: on their own work, not the public home page.

One function, used by the ``start`` view that LOGIN_REDIRECT_URL points at, so a later step of the
sign-in (e.g. a second factor) only has to end by redirecting to ``start``.
"""

from django.urls import reverse

from .models import Role

# role -> the page holding that role's daily work
_LANDING = {
    Role.PRODUCER: "home",
    Role.LOCAL_OFFICER: "evaluations:queue",  # dossiers waiting for the officer's review
    Role.COUNCIL_MEMBER: "evaluations:my-sheets",  # score sheets to fill
    Role.PROVINCIAL_OFFICE: "reports:dashboard",  # the office's overview of the programme
    # The approval screen of the first result awaiting a decision (the list when none waits).
    Role.APPROVER: "admin:evaluations_councilresult_approval_start",
    Role.ADMINISTRATOR: "admin:index",
}
# Who may not enter the admin (not staff) gets the overview instead.
_ADMIN_FALLBACK = "reports:dashboard"
_QUERY: dict[str, str] = {}


def landing_url_for(user) -> str:
    """The address of ``user``'s own work; the home page for anyone else."""
    if not user.is_authenticated:
        return reverse("home")
    name = _LANDING.get(user.role, "home")
    if name.startswith("admin:") and not user.is_staff:
        return reverse(_ADMIN_FALLBACK if user.role != Role.ADMINISTRATOR else "home")
    return reverse(name) + _QUERY.get(user.role, "")
