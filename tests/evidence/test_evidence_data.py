"""The evidence types per criterion (criteria/data/26-2026/evidence.json) cover every criterion of
every set with kinds the portal knows, and say so explicitly when no document proves one."""

import pytest

from criteria import evidence, scoring
from products.models import EvidenceKind

SETS = [info.number for info in scoring.list_criteria_sets("26/2026")]


def test_the_decision_has_26_sets():
    assert list(range(1, 27)) == SETS


@pytest.mark.parametrize("number", SETS)
def test_every_scored_criterion_names_known_kinds_or_what_it_is_judged_on(number):
    criteria_set = scoring.load_criteria_set("26/2026", number)

    found = evidence.expectations("26/2026", number)

    assert list(found) == [c.code for c in criteria_set.leaf_criteria()]
    for code, expected in found.items():
        assert set(expected.kinds) <= set(EvidenceKind.values), (number, code)
        assert expected.kinds or expected.judged_on in evidence.JUDGED_ON, (number, code)
        assert expected.source, (number, code)


def test_criteria_are_matched_by_title_not_by_their_shifting_codes():
    # 1.5 is chain linkage in set 4 (honey) but environmental protection in set 5.
    assert evidence.expected_kinds("26/2026", 4, "1.5") == ("raw_material",)
    assert evidence.expected_kinds("26/2026", 5, "1.5") == ("environment",)


def test_sensory_criteria_are_judged_on_the_sample_and_name_no_document():
    impurities = evidence.expectations("26/2026", 4)["6.1"]

    assert (impurities.kinds, impurities.judged_on) == ((), "sample")


def test_a_set_overrides_a_criterion_whose_title_means_something_else_there():
    # In set 23 (flowers) "quality assurance" is an internal control plan with traceability,
    # not the food-safety certificate it means in the food sets.
    assert evidence.expected_kinds("26/2026", 23, "8") == ("traceability",)
    assert evidence.expected_kinds("26/2026", 6, "9") == ("food_safety", "certification")


def test_tourism_location_is_judged_at_the_site_not_confused_with_taste():
    location = evidence.expectations("26/2026", 26)["6"]

    assert (location.kinds, location.judged_on) == ((), "site")


def test_an_entry_without_kinds_must_say_what_it_is_judged_on():
    with pytest.raises(evidence.EvidenceDataError):
        evidence._expectation({"title": "x", "kinds": [], "source": "s"}, "topic x")
    with pytest.raises(evidence.EvidenceDataError):
        evidence._expectation({"title": "x", "kinds": ["story"], "judged_on": "sample"}, "topic x")
