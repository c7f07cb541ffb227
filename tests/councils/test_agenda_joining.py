"""The products on a sitting's agenda: at opening, the dossiers in scoring in the council's order
(criteria set, then the product's name in Vietnamese alphabetical order); a dossier that enters
scoring later joins after the last one when the agenda is next ordered; and each dossier finds its
own place on the open sitting's agenda, none once the sitting is closed."""

import datetime

import pytest

from evaluations.models import DossierState, SessionItem
from evaluations.sessions import close_session, open_item_for, open_session, set_agenda_order
from tests import factories

from .conftest import submitted_sheet

pytestmark = pytest.mark.django_db


def _in_scoring(council, producer_org, name, criteria_set=4):
    return factories.DossierFactory(
        round=council.round,
        product__producer=producer_org,
        product__name=name,
        product__criteria_set=criteria_set,
        state=DossierState.IN_SCORING,
        council=council,
        revision=1,
    )


def _open(council, chair):
    return open_session(
        council,
        by=chair,
        held_on=datetime.date(2026, 9, 15),
        place="Hội trường UBND tỉnh",
        present=council.members.all(),
    )


def _agenda(session):
    return [
        (item.position, item.dossier.product.name)
        for item in session.items.select_related("dossier__product").order_by("position")
    ]


def test_the_agenda_opens_by_criteria_set_then_by_name_in_vietnamese_order(
    council, producer_org, chair
):
    # Created out of order; "Đ" comes after "D" and before "E" in Vietnamese (not after "Z").
    for name, criteria_set in [
        ("Trà hoa vàng", 7),
        ("Mật ong hoa nhãn", 4),
        ("Đường phèn", 4),
        ("Dưa hấu", 4),
        ("Bánh cáy", 7),
        ("Ếch đồng", 4),
    ]:
        _in_scoring(council, producer_org, name, criteria_set)
    factories.DossierFactory(
        round=council.round, product__producer=producer_org, product__name="Ấm trà", council=council
    )  # a draft: not in scoring, not on the agenda

    session = _open(council, chair)

    assert _agenda(session) == [
        (1, "Dưa hấu"),
        (2, "Đường phèn"),
        (3, "Ếch đồng"),
        (4, "Mật ong hoa nhãn"),
        (5, "Bánh cáy"),
        (6, "Trà hoa vàng"),
    ]


def test_a_dossier_entering_scoring_later_joins_after_the_last_product(
    council, producer_org, chair
):
    # A dossier of the council not in scoring: the dossiers' ids and the items' ids differ.
    factories.DossierFactory(round=council.round, product__producer=producer_org, council=council)
    for name in ("Bánh cáy", "Cốm làng Vòng", "Dưa hấu"):
        _in_scoring(council, producer_org, name)
    session = _open(council, chair)
    items = {item.dossier.product.name: item for item in session.items.all()}
    set_agenda_order(session, by=chair, positions={items["Bánh cáy"].pk: 9})
    _in_scoring(council, producer_org, "Ấm trà")  # first by name, still last on the agenda
    _in_scoring(council, producer_org, "Bún chả")

    set_agenda_order(session, by=chair, positions={})

    assert _agenda(session) == [
        (1, "Cốm làng Vòng"),
        (2, "Dưa hấu"),
        (3, "Bánh cáy"),
        (4, "Ấm trà"),
        (5, "Bún chả"),
    ]


def test_each_dossier_finds_its_own_place_on_the_open_sittings_agenda(
    council, producer_org, chair, secretary, council_member, second_member, dossier
):
    other = _in_scoring(council, producer_org, "Bánh cáy")
    session = _open(council, chair)
    outside = _in_scoring(
        factories.CouncilFactory(round=council.round), producer_org, "Cốm làng Vòng"
    )

    assert open_item_for(dossier) == SessionItem.objects.get(session=session, dossier=dossier)
    assert open_item_for(other) == SessionItem.objects.get(session=session, dossier=other)
    assert open_item_for(outside) is None

    for member in (chair, secretary, council_member, second_member):
        submitted_sheet(dossier, member, 80)
        submitted_sheet(other, member, 80)
    close_session(session, by=chair)

    assert (open_item_for(dossier), open_item_for(other)) == (None, None)
