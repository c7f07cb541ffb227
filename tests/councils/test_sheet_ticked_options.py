"""Which option the sheet page shows ticked, and how a typed value is read: the sheet a member
reopens shows the option they chose, whatever was stored before (an index out of range, points
no option carries, a criterion no longer on the sheet), and a value with a decimal comma or an
unreadable number is read or refused, never a server error."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from criteria import scoring
from evaluations.councils import running_total, save_sheet_points, sheet_for, ticked_options
from evaluations.models import ScoreSheet
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def set_7_dossier(council, producer_org):
    """Criteria set 7, whose criterion 3.1 has two options worth 1 point (then one worth 3)."""
    return factories.DossierFactory(
        round=council.round,
        product__producer=producer_org,
        product__criteria_set=7,
        state="in_scoring",
        council=council,
    )


@pytest.fixture
def set_7():
    return scoring.load_criteria_set("26/2026", 7)


def _stored(dossier, member, points, options=None):
    """A sheet as an older save may have left it: points and option indexes written as is."""
    return ScoreSheet.objects.create(
        dossier=dossier, member=member, points_by_code=points, options_by_code=options or {}
    )


def test_the_second_of_two_equal_options_stays_ticked(council_member, set_7_dossier, set_7):
    sheet = _stored(set_7_dossier, council_member, {"3.1": "1"}, {"3.1": 1})

    assert ticked_options(sheet, set_7) == {"3.1": 1}


def test_the_first_option_is_ticked_by_its_index(council_member, dossier, criteria_set):
    sheet = _stored(dossier, council_member, {"1.2": "0", "1.1": "3"}, {"1.2": 0, "1.1": 2})

    assert ticked_options(sheet, criteria_set) == {"1.2": 0, "1.1": 2}


@pytest.mark.parametrize("index", [3, 4, -1, "1", None])
def test_an_index_outside_the_options_falls_back_to_the_points(
    council_member, dossier, criteria_set, index
):
    # 1.1 has three options (1, 2, 3 points): index 3 is one past the last.
    sheet = _stored(dossier, council_member, {"1.1": "2"}, {"1.1": index})

    assert ticked_options(sheet, criteria_set) == {"1.1": 1}


def test_an_index_disagreeing_with_the_points_gives_way_to_the_points(
    council_member, dossier, criteria_set
):
    # Index 2 is the 3-point option; the sheet holds 1 point: the option worth 1 is ticked.
    sheet = _stored(dossier, council_member, {"1.1": "1"}, {"1.1": 2})

    assert ticked_options(sheet, criteria_set) == {"1.1": 0}


def test_points_without_an_index_tick_the_first_option_worth_them(
    council_member, set_7_dossier, set_7
):
    sheet = _stored(set_7_dossier, council_member, {"3.1": "1", "1.1": "2"})

    assert ticked_options(sheet, set_7) == {"3.1": 0, "1.1": 1}


def test_points_no_option_carries_tick_nothing(council_member, dossier, criteria_set):
    sheet = _stored(dossier, council_member, {"1.1": "7", "1.2": "1"}, {"1.1": 0, "1.2": 1})

    assert ticked_options(sheet, criteria_set) == {"1.2": 1}


def test_a_criterion_no_longer_on_the_sheet_is_skipped_and_the_rest_still_ticked(
    council_member, dossier, criteria_set
):
    sheet = _stored(dossier, council_member, {"9.9": "1", "1.1": "3", "1.3": "2"})

    assert ticked_options(sheet, criteria_set) == {"1.1": 2, "1.3": 1}


def test_a_decimal_comma_is_read_as_the_decimal_point(council_member, dossier, criteria_set):
    sheet = sheet_for(dossier, council_member)

    saved = save_sheet_points(sheet, points={"1.1": "2,0", "1.2": " 1 "})

    assert {code: Decimal(value) for code, value in saved.points_by_code.items()} == {
        "1.1": Decimal(2),
        "1.2": Decimal(1),
    }
    assert saved.options_by_code == {"1.1": 1, "1.2": 1}
    assert running_total(saved, criteria_set) == 3


@pytest.mark.parametrize("value", ["sNaN", "NaN", "Infinity", "-Infinity", "hai", True])
def test_a_value_that_is_no_number_is_refused_as_no_option(council_member, dossier, value):
    sheet = sheet_for(dossier, council_member)

    with pytest.raises(ValidationError) as refused:
        save_sheet_points(sheet, points={"1.1": value})

    sheet.refresh_from_db()
    assert refused.value.code == "invalid"
    assert refused.value.messages == ["Hãy chọn một trong các phương án của tiêu chí 1.1."]
    assert sheet.points_by_code == {}


def test_a_stored_value_that_is_no_number_ticks_nothing(council_member, dossier, criteria_set):
    sheet = _stored(dossier, council_member, {"1.1": "sNaN", "1.2": "1,0"})

    assert ticked_options(sheet, criteria_set) == {"1.2": 1}


def test_an_empty_sheets_running_total_is_zero_points(council_member, dossier, criteria_set):
    sheet = sheet_for(dossier, council_member)

    assert running_total(sheet, criteria_set) == 0
