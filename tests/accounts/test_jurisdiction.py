"""accounts.jurisdiction: the one translation of an official's area into a query, and the
lists, reports and notifications that all go through it."""

import pytest

from accounts.jurisdiction import area_q, covering_q, covers
from accounts.models import Role, User
from evaluations.models import Dossier
from evaluations.notifications import LOCAL, _people
from evaluations.views.overdue import _responsible_officers
from programme.models import SupportRecord
from regions.models import Commune
from reports.permissions import certificates_visible_to

from .. import factories
from ..conftest import PERSONAS

pytestmark = pytest.mark.django_db

OFFICIALS = [p for p in PERSONAS if p not in {"producer", "stranger"}] + [
    "national_administrator",
    "far_office",
]
EVERYONE = [*PERSONAS, "national_administrator", "far_office"]
# persona -> the sample communes their area holds.
EXPECTED = {
    "commune_officer": {"home"},
    "district_officer": {"home", "neighbour"},
    "other_district_officer": {"far"},
    "provincial_office": {"home", "neighbour", "far"},
    "council_member": {"home", "neighbour", "far"},
    "approver": {"home", "neighbour", "far"},
    "national_administrator": {"home", "neighbour", "far", "other_province"},
    "far_office": {"other_province"},
    "producer": set(),
    "stranger": set(),
}


@pytest.fixture
def other_province_commune(areas):
    return Commune.objects.exclude(province_id=33).order_by("code").first()


@pytest.fixture
def national_administrator(areas):
    return factories.UserFactory(role=Role.ADMINISTRATOR, province=None)


@pytest.fixture
def far_office(other_province_commune):
    return factories.UserFactory(
        role=Role.PROVINCIAL_OFFICE, province_id=other_province_commune.province_id
    )


@pytest.fixture
def sample(home_commune, neighbour_commune, far_commune, other_province_commune):
    return {
        "home": home_commune,
        "neighbour": neighbour_commune,
        "far": far_commune,
        "other_province": other_province_commune,
    }


def _names(sample, communes) -> set[str]:
    by_pk = {commune.pk: name for name, commune in sample.items()}
    return {by_pk[commune.pk] for commune in communes if commune.pk in by_pk}


@pytest.mark.parametrize("persona", EVERYONE)
def test_area_q_keeps_the_communes_of_each_roles_area(request, sample, persona):
    user = request.getfixturevalue(persona)

    communes = Commune.objects.filter(area_q(user), pk__in=[c.pk for c in sample.values()])

    assert _names(sample, communes) == EXPECTED[persona]


@pytest.mark.parametrize("persona", EVERYONE)
def test_covers_and_covering_q_give_area_qs_answer(request, sample, persona):
    user = request.getfixturevalue(persona)

    for name, commune in sample.items():
        in_area = Commune.objects.filter(area_q(user), pk=commune.pk).exists()
        covering = User.objects.filter(covering_q([commune]), pk=user.pk).exists()

        assert (covers(user, commune), covering) == (in_area, in_area), name


def test_area_q_follows_a_prefix_and_a_rows_own_province(provincial_office, sample):
    dossier = factories.DossierFactory(
        state="submitted", product__producer__commune=sample["other_province"]
    )

    by_producer = Dossier.objects.filter(area_q(provincial_office, "product__producer__commune"))
    by_round = Dossier.objects.filter(
        area_q(provincial_office, "product__producer__commune", province="round__province")
    )

    # The round is Hưng Yên's, the producer has since moved away: the dossier stays the
    # province's that evaluates it.
    assert (list(by_producer), list(by_round)) == ([], [dossier])


@pytest.fixture
def rows(sample, council_member):
    """A submitted dossier, a certificate and a support record for a producer of each Hưng Yên
    sample commune; the council member sits on the dossiers' council."""
    council = factories.CouncilFactory()
    factories.CouncilMemberFactory(council=council, user=council_member)
    made = {}
    for name in ["home", "neighbour", "far"]:
        producer = factories.ProducerFactory(commune=sample[name])
        dossier = factories.DossierFactory(
            state="submitted", product__producer=producer, council=council
        )
        factories.CertificateFactory(dossier__product__producer=producer)
        factories.SupportRecordFactory(producer=producer)
        made[name] = dossier
    return made


@pytest.mark.parametrize("persona", OFFICIALS)
def test_every_caller_draws_the_same_area(request, sample, rows, persona):
    user = request.getfixturevalue(persona)
    expected = EXPECTED[persona] - {"other_province"}

    def communes(producers):
        return _names(sample, [producer.commune for producer in producers])

    submitted = Dossier.objects.visible_to(user).filter(state="submitted")
    dossiers = communes(dossier.product.producer for dossier in submitted)
    certificates = communes(c.product.producer for c in certificates_visible_to(user))
    support = communes(record.producer for record in SupportRecord.objects.visible_to(user))
    notified = {name for name, dossier in rows.items() if user in _people(dossier, LOCAL)}
    overdue = {
        name
        for name, dossier in rows.items()
        if any(user.full_name in names for names in _responsible_officers([dossier]).values())
    }

    assert dossiers == expected
    if user.role != Role.COUNCIL_MEMBER:  # reports and the programme are not theirs
        assert certificates == expected
        assert support == expected
    if user.role == Role.LOCAL_OFFICER:  # notices and the overdue page name local officers
        assert notified == expected
        assert overdue == expected


@pytest.mark.parametrize("persona", [*EVERYONE, "provincial_administrator", "superuser"])
def test_only_an_administrator_of_no_province_is_national(request, areas, persona):
    """The one national-administrator rule: a provincial administrator or a superuser of a
    province is not, whatever their other rights."""
    people = {
        "provincial_administrator": lambda: factories.UserFactory(
            role=Role.ADMINISTRATOR, province_id=33
        ),
        "superuser": lambda: factories.UserFactory(
            role=Role.PROVINCIAL_OFFICE, province_id=33, is_superuser=True
        ),
    }
    user = people[persona]() if persona in people else request.getfixturevalue(persona)

    assert user.is_national_administrator is (persona == "national_administrator")
