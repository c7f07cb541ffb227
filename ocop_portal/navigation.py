"""The header's navigation for each role. Views and templates never re-derive roles themselves."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts.models import ADMIN_ROLES, Role

# role -> [(label, url name)]; entries are added as the apps that serve them land.
_NAV_BY_ROLE: dict[str, list[tuple[str, str]]] = {
    Role.PRODUCER: [],
    Role.LOCAL_OFFICER: [],
    Role.PROVINCIAL_OFFICE: [],
    Role.COUNCIL_MEMBER: [],
    Role.APPROVER: [],
    Role.ADMINISTRATOR: [],
}

_PUBLIC_NAV: list[tuple[str, str]] = []


def nav_for(user) -> list[dict]:
    items = list(_PUBLIC_NAV)
    if user.is_authenticated:
        items = _NAV_BY_ROLE.get(user.role, []) + items
        if user.role in ADMIN_ROLES and user.is_staff:
            items.append((_("Administration"), "admin:index"))
    return [{"label": label, "url": reverse(name), "name": name} for label, name in items]
