"""Loading a criteria catalogue afresh from its folder: nested criteria, the listings an official
picks a set from, and the messages that say what is wrong in a catalogue being prepared.

Every catalogue here is written to its own temporary folder, so nothing is served from the cache
of the committed 26/2026 sets loaded at collection time."""

import json
from decimal import Decimal

import pytest

from criteria import scoring

from .test_criteria_catalogue import leaf, opt, small_parts, write_set


def catalogue(tmp_path, parts, decision="1/2000", title="Quyết định 1/QĐ-TTg", **fields):
    folder = tmp_path / decision.replace("/", "-")
    folder.mkdir()
    write_set(folder, 1, parts, decision=decision, **fields)
    info = {"code": decision, "title": title, "date": "2000-01-31"}
    (folder / "decision.json").write_text(json.dumps(info, ensure_ascii=False), encoding="utf-8")
    return tmp_path


def nested_parts():
    """Part A's 40 points under a parent 1.1 grouping 1.1.1 (20) and 1.1.2 (20)."""
    parts = small_parts()
    children = [leaf("1.1.1", opt(0), opt(20, 3)), leaf("1.1.2", opt(0), opt(20))]
    parent = {"code": "1.1", "title": "Nhóm tiêu chí", "max_points": 40, "options": []}
    parts[0]["sections"][0]["criteria"] = [parent | {"children": children}]
    return parts


def test_a_parent_criterion_loads_with_its_children_scored_in_their_place(tmp_path):
    root = catalogue(tmp_path, nested_parts())

    cs = scoring.load_criteria_set("1/2000", 1, root=root)
    parent = cs.criterion("1.1")

    assert [c.code for c in cs.leaf_criteria()] == ["1.1.1", "1.1.2", "4.1", "6"]
    assert (parent.is_leaf, parent.max_points) == (False, Decimal(40))
    assert [c.code for c in parent.children] == ["1.1.1", "1.1.2"]
    assert cs.criterion("1.1.1").options[1].min_star == 3
    assert scoring.score(cs, {"1.1.1": 20, "1.1.2": 0, "4.1": 25, "6": 35}).total == 80


def test_a_parents_maximum_must_be_its_childrens_sum(tmp_path):
    parts = nested_parts()
    parts[0]["sections"][0]["criteria"][0]["children"][1] = leaf("1.1.2", opt(0), opt(10))
    parts[0]["sections"][0]["max_points"] = parts[0]["max_points"] = 40
    root = catalogue(tmp_path, parts)

    with pytest.raises(scoring.CatalogueError, match=r"1/2000 set 1: 1\.1 max 40 != 30"):
        scoring.load_criteria_set("1/2000", 1, root=root)


def test_a_criterion_found_by_its_code_is_the_one_on_the_sheet(tmp_path):
    root = catalogue(tmp_path, small_parts())

    cs = scoring.load_criteria_set("1/2000", 1, root=root)

    assert cs.criterion("4.1") is cs.leaf_criteria()[1]
    assert cs.criterion("4.1").max_points == 25


def both_options_and_children(parts):
    parent = parts[0]["sections"][0]["criteria"][0]
    parent["options"] = [opt(0), opt(40)]


def neither_options_nor_children(parts):
    parts[2]["sections"][0]["criteria"][0]["options"] = []


def a_child_without_options(parts):
    parts[0]["sections"][0]["criteria"][0]["children"][1]["options"] = []


def a_note_on_a_parent(parts):
    stop = {"kind": "stop", "when": "finding", "text": "Dừng đánh giá", "gloss": "Stop"}
    parts[0]["sections"][0]["criteria"][0]["rules"] = [stop]


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (both_options_and_children, r"^1/2000 set 1: 1\.1 needs options xor children$"),
        (neither_options_nor_children, r"^1/2000 set 1: 6 needs options xor children$"),
        (a_child_without_options, r"^1/2000 set 1: 1\.1\.2 needs options xor children$"),
        (a_note_on_a_parent, r"^1/2000 set 1: 1\.1 groups criteria; notes go on those$"),
    ],
)
def test_a_malformed_criterion_is_refused_naming_the_set_and_the_code(tmp_path, mutate, message):
    parts = nested_parts()
    mutate(parts)
    root = catalogue(tmp_path, parts)

    with pytest.raises(scoring.CatalogueError, match=message):
        scoring.load_criteria_set("1/2000", 1, root=root)


def test_a_malformed_note_names_the_set_and_carries_its_criterions_code(tmp_path):
    parts = small_parts()
    parts[1]["sections"][0]["criteria"][0]["rules"] = [
        {"kind": "ban", "when": "finding", "text": "x"}
    ]
    root = catalogue(tmp_path, parts)

    with pytest.raises(scoring.CatalogueError, match=r"^1/2000 set 1: 4\.1 has a note") as raised:
        scoring.load_criteria_set("1/2000", 1, root=root)

    assert raised.value.code == "4.1"


def test_a_bad_decision_code_is_named_in_the_refusal():
    with pytest.raises(scoring.CatalogueError, match=r"^not a decision code: '\.\./etc'$"):
        scoring.load_criteria_set("../etc", 1)


def test_a_decision_folder_without_sets_is_named_in_the_refusal(tmp_path):
    (tmp_path / "5-2001").mkdir()

    with pytest.raises(scoring.CatalogueError, match=r"^no criteria sets for decision '5/2001'"):
        scoring.list_criteria_sets("5/2001", root=tmp_path)


def test_the_set_picker_lists_each_sets_name_and_classification(tmp_path):
    root = catalogue(tmp_path, small_parts(), subgroup="Chế biến từ gạo")

    listed = scoring.list_criteria_sets("1/2000", root=root)

    assert listed == [
        scoring.CriteriaSetInfo(1, "Bộ 1", "Thực phẩm", "Nhóm thử", "Chế biến từ gạo")
    ]


def test_a_decision_is_listed_with_its_vietnamese_title(tmp_path):
    root = catalogue(tmp_path, small_parts())

    (listed,) = scoring.list_decisions(root=root)

    assert (listed.code, listed.title, listed.folder) == ("1/2000", "Quyết định 1/QĐ-TTg", "1-2000")
    assert listed.date.isoformat() == "2000-01-31"


def test_an_option_worth_true_is_refused_as_not_a_number(tmp_path):
    parts = small_parts()
    parts[2]["sections"][0]["criteria"][0]["options"][1]["points"] = True
    root = catalogue(tmp_path, parts)

    with pytest.raises(TypeError, match=r"^not a number: True$"):
        scoring.load_criteria_set("1/2000", 1, root=root)


def test_an_option_worth_nan_is_refused_as_not_finite(tmp_path):
    parts = small_parts()
    parts[2]["sections"][0]["criteria"][0]["options"][1]["points"] = "NaN"
    root = catalogue(tmp_path, parts)

    with pytest.raises(ValueError, match=r"^not a finite number: 'NaN'$"):
        scoring.load_criteria_set("1/2000", 1, root=root)
