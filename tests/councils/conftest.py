"""A council of Hưng Yên for one round: chair, secretary, the ``council_member`` persona and one
more member who score, and an adviser who does not; a dossier of ``producer_org`` in scoring."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from accounts.models import Role
from councils.models import CouncilRole, ScoreSheet
from criteria import scoring
from dossiers.models import DossierState, RoundState
from tests import factories


def sheet_points(
    criteria_set: scoring.CriteriaSet, total, *, partial: bool = False
) -> dict[str, str]:
    """Options for every criterion of the set (with `partial`: for some) adding up to exactly
    `total` (a small knapsack)."""
    reachable: dict[Decimal, dict[str, str]] = {Decimal(0): {}}
    for criterion in criteria_set.leaf_criteria():
        step: dict[Decimal, dict[str, str]] = dict(reachable) if partial else {}
        for subtotal, chosen in reachable.items():
            for option in criterion.options:
                reached = subtotal + option.points
                if reached <= Decimal(total) and reached not in step:
                    step[reached] = {**chosen, criterion.code: str(option.points)}
        reachable = step
    return reachable[Decimal(total)]


def submitted_sheet(dossier, member, total, **fields) -> ScoreSheet:
    """A sheet written directly, for arranging: submitted with options adding up to `total`."""
    criteria_set = scoring.load_criteria_set("26/2026", dossier.product.criteria_set)
    return ScoreSheet.objects.create(
        dossier=dossier,
        member=member,
        points_by_code=sheet_points(criteria_set, total),
        total=Decimal(total),
        submitted_at=timezone.now(),
        **fields,
    )


def _person(email, name):
    return factories.UserFactory(
        email=email, full_name=name, role=Role.COUNCIL_MEMBER, province_id=33
    )


@pytest.fixture
def round_(areas):
    return factories.RoundFactory(name="Đợt 2 năm 2026", state=RoundState.COUNCIL)


@pytest.fixture
def chair(areas):
    return _person("chutich@example.vn", "Đặng Văn Chủ")


@pytest.fixture
def secretary(areas):
    return _person("thuky@example.vn", "Bùi Thị Thư")


@pytest.fixture
def second_member(areas):
    return _person("uyvien2@example.vn", "Lý Văn Hai")


@pytest.fixture
def adviser(areas):
    return _person("tuvan@example.vn", "Mai Thị Tư")


@pytest.fixture
def council(round_, chair, secretary, council_member, second_member, adviser):
    council = factories.CouncilFactory(round=round_, name="Hội đồng OCOP tỉnh Hưng Yên đợt 2")
    for user, role in [
        (chair, CouncilRole.CHAIR),
        (secretary, CouncilRole.SECRETARY),
        (council_member, CouncilRole.MEMBER),
        (second_member, CouncilRole.MEMBER),
        (adviser, CouncilRole.ADVISER),
    ]:
        factories.CouncilMemberFactory(council=council, user=user, role=role)
    return council


@pytest.fixture
def dossier(council, producer_org):
    """A honey product (criteria set 4) in council scoring."""
    return factories.DossierFactory(
        round=council.round,
        product__producer=producer_org,
        product__name="Mật ong hoa nhãn Khoái Châu",
        state=DossierState.IN_SCORING,
        council=council,
        revision=1,
    )


@pytest.fixture
def criteria_set():
    return scoring.load_criteria_set("26/2026", 4)


@pytest.fixture
def warm_caches(settings):
    """The header's province name is cached per process; load it so query counts are exact."""
    from ocop_portal.context_processors import _province_name

    _province_name(settings.OCOP_PROVINCE_CODE)


@pytest.fixture
def in_session(council, dossier, chair):
    """A sitting of the council with everyone present and the dossier on its agenda."""
    from councils.sessions import open_session

    return open_session(
        council,
        by=chair,
        held_on=datetime.date(2026, 9, 15),
        place="Hội trường UBND tỉnh",
        present=council.members.all(),
    )
