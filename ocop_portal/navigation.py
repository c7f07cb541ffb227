"""The header's navigation for each role. Views and templates never re-derive roles themselves."""

import functools

from django.urls import get_script_prefix, reverse
from django.utils.translation import gettext_lazy as _

from accounts.models import ADMIN_ROLES, Role

PROGRAMME = _("Programme")
PUBLIC = _("Public pages")
EVALUATION = _("Evaluation")
CERTIFICATES = _("Certificates")
# The approver's decisions are taken in the admin's results list (evaluations.result_admin).
RESULTS_TO_APPROVE = "admin:councils_councilresult_changelist"

# role -> [(label, url name[, menu])]: an entry with a menu goes into that drop-down of the header,
# so a role with many pages keeps a header that fits on one line.
_NAV_BY_ROLE: dict[str, list[tuple]] = {
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
        # Grouped in drop-downs so the header stays on one line at 1366 px.
        (_("Rounds"), "evaluations:round-list", EVALUATION),
        (_("Dossiers"), "evaluations:dossier-list", EVALUATION),
        (_("Overdue dossiers"), "evaluations:overdue", EVALUATION),
        (_("Councils"), "evaluations:council-list", EVALUATION),
        (_("Outbox"), "outbox:list", EVALUATION),
        (_("Certificate register"), "reports:register", CERTIFICATES),
        (_("Certificate corrections"), "evaluations:correction-list", CERTIFICATES),
        (_("Plan targets"), "programme:targets", PROGRAMME),
        (_("Support"), "programme:support-list", PROGRAMME),
        (_("Import certificates"), "reports:import", PROGRAMME),
        (_("Suspicious labels"), "catalogue:label-reports", PROGRAMME),
    ],
    Role.COUNCIL_MEMBER: [(_("My score sheets"), "evaluations:my-sheets")],
    Role.APPROVER: [
        (_("Dashboard"), "reports:dashboard"),
        (_("Results to approve"), RESULTS_TO_APPROVE),
        (_("Dossiers"), "evaluations:dossier-list"),
        (_("Overdue dossiers"), "evaluations:overdue"),
        (_("Outbox"), "outbox:list"),
        (_("Certificate register"), "reports:register", CERTIFICATES),
        (_("Certificate corrections"), "evaluations:correction-list", CERTIFICATES),
    ],
    Role.ADMINISTRATOR: [],
}

_PUBLIC_NAV: list[tuple[str, str]] = [
    (_("Catalogue"), "catalogue:list"),
    (_("Verify a certificate"), "catalogue:verify-lookup"),
    (_("OCOP events"), "programme:events"),
]


def nav_for(user) -> list[dict]:
    """Every page of the header for ``user``, in order, each with the menu it sits in (or None)."""
    entries = list(_PUBLIC_NAV)
    if user.is_authenticated:
        # Signed-in people work in their own pages; the public ones move into a menu.
        entries = _own_pages(user) + [(*entry, PUBLIC) for entry in entries]
    return [
        {"label": label, "url": link(name), "name": name, "menu": menu[0] if menu else None}
        for label, name, *menu in entries
    ]


def link(name: str) -> str:
    """The URL of a page that takes no arguments (the header's links), reversed once per
    process rather than on every page."""
    return _reversed(name, get_script_prefix())


@functools.lru_cache(maxsize=256)
def _reversed(name: str, script_prefix: str) -> str:
    return reverse(name)


def _own_pages(user) -> list[tuple]:
    entries = list(_NAV_BY_ROLE.get(user.role, []))
    if user.role == Role.COUNCIL_MEMBER and _runs_a_council(user):
        # The chair and the secretary follow their council's progress and sessions.
        entries.append((_("Councils"), "evaluations:council-list"))
    if not user.is_staff:
        # The admin's pages are for staff only: no link that would answer "not allowed".
        entries = [entry for entry in entries if not entry[1].startswith("admin:")]
    return entries


def _runs_a_council(user) -> bool:
    from councils.models import CouncilMember, CouncilRole

    return CouncilMember.objects.filter(
        user=user, role__in=[CouncilRole.CHAIR, CouncilRole.SECRETARY]
    ).exists()


def admin_url_for(user) -> str | None:
    """The Django admin, offered in the signed-in person's own menu to those who use it."""
    if user.is_authenticated and user.role in ADMIN_ROLES and user.is_staff:
        return reverse("admin:index")
    return None


def header_menu(items: list[dict]) -> list[dict]:
    """The header's layout: single links, and drop-downs gathering the items of one menu at the
    place of its first item."""
    layout, menus = [], {}
    for item in items:
        if item["menu"] is None:
            layout.append({"link": item})
        elif item["menu"] in menus:
            menus[item["menu"]]["items"].append(item)
        else:
            menus[item["menu"]] = {"menu": item["menu"], "items": [item]}
            layout.append(menus[item["menu"]])
    return layout
