"""The header's navigation for each role. Views and templates never re-derive roles themselves."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts.models import ADMIN_ROLES, Role

# role -> [(label, url name)]; entries are added as the apps that serve them land.
_NAV_BY_ROLE: dict[str, list[tuple[str, str]]] = {
    Role.PRODUCER: [
        (_("My dashboard"), "producers:dashboard"),
        (_("Products"), "products:list"),
        (_("My dossiers"), "evaluations:my-dossiers"),
        (_("Producer profile"), "producers:profile"),
        (_("Product ideas"), "programme:ideas"),
    ],
    Role.LOCAL_OFFICER: [
        (_("Review queue"), "evaluations:queue"),
        (_("Overdue dossiers"), "evaluations:overdue"),
        (_("Dashboard"), "reports:dashboard"),
        (_("Product ideas"), "programme:ideas"),
    ],
    Role.PROVINCIAL_OFFICE: [
        (_("Dashboard"), "reports:dashboard"),
        (_("Rounds"), "evaluations:round-list"),
        (_("Dossiers"), "evaluations:dossier-list"),
        (_("Overdue dossiers"), "evaluations:overdue"),
        (_("Import certificates"), "reports:import"),
        (_("Plan targets"), "programme:targets"),
        (_("Support"), "programme:support-list"),
        (_("Councils"), "evaluations:council-list"),
        (_("Outbox"), "outbox:list"),
        (_("Suspicious labels"), "catalogue:label-reports"),
    ],
    Role.COUNCIL_MEMBER: [(_("My score sheets"), "evaluations:my-sheets")],
    Role.APPROVER: [
        (_("Dashboard"), "reports:dashboard"),
        (_("Dossiers"), "evaluations:dossier-list"),
        (_("Overdue dossiers"), "evaluations:overdue"),
        (_("Outbox"), "outbox:list"),
    ],
    Role.ADMINISTRATOR: [],
}

_PUBLIC_NAV: list[tuple[str, str]] = [
    (_("Catalogue"), "catalogue:list"),
    (_("Verify a certificate"), "catalogue:verify-lookup"),
    (_("OCOP events"), "programme:events"),
]


def nav_for(user) -> list[dict]:
    items = list(_PUBLIC_NAV)
    if user.is_authenticated:
        items = _NAV_BY_ROLE.get(user.role, []) + items
        if user.role in ADMIN_ROLES and user.is_staff:
            items.append((_("Administration"), "admin:index"))
    return [{"label": label, "url": reverse(name), "name": name} for label, name in items]
