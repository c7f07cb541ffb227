"""Scoring rules of Decision 26/2026/QĐ-TTg: sheet totals, star bands, star minima, councils."""

import json
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from criteria import scoring

from .test_criteria_catalogue import small_parts, write_set

DECISION = "26/2026"
NUMBERS = range(1, 27)
SETS = {n: scoring.load_criteria_set(DECISION, n) for n in NUMBERS}
PROPERTY = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def best(cs):
    return {c.code: max(o.points for o in c.options) for c in cs.leaf_criteria()}


def worst(cs):
    return {c.code: min(o.points for o in c.options) for c in cs.leaf_criteria()}


def sheet(cs, total, level=0, **fixed):
    """A sheet with exactly ``total`` points whose options meet the ``level``★ minima, except
    the criteria in ``fixed`` (code with "_" for "."), which get the given points."""
    fixed = {code.replace("_", "."): Decimal(points) for code, points in fixed.items()}
    reachable = {Decimal(0): ()}
    for crit in cs.leaf_criteria():
        need = crit.required_points(level) if level >= 3 else None
        # A 0 that stops the evaluation (set 16, 6.1-6.4) is never picked unless asked for.
        floor = 1 if any(r.when == "zero" for r in crit.rules) else 0
        choices = (
            [fixed[crit.code]]
            if crit.code in fixed
            else sorted(
                {
                    o.points
                    for o in crit.options
                    if (need is None or o.points >= need) and o.points >= floor
                }
            )
        )
        reachable = {
            s + p: (*picked, p)
            for s, picked in reachable.items()
            for p in choices
            if s + p <= total
        }
    picked = reachable[Decimal(total)]
    return dict(zip((c.code for c in cs.leaf_criteria()), picked, strict=True))


def outcome(result):
    return (
        result.total,
        result.band_stars,
        result.stars,
        result.unmet_minima,
        result.nominate_national,
        result.certifiable,
    )


@pytest.fixture
def synthetic(tmp_path):
    """A small 100-point set whose criterion 6 stops the evaluation when it scores 0."""
    folder = tmp_path / "148-2023"
    folder.mkdir()
    parts = small_parts()
    stop = {"kind": "stop", "when": "zero", "text": "Dừng đánh giá", "gloss": "Stop"}
    parts[2]["sections"][0]["criteria"][0]["rules"] = [stop]
    write_set(folder, 1, parts, decision="148/2023")
    (folder / "decision.json").write_text(
        json.dumps({"code": "148/2023", "title": "148", "date": "2023-02-24"})
    )
    scoring.clear_cache()
    return scoring.load_criteria_set("148/2023", 1, root=tmp_path)


@pytest.mark.parametrize(
    ("total", "stars"),
    [
        ("0", 1),
        ("29.99", 1),
        ("30", 2),
        ("49.99", 2),
        ("50", 3),
        ("69.99", 3),
        ("70", 4),
        ("89.99", 4),
        ("90", 5),
        ("100", 5),
    ],
)
def test_band_edges_are_half_open(total, stars):
    band = scoring.band_stars(Decimal(total))

    assert band == stars


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        ({"total": 100, "level": 5}, (100, 5, 5, (), True, True)),
        ({"total": 90, "level": 5}, (90, 5, 5, (), True, True)),
        # Art. 7.3.e: 90 points go to the central council, a 5★ minimum missed or not.
        ({"total": 90, "level": 5, "_4_1": 3}, (90, 5, 4, ("4.1",), True, True)),
        ({"total": 89, "level": 5}, (89, 4, 4, (), False, True)),
        ({"total": 72, "level": 4}, (72, 4, 4, (), False, True)),
        ({"total": 72, "level": 4, "_7": 1}, (72, 4, 3, ("7",), False, True)),
        ({"total": 72, "level": 4, "_2_2": 1}, (72, 4, 2, ("2.2",), False, False)),
        ({"total": 50, "level": 3}, (50, 3, 3, (), False, True)),
        ({"total": 50, "level": 3, "_5_3": 0}, (50, 3, 2, ("5.3",), False, False)),
        ({"total": 49, "level": 3}, (49, 2, 2, (), False, False)),
        ({"total": 30}, (30, 2, 2, (), False, False)),
        ({"total": 29}, (29, 1, 1, (), False, False)),
    ],
)
def test_score_rates_set_6_by_band_and_cumulative_minima(case, expected):
    cs = SETS[6]
    fixed = {k[1:]: v for k, v in case.items() if k.startswith("_")}
    points = sheet(cs, case["total"], case.get("level", 0), **fixed)

    result = scoring.score(cs, points)

    assert outcome(result) == expected


def test_a_72_point_sheet_missing_a_3_star_minimum_rates_2_stars():
    cs = SETS[6]
    points = sheet(cs, 72, 4, **{"1_1": 1})

    result = scoring.score(cs, points)

    assert (result.total, result.band_stars, result.stars) == (72, 4, 2)
    assert result.unmet_minima == ("1.1",)


def test_score_sums_parts():
    cs = SETS[6]

    result = scoring.score(cs, best(cs))

    assert result.parts == {"A": 40, "B": 25, "C": 35}
    assert result.reason is None


@pytest.mark.parametrize("value", [2, "2", 2.0, Decimal("2.00")])
def test_points_may_be_int_str_float_or_decimal(value):
    cs = SETS[6]

    result = scoring.score(cs, best(cs) | {"1.1": value})

    assert result.total == 99


@pytest.mark.parametrize(
    ("change", "error", "code"),
    [
        (lambda p: p.pop("1.1"), scoring.MissingCriterion, "1.1"),
        (lambda p: p.update({"9.9": 1}), scoring.UnknownCriterion, "9.9"),
        (lambda p: p.update({"1.1": 7}), scoring.InvalidPoints, "1.1"),
        (lambda p: p.update({"1.1": 2.5}), scoring.InvalidPoints, "1.1"),
        (lambda p: p.update({"1.1": "abc"}), scoring.InvalidPoints, "1.1"),
        (lambda p: p.update({"1.1": True}), scoring.InvalidPoints, "1.1"),
        (lambda p: p.update({"1.1": None}), scoring.InvalidPoints, "1.1"),
        (lambda p: p.update({"1.1": "NaN"}), scoring.InvalidPoints, "1.1"),
    ],
)
def test_bad_sheets_raise_an_error_naming_the_criterion(change, error, code):
    cs = SETS[6]
    points = best(cs)
    change(points)

    with pytest.raises(error, match=f"'?{code}'?") as raised:
        scoring.score(cs, points)

    assert raised.value.code == code
    assert isinstance(raised.value, scoring.ScoringError)


def test_a_parent_criterion_is_not_scored_directly():
    cs = SETS[11]

    with pytest.raises(scoring.UnknownCriterion, match="groups sub-criteria") as raised:
        scoring.score(cs, best(cs) | {"6.1": 4})

    assert raised.value.code == "6.1"


def test_validate_reports_every_problem_in_sheet_order():
    cs = SETS[6]
    points = best(cs) | {"0.0": 1, "1.2": 9}
    del points["11"]

    _, errors = scoring.validate(cs, points)

    assert [(type(e).__name__, e.code) for e in errors] == [
        ("UnknownCriterion", "0.0"),
        ("InvalidPoints", "1.2"),
        ("MissingCriterion", "11"),
    ]


def test_knocked_out_sheet_gets_no_stars_and_the_knockout_reason():
    cs = SETS[6]

    result = scoring.score(cs, best(cs), knocked_out=True)

    assert (result.stars, result.band_stars, result.knocked_out, result.stopped) == (
        0,
        5,
        True,
        False,
    )
    assert result.reason.startswith("Hồ sơ bị loại khi: Giả mạo hồ sơ")
    assert (result.certifiable, result.nominate_national) == (False, False)


def test_an_impurity_finding_stops_the_sheet_and_names_the_note():
    cs = SETS[4]

    result = scoring.score(cs, best(cs), findings=["6.1"])

    assert (result.total, result.stars, result.stopped, result.knocked_out) == (100, 0, True, False)
    assert [(n.criterion, n.kind) for n in result.stopped_by] == [("6.1", "stop")]
    assert result.reason == "6.1: " + cs.criterion("6.1").rules[0].text


def test_choosing_a_stop_option_stops_the_evaluation(synthetic):
    points = {"1.1": 40, "4.1": 25, "6": 0}

    result = scoring.score(synthetic, points)

    assert (result.total, result.band_stars, result.stars, result.stopped) == (65, 3, 0, True)
    assert result.reason == "6: Dừng đánh giá"


def test_a_synthetic_set_rates_by_its_own_marks(synthetic):
    points = {"1.1": 40, "4.1": 10, "6": 35}

    result = scoring.score(synthetic, points)

    assert (result.total, result.band_stars, result.stars, result.unmet_minima) == (
        85,
        4,
        3,
        ("4.1",),
    )


@pytest.mark.parametrize(
    ("totals", "expected"),
    [
        ([100, 100], ("100.00", 5, 5, "0", False)),
        ([90, 89], ("89.50", 4, 4, "1", False)),
        ([90] * 5 + [89] * 3, ("89.63", 4, 4, "1", False)),
        ([100, 88], ("94.00", 5, 5, "12", True)),
        ([95, 85], ("90.00", 5, 5, "10", False)),
        ([50, 49, 49], ("49.33", 2, 2, "1", False)),
    ],
)
def test_council_averages_member_totals_half_up(totals, expected):
    cs = SETS[6]
    sheets = [sheet(cs, t, 5 if t >= 85 else 3) for t in totals]

    result = scoring.council_result(cs, sheets)

    average, band, stars, spread, exceeded = expected
    assert (result.average, result.band_stars, result.stars) == (Decimal(average), band, stars)
    assert (result.spread, result.spread_exceeded) == (Decimal(spread), exceeded)
    assert result.member_totals == tuple(Decimal(t) for t in totals)


@pytest.mark.parametrize(
    ("totals", "average", "band"),
    [
        ([50] * 66 + [49], "49.99", 2),
        ([50], "50.00", 3),
        ([70] * 66 + [69], "69.99", 3),
        ([70], "70.00", 4),
        ([90] * 66 + [89], "89.99", 4),
        ([90], "90.00", 5),
    ],
)
def test_council_band_edges_are_exact(totals, average, band):
    cs = SETS[1]
    sheets = [sheet(cs, t, max(3, scoring.band_stars(t))) for t in totals]

    result = scoring.council_result(cs, sheets)

    assert (result.average, result.band_stars, result.stars) == (Decimal(average), band, band)


@pytest.mark.parametrize(
    ("second", "stars", "unmet"),
    [({"2_2": 3}, 4, ()), ({"2_2": 2}, 2, ("2.2",))],
)
def test_council_minimum_is_met_when_the_members_average_reaches_it(second, stars, unmet):
    cs = SETS[6]
    first = sheet(cs, 72, 4, **{"2_2": 1})

    result = scoring.council_result(cs, [first, sheet(cs, 72, 4, **second)])

    assert (result.average, result.stars, result.unmet_minima) == (Decimal(72), stars, unmet)


def test_council_spread_limit_is_configurable():
    cs = SETS[6]
    sheets = [sheet(cs, 100, 5), sheet(cs, 88, 5)]

    result = scoring.council_result(cs, sheets, spread_limit=Decimal(12))

    assert (result.spread, result.spread_exceeded) == (Decimal(12), False)


def test_council_without_sheets_is_an_error():
    cs = SETS[6]

    with pytest.raises(scoring.ScoringError, match="no score sheets"):
        scoring.council_result(cs, [])


def test_council_rejects_a_bad_member_sheet():
    cs = SETS[6]

    with pytest.raises(scoring.InvalidPoints, match=r"1\.1"):
        scoring.council_result(cs, [best(cs), best(cs) | {"1.1": 9}])


def test_council_knocked_out_or_stopped_gets_no_stars(synthetic):
    good = {"1.1": 40, "4.1": 25, "6": 35}

    knocked = scoring.council_result(synthetic, [good, good], knocked_out=True)
    stopped = scoring.council_result(synthetic, [good, good | {"6": 0}])

    assert (knocked.stars, knocked.knocked_out, knocked.certifiable) == (0, True, False)
    assert (stopped.stars, stopped.stopped, stopped.reason) == (0, True, "6: Dừng đánh giá")
    assert [(n.criterion, n.sheets) for n in stopped.stopped_by] == [("6", (1,))]


@pytest.mark.parametrize("number", NUMBERS)
def test_all_best_sheet_scores_100_and_5_stars(number):
    cs = SETS[number]

    result = scoring.score(cs, best(cs))

    assert outcome(result) == (100, 5, 5, (), True, True)


@pytest.mark.parametrize("number", NUMBERS)
def test_all_worst_sheet_rates_by_its_band_and_is_not_certifiable(number):
    cs = SETS[number]

    result = scoring.score(cs, worst(cs))

    # Set 16: 0 points on 6.1-6.4 stops the evaluation (note under 6.4).
    assert result.stars == (0 if number == 16 else scoring.band_stars(result.total))
    assert result.stars == (2 if number == 26 else 0 if number == 16 else 1)
    assert result.certifiable is False


@pytest.mark.parametrize("number", NUMBERS)
@pytest.mark.parametrize(("edge", "level"), [(50, 3), (70, 4), (90, 5)])
def test_sheet_at_a_band_edge_meeting_its_minima_reaches_the_band(number, edge, level):
    cs = SETS[number]

    at_edge = scoring.score(cs, sheet(cs, edge, level))
    below = scoring.score(cs, sheet(cs, edge - 1, level))

    assert (at_edge.stars, below.stars) == (level, level - 1)


@st.composite
def sheets(draw, numbers=NUMBERS):
    cs = SETS[draw(st.sampled_from(list(numbers)))]
    points = {
        c.code: draw(st.sampled_from([o.points for o in c.options])) for c in cs.leaf_criteria()
    }
    return cs, points


@PROPERTY
@given(sheets())
def test_totals_stay_within_0_and_100(drawn):
    cs, points = drawn

    result = scoring.score(cs, points)

    assert Decimal(0) <= result.total <= Decimal(100)
    assert all(result.parts[p.code] <= p.max_points for p in cs.parts)
    assert result.band_stars == scoring.band_stars(result.total)
    if result.stopped_by:
        assert (result.stars, result.certifiable) == (0, False)
    else:
        assert 1 <= result.stars <= result.band_stars


@PROPERTY
@given(sheets(), st.data())
def test_more_points_on_a_criterion_never_gives_fewer_stars(drawn, data):
    cs, points = drawn
    crit = data.draw(st.sampled_from(cs.leaf_criteria()))
    higher = [o.points for o in crit.options if o.points >= points[crit.code]]
    raised = points | {crit.code: data.draw(st.sampled_from(higher))}

    before, after = scoring.score(cs, points), scoring.score(cs, raised)

    assert after.stars >= before.stars
    assert after.total >= before.total


@PROPERTY
@given(sheets())
def test_star_minima_are_enforced(drawn):
    cs, points = drawn

    result = scoring.score(cs, points)
    assume(not result.stopped_by)

    def met(level):
        return all(result.points[code] >= need for code, need in cs.minima(level).items())

    assert all(met(level) for level in range(3, result.stars + 1))
    if result.stars < result.band_stars:
        assert not met(result.stars + 1)
        assert result.unmet_minima != ()
    else:
        assert result.unmet_minima == ()


@PROPERTY
@given(st.decimals(min_value=0, max_value=100, places=2))
def test_band_of_any_total_matches_article_3_3(total):
    expected = 1 if total < 30 else 2 if total < 50 else 3 if total < 70 else 4 if total < 90 else 5

    band = scoring.band_stars(total)

    assert band == expected


@PROPERTY
@given(st.data())
def test_council_of_identical_sheets_rates_like_one_sheet(data):
    cs, points = data.draw(sheets())
    members = data.draw(st.integers(min_value=1, max_value=7))

    single = scoring.score(cs, points)
    council = scoring.council_result(cs, [points] * members)

    assert (council.average, council.stars, council.unmet_minima) == (
        single.total,
        single.stars,
        single.unmet_minima,
    )


@PROPERTY
@given(st.data())
def test_council_average_lies_between_member_totals(data):
    number = data.draw(st.sampled_from(list(NUMBERS)))
    members = data.draw(st.lists(sheets([number]), min_size=1, max_size=6))
    cs = SETS[number]

    result = scoring.council_result(cs, [points for _, points in members])

    assert min(result.member_totals) <= result.average <= max(result.member_totals)
    assert result.spread == max(result.member_totals) - min(result.member_totals)
    assert result.stars <= result.band_stars
