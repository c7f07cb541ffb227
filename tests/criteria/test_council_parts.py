"""The council's part averages (A, B, C) add up to its average total: each is rounded to 0.01 by
largest remainder, never more than 0.01 from its exact value."""

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from criteria import scoring

from .test_scoring import NUMBERS, PROPERTY, SETS, sheets

SET_6 = SETS[6]


def _sheet_with_parts(cs, **part_totals) -> dict[str, Decimal]:
    """Options for every criterion, each part adding up to the given total (a small knapsack)."""
    chosen: dict[str, Decimal] = {}
    for part in cs.parts:
        reachable: dict[Decimal, dict[str, Decimal]] = {Decimal(0): {}}
        for crit in part.leaves():
            reachable = {
                subtotal + option.points: {**picked, crit.code: option.points}
                for subtotal, picked in reachable.items()
                for option in crit.options
            }
        chosen |= reachable[Decimal(part_totals[part.code])]
    return chosen


def test_parts_that_would_print_90_99_beside_91_add_up_to_91():
    # Thirds everywhere: A 36⅓, B 22⅓, C 32⅓; each rounded alone, 36.33 + 22.33 + 32.33 = 90.99.
    members = [
        _sheet_with_parts(SET_6, A=36, B=22, C=33),
        _sheet_with_parts(SET_6, A=36, B=22, C=32),
        _sheet_with_parts(SET_6, A=37, B=23, C=32),
    ]

    result = scoring.council_result(SET_6, members)

    assert result.average == Decimal("91.00")
    assert result.parts == {"A": Decimal("36.34"), "B": Decimal("22.33"), "C": Decimal("32.33")}
    assert sum(result.parts.values()) == result.average


def test_parts_that_would_print_91_01_beside_91_share_the_cents_in_sheet_order_on_a_tie():
    # A 36⅔, B 22⅔, C 31⅔: each rounded alone, 91.01; equal remainders, so A and B get them.
    exact = {"A": Fraction(110, 3), "B": Fraction(68, 3), "C": Fraction(95, 3)}

    parts = scoring.apportion(exact, Decimal("91.00"))

    assert parts == {"A": Decimal("36.67"), "B": Decimal("22.67"), "C": Decimal("31.66")}


def test_exact_parts_are_left_as_they_are():
    exact = {"A": Fraction(3025, 100), "B": Fraction(20), "C": Fraction(2975, 100)}

    assert scoring.apportion(exact, Decimal("80.00")) == {
        "A": Decimal("30.25"),
        "B": Decimal("20.00"),
        "C": Decimal("29.75"),
    }


def test_a_total_the_parts_cannot_reach_is_an_error():
    with pytest.raises(scoring.ScoringError):
        scoring.apportion({"A": Fraction(10), "B": Fraction(10)}, Decimal("20.05"))


@PROPERTY
@given(st.data())
def test_council_parts_always_add_up_exactly_to_the_average(data):
    number = data.draw(st.sampled_from(list(NUMBERS)))
    members = [
        points for _, points in data.draw(st.lists(sheets([number]), min_size=1, max_size=9))
    ]
    cs = SETS[number]

    result = scoring.council_result(cs, members)

    assert sum(result.parts.values()) == result.average
    for part in cs.parts:
        exact = sum(
            Fraction(scoring.score(cs, points).parts[part.code]) for points in members
        ) / len(members)
        assert abs(Fraction(result.parts[part.code]) - exact) < Fraction(1, 100)
        assert result.parts[part.code] == result.parts[part.code].quantize(Decimal("0.01"))
