"""What an official reads beside a rating: the sheet's errors, the reason a product was stopped or
knocked out, the 5★ minima shown to the central council, and a council's criteria counted 0."""

from decimal import Decimal
from fractions import Fraction

import pytest

from criteria import scoring

from .test_catalogue_loading import catalogue
from .test_criteria_catalogue import leaf, opt, small_parts
from .test_scoring import SETS, best, sheet, synthetic  # noqa: F401 (fixture)


def test_each_sheet_error_says_what_is_wrong_with_the_criterion():
    cs = SETS[6]
    points = best(cs) | {"0.0": 1, "1.2": 9}
    del points["11"]

    _, errors = scoring.validate(cs, points)

    assert [str(e) for e in errors] == [
        "criteria set 6 has no scored criterion '0.0'",
        "criterion 1.2: 9 is not one of 0, 1, 2",
        "criterion 11 (CƠ HỘI THỊ TRƯỜNG TOÀN CẦU) has no points",
    ]


def test_a_dossier_knocked_out_in_a_set_without_its_own_rule_says_so(synthetic):  # noqa: F811
    result = scoring.score(synthetic, {"1.1": 40, "4.1": 25, "6": 35}, knocked_out=True)

    assert (result.stars, result.knocked_out, result.stopped) == (0, True, False)
    assert result.reason == "dossier knocked out (hồ sơ bị loại)"


def test_a_knocked_out_dossier_with_a_stop_note_gives_both_reasons_knockout_first():
    cs = SETS[4]
    stop = cs.criterion("6.1").rules[0].text

    result = scoring.score(cs, best(cs), findings=["6.1"], knocked_out=True)

    assert (result.stars, result.knocked_out, result.stopped) == (0, True, False)
    assert result.reason == "; ".join([*cs.knockout_rules, f"6.1: {stop}"])


def test_a_knockout_note_and_a_stop_note_are_both_named_in_sheet_order():
    cs = SETS[6]
    knockout = cs.criterion("2.1").rules[0].text
    stop = cs.criterion("6.1").rules[0].text

    result = scoring.score(cs, best(cs), findings=["6.1", "2.1"])

    assert (result.stars, result.knocked_out, result.stopped) == (0, True, False)
    assert result.reason == f"2.1: {knockout}; 6.1: {stop}"
    assert [(n.criterion, n.sheets) for n in result.stopped_by] == [("2.1", ()), ("6.1", ())]


def test_missed_5_star_minima_are_shown_only_from_90_points():
    cs = SETS[6]

    at_72 = scoring.score(cs, sheet(cs, 72, 4, **{"7": 1}))
    at_90 = scoring.score(cs, sheet(cs, 90, 5, **{"4_1": 3}))

    assert (at_72.unmet_minima, at_72.missing_five_star_minima) == (("7",), ())
    assert (at_90.unmet_minima, at_90.missing_five_star_minima) == (("4.1",), ("4.1",))


STORY_SET = 6


def test_a_council_lists_each_criterion_counted_0_once_in_sheet_order():
    cs = SETS[STORY_SET]
    without_story = best(cs) | {"5.1": 0}

    result = scoring.council_result(cs, [best(cs), without_story, without_story])

    assert result.not_applicable == ("5.2",)
    assert result.average == result.total == Decimal("95.33")


def test_parts_that_cannot_make_the_total_are_named_in_the_error():
    with pytest.raises(scoring.ScoringError, match=r"cannot add up to 20\.05$"):
        scoring.apportion({"A": Fraction(10), "B": Fraction(10)}, Decimal("20.05"))


def test_a_council_without_sheets_or_with_findings_for_fewer_sheets_is_told_which():
    cs = SETS[7]

    with pytest.raises(scoring.ScoringError, match=r"^criteria set 7: no score sheets to average$"):
        scoring.council_result(cs, [])
    with pytest.raises(scoring.ScoringError, match=r"^one list of findings per score sheet$"):
        scoring.council_result(cs, [best(cs)] * 2, findings=[[]])


def test_a_star_mark_on_two_alternative_options_is_met_by_the_lower_one(tmp_path):
    parts = small_parts()
    alternatives = [opt(0), opt(20, 3, case="a"), opt(30, 3, case="b"), opt(40)]
    parts[0]["sections"][0]["criteria"] = [leaf("1.1", *alternatives)]
    cs = scoring.load_criteria_set("1/2000", 1, root=catalogue(tmp_path, parts))

    result = scoring.score(cs, {"1.1": 20, "4.1": 10, "6": 35})

    assert cs.minima(3) == {"1.1": Decimal(20)}
    assert (result.total, result.band_stars, result.stars, result.unmet_minima) == (65, 3, 3, ())


def test_points_given_to_a_parent_criterion_are_told_to_go_on_its_sub_criteria():
    cs = SETS[11]

    _, errors = scoring.validate(cs, best(cs) | {"6.1": 4})

    assert [str(e) for e in errors] == [
        "criteria set 11 has no scored criterion '6.1' (it groups sub-criteria: score those)"
    ]


def test_a_sheet_missing_its_first_criteria_still_has_the_rest_checked():
    cs = SETS[6]
    points = best(cs) | {"11": 9}
    del points["1.1"], points["1.2"]

    chosen, errors = scoring.validate(cs, points)

    assert [(type(e).__name__, e.code) for e in errors] == [
        ("MissingCriterion", "1.1"),
        ("MissingCriterion", "1.2"),
        ("InvalidPoints", "11"),
    ]
    assert chosen["2.1"] == best(cs)["2.1"]


def test_the_allowed_points_are_listed_in_numeric_order(tmp_path):
    cs = scoring.load_criteria_set("1/2000", 1, root=catalogue(tmp_path, small_parts()))

    _, errors = scoring.validate(cs, {"1.1": 40, "4.1": 25, "6": 7})

    assert [str(e) for e in errors] == ["criterion 6: 7 is not one of 0, 5, 35"]
