"""Dossiers past their step's legal time limit: for a local officer their area's, for the
provincial office the whole province's, grouped by who must act, with counts per area.

The overdue test is one database filter (``deadlines.overdue_filter``) and each row's countdown
is computed in Python from the dossier and its round: the page's queries do not grow with it.
"""

from collections import Counter, defaultdict

from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.jurisdiction import covering_q
from accounts.models import Role, User
from dossiers import deadlines, working_days
from dossiers.models import Dossier, DossierState
from dossiers.permissions import can_see_overdue


def _responsible_officers(dossiers) -> dict[tuple[str, int], list[str]]:
    """Names of the local officers of each commune and former district in the list, in one
    query: ("commune", pk) or ("district", pk) -> names."""
    communes = {dossier.product.producer.commune for dossier in dossiers}
    officers = User.objects.filter(covering_q(communes), is_active=True, role=Role.LOCAL_OFFICER)
    names = defaultdict(list)
    for officer in officers.order_by("full_name", "pk"):
        if officer.jurisdiction_commune_id:
            names["commune", officer.jurisdiction_commune_id].append(officer.full_name)
        else:
            names["district", officer.jurisdiction_district_id].append(officer.full_name)
    return names


def _groups(dossiers) -> list[dict]:
    """Rows grouped by who must act: the local officers of the producer's commune (and former
    district) while the dossier is in local review, the provincial office after."""
    officers = _responsible_officers(dossiers)
    groups: dict[tuple, dict] = {}
    for dossier in dossiers:
        commune = dossier.product.producer.commune
        if dossier.state in DossierState.LOCAL_REVIEW:
            key = ("local", commune.pk)
            names = (
                officers["commune", commune.pk] + officers["district", commune.former_district_id]
            )
            title = commune.name
            if commune.former_district_id:
                title = f"{commune.name} ({commune.former_district.name})"
        else:
            key, names, title = ("province", 0), [], _("Provincial OCOP office")
        group = groups.setdefault(
            key, {"title": title, "local": key[0] == "local", "officers": names, "dossiers": []}
        )
        group["dossiers"].append(dossier)
    # The provincial office's group last; areas by name.
    return sorted(groups.values(), key=lambda group: (not group["local"], group["title"]))


def overdue_list(request):
    user = request.user
    if not can_see_overdue(user):
        raise Http404
    today = timezone.localdate()
    dossiers = list(
        deadlines.with_province_receipt(
            Dossier.objects.visible_to(user).for_list().filter(deadlines.overdue_filter(today))
        ).order_by("submitted_at", "pk")
    )
    for dossier in dossiers:
        dossier.clock = deadlines.step_clock(dossier, today)
    by_commune = Counter(dossier.product.producer.commune for dossier in dossiers)
    by_district = Counter(
        dossier.product.producer.commune.former_district
        for dossier in dossiers
        if dossier.product.producer.commune.former_district_id
    )
    return render(
        request,
        "evaluations/overdue_list.html",
        {
            "dossiers": dossiers,
            # The Government's days off for this year (or next, in December) not recorded yet.
            "calendar_gap": working_days.missing_announcement(today),
            "groups": _groups(dossiers),
            "by_commune": sorted(by_commune.items(), key=lambda pair: (-pair[1], pair[0].name)),
            "by_district": sorted(by_district.items(), key=lambda pair: (-pair[1], pair[0].name)),
        },
    )
