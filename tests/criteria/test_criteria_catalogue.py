"""The criteria catalogue: Decision 26/2026/QĐ-TTg Appendices I-II as committed data."""

import importlib.util
import json
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from criteria import loader, scoring

DECISION = "26/2026"
NUMBERS = range(1, 27)
REPO = Path(__file__).resolve().parents[2]
CATALOGUE = REPO / "criteria" / "data" / "26-2026"
EXTRACTION = REPO / "scripts" / "data" / "qd26-2026-criteria-extracted.json"


def criteria_set(number):
    return scoring.load_criteria_set(DECISION, number)


def options_of(number, code):
    return [(o.points, o.min_star) for o in criteria_set(number).criterion(code).options]


def write_set(folder, number, parts, **fields):
    data = {
        "decision": fields.pop("decision"),
        "number": number,
        "name": f"Bộ {number}",
        "sector": "Thực phẩm",
        "group": "Nhóm thử",
        "max_points": 100,
        "parts": parts,
        **fields,
    }
    (folder / f"set-{number:02d}.json").write_text(json.dumps(data, ensure_ascii=False))


def leaf(code, *options, title="Tiêu chí"):
    max_points = max(o["points"] for o in options)
    return {"code": code, "title": title, "max_points": max_points, "options": list(options)}


def opt(points, min_star=None, **extra):
    return {"label": f"{points} điểm", "points": points, "min_star": min_star, **extra}


def small_parts():
    """A 100-point sheet with one criterion per part: A 40, B 25, C 35."""
    sections = [
        ("A", "1", leaf("1.1", opt(0), opt(20, 3), opt(40))),
        ("B", "4", leaf("4.1", opt(0), opt(10), opt(25, 4))),
        ("C", "6", leaf("6", opt(0), opt(5), opt(35, 5))),
    ]
    return [
        {
            "code": part,
            "title": f"Phần {part}",
            "max_points": crit["max_points"],
            "sections": [
                {"code": code, "title": "Mục", "max_points": crit["max_points"], "criteria": [crit]}
            ],
        }
        for part, code, crit in sections
    ]


@pytest.fixture
def two_decisions(tmp_path):
    """A catalogue root holding the real 26/2026 and a small synthetic "148/2023"."""
    shutil.copytree(CATALOGUE, tmp_path / "26-2026")
    old = tmp_path / "148-2023"
    old.mkdir()
    decision = {"code": "148/2023", "title": "Quyết định 148/QĐ-TTg", "date": "2023-02-24"}
    (old / "decision.json").write_text(json.dumps(decision))
    write_set(old, 1, small_parts(), decision="148/2023")
    scoring.clear_cache()
    return tmp_path


@pytest.mark.parametrize("number", NUMBERS)
def test_every_set_sums_to_100_with_parts_40_25_35(number):
    cs = criteria_set(number)

    maxima = {p.code: p.max_points for p in cs.parts}

    assert maxima == {"A": 40, "B": 25, "C": 35}
    assert cs.max_points == 100


@pytest.mark.parametrize("number", NUMBERS)
def test_every_part_and_section_max_equals_its_contents(number):
    cs = criteria_set(number)

    parts = [(p.max_points, sum(s.max_points for s in p.sections)) for p in cs.parts]
    sections = [
        (s.max_points, sum(c.max_points for c in s.criteria)) for p in cs.parts for s in p.sections
    ]

    assert [a for a, _ in parts] == [b for _, b in parts]
    assert [a for a, _ in sections] == [b for _, b in sections]


@pytest.mark.parametrize("number", NUMBERS)
def test_every_criterion_max_equals_its_best_option_or_its_children(number):
    cs = criteria_set(number)

    pairs = [
        (
            c.max_points,
            max(o.points for o in c.options)
            if c.is_leaf
            else sum(k.max_points for k in c.children),
        )
        for c in cs.all_criteria()
    ]

    assert [a for a, _ in pairs] == [b for _, b in pairs]


@pytest.mark.parametrize("number", NUMBERS)
def test_every_code_is_unique_in_its_set(number):
    cs = criteria_set(number)

    criteria = [c.code for c in cs.all_criteria()]
    sections = [s.code for p in cs.parts for s in p.sections]

    assert len(criteria) == len(set(criteria))
    assert len(sections) == len(set(sections))
    assert [p.code for p in cs.parts] == ["A", "B", "C"]


@pytest.mark.parametrize("number", NUMBERS)
def test_every_leaf_has_options_and_only_leaves_have_them(number):
    cs = criteria_set(number)

    leaves_ok = [len(c.options) >= 2 for c in cs.leaf_criteria()]
    parents = [c.options for c in cs.all_criteria() if not c.is_leaf]

    assert all(leaves_ok)
    assert parents == [()] * len(parents)


@pytest.mark.parametrize("number", NUMBERS)
def test_star_marks_are_3_4_or_5_and_labels_carry_no_asterisks(number):
    cs = criteria_set(number)

    marks = {o.min_star for c in cs.leaf_criteria() for o in c.options}
    starred = [o.label for c in cs.leaf_criteria() for o in c.options if "*" in o.label]

    assert marks <= {None, 3, 4, 5}
    assert starred == []


def test_decision_has_26_sets_in_6_sectors_and_17_groups():
    infos = scoring.list_criteria_sets(DECISION)

    sectors = {i.sector for i in infos}
    groups = {(i.sector, i.group) for i in infos}

    assert [i.number for i in infos] == list(NUMBERS)
    assert len(sectors) == 6
    assert len(groups) == 17


def test_sets_carry_the_classification_of_appendix_i():
    decision = json.loads((CATALOGUE / "decision.json").read_text(encoding="utf-8"))
    expected = {}
    for sector in decision["sectors"]:
        for group in sector["groups"]:
            for sub in group.get("subgroups", [group]):
                expected[sub["set"]] = (sector["name"], group["name"])

    actual = {n: (criteria_set(n).sector, criteria_set(n).group) for n in NUMBERS}

    assert actual == expected
    assert actual[6] == ("Thực phẩm", "Thực phẩm chế biến")
    assert actual[26][0] == "Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch"


def test_decision_26_2026_is_listed_with_its_date():
    decisions = scoring.list_decisions()

    assert [(d.code, d.date.isoformat(), d.folder) for d in decisions] == [
        ("26/2026", "2026-05-22", "26-2026")
    ]


@pytest.mark.parametrize(
    ("number", "code"), [(n, "2.4") for n in range(1, 21)] + [(21, "2.3"), (22, "2.3")]
)
def test_bilingual_label_criterion_scores_yes_1_and_no_0(number, code):
    crit = criteria_set(number).criterion(code)

    options = [(o.label, o.points) for o in crit.options]

    assert crit.title.startswith("Ghi nhãn hàng hóa có sử dụng song ngữ")
    assert options == [("Không", 0), ("Có", 1)]


@pytest.mark.parametrize(
    ("number", "code", "expected"),
    [
        (3, "5.1", [(0, None), (1, None), (2, None), (3, None), (5, 4)]),
        (4, "7", [(0, None), (1, None), (3, None)]),
        (7, "7", [(0, None), (1, None), (3, 4), (5, 5)]),
        (10, "7", [(0, None), (1, None), (3, 4), (5, 5)]),
        (10, "8", [(2, 3), (4, None), (5, None)]),
        (11, "6.1.1", [(0, None), (1, None), (2, 4)]),
        (21, "6.2", [(1, None), (3, None), (5, 5)]),
        (22, "6.2", [(1, None), (3, None), (5, 5)]),
        (23, "8", [(0, None), (2, None), (4, 3)]),
        (23, "9", [(2, None), (4, None)]),
    ],
)
def test_extraction_defects_are_corrected(number, code, expected):
    options = options_of(number, code)

    assert options == [(Decimal(p), s) for p, s in expected]


@pytest.mark.parametrize(
    ("number", "parent", "children"),
    [
        (11, "6.1", ["6.1.1", "6.1.2"]),
        (11, "6.2", ["6.2.1", "6.2.2", "6.2.3"]),
        (13, "6.1", ["6.1.1", "6.1.2", "6.1.3", "6.1.4", "6.1.5"]),
        (13, "6.2", ["6.2.1", "6.2.2"]),
    ],
)
def test_nested_sensory_criteria_group_their_sub_criteria(number, parent, children):
    crit = criteria_set(number).criterion(parent)

    codes = [c.code for c in crit.children]

    assert codes == children
    assert crit.options == ()


def test_community_tourism_has_part_c_with_twelve_service_criteria():
    cs = criteria_set(26)

    part_b, part_c = cs.parts[1], cs.parts[2]

    assert [s.code for s in part_b.sections] == ["4", "5"]
    assert [s.code for s in part_c.sections] == [str(n) for n in range(6, 18)]


def test_community_tourism_alternative_cases_are_labelled():
    crit = criteria_set(26).criterion("9")

    cases = [(o.case[:15], o.points) for o in crit.options]

    assert cases == [
        ("a. Trường hợp 1", 1),
        ("a. Trường hợp 1", 2),
        ("b. Trường hợp 2", 1),
        ("b. Trường hợp 2", 2),
    ]
    assert crit.note == "Lựa chọn một trong hai trường hợp sau:"


def test_the_dossier_knockout_rule_stays_on_the_set_and_the_notes_go_on_criteria():
    craft, tea = criteria_set(21), criteria_set(11)

    assert len(craft.knockout_rules) == 1
    assert craft.knockout_rules[0].startswith("Hồ sơ bị loại khi: Giả mạo hồ sơ")
    ip = craft.criterion("6.2").rules
    assert [(r.kind, r.when, r.text) for r in ip] == [
        ("knockout", "finding", "Ghi chú: Nếu sản phẩm vi phạm sở hữu trí tuệ, sẽ bị loại bỏ")
    ]
    assert [(r.kind, r.text[:8]) for r in tea.criterion("6.1.1").rules] == [("stop", "Chú ý: N")]
    assert criteria_set(26).knockout_rules == ()


def test_rows_walk_parts_sections_and_nested_criteria_with_depths():
    cs = criteria_set(11)

    rows = [(depth, item.code) for depth, item in cs.rows()]

    assert rows[:3] == [(0, "A"), (1, "1"), (2, "1.1")]
    assert rows[rows.index((1, "6")) + 1 : rows.index((1, "6")) + 4] == [
        (2, "6.1"),
        (3, "6.1.1"),
        (3, "6.1.2"),
    ]
    assert (1, "7") in rows
    assert (2, "7") not in rows


def test_criterion_lookup_names_an_unknown_code():
    cs = criteria_set(6)

    with pytest.raises(scoring.UnknownCriterion, match=r"'9\.9'") as raised:
        cs.criterion("9.9")

    assert raised.value.code == "9.9"


def test_two_decisions_load_side_by_side(two_decisions):
    root = two_decisions

    new = scoring.load_criteria_set("26/2026", 6, root=root)
    old = scoring.load_criteria_set("148/2023", 1, root=root)
    decisions = [d.code for d in scoring.list_decisions(root=root)]

    assert decisions == ["148/2023", "26/2026"]
    assert (new.decision, new.name, len(new.leaf_criteria())) == (
        "26/2026",
        "Chế biến từ gạo, ngũ cốc",
        32,
    )
    assert (old.decision, [c.code for c in old.leaf_criteria()]) == (
        "148/2023",
        ["1.1", "4.1", "6"],
    )
    assert [i.number for i in scoring.list_criteria_sets("148/2023", root=root)] == [1]


def test_module_root_points_the_catalogue_elsewhere(two_decisions, monkeypatch):
    monkeypatch.setattr(loader, "CRITERIA_ROOT", two_decisions)

    old = scoring.load_criteria_set("148/2023", 1)

    assert old.max_points == 100


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda parts: parts[0]["sections"][0]["criteria"][0]["options"].pop(), "max 40 != 20"),
        (lambda parts: parts.pop(), "not 100"),
        (lambda parts: parts[1]["sections"][0].update(max_points=24), "section 4 max"),
        (lambda parts: parts[1].update(max_points=24), "part B max"),
        (
            lambda parts: parts[1]["sections"][0]["criteria"][0].update(code="1.1"),
            r"1\.1 is repeated",
        ),
    ],
)
def test_inconsistent_catalogue_data_is_refused(tmp_path, mutate, message):
    folder = tmp_path / "1-2000"
    folder.mkdir()
    parts = small_parts()
    mutate(parts)
    write_set(folder, 1, parts, decision="1/2000")

    with pytest.raises(scoring.CatalogueError, match=message):
        scoring.load_criteria_set("1/2000", 1, root=tmp_path)


@pytest.mark.parametrize(("decision", "number"), [("26/2026", 27), ("../etc", 1), ("9/1999", 1)])
def test_missing_sets_and_bad_decision_codes_are_refused(decision, number):
    with pytest.raises(scoring.CatalogueError):
        scoring.load_criteria_set(decision, number)


def test_generator_reproduces_the_committed_catalogue(tmp_path, monkeypatch):
    # The script imports its package (scripts/criteria_26_2026/) from its own folder, which
    # Python puts on sys.path only when the script is run, not when it is loaded by path.
    monkeypatch.syspath_prepend(REPO / "scripts")
    spec = importlib.util.spec_from_file_location(
        "build_criteria", REPO / "scripts" / "build_criteria_26_2026.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)

    module.build(EXTRACTION, tmp_path)

    built = {p.name: p.read_bytes() for p in sorted(tmp_path.iterdir())}
    # evidence.json (evidence types per criterion) is maintained by hand, not extracted.
    committed = {
        p.name: p.read_bytes() for p in sorted(CATALOGUE.iterdir()) if p.name != "evidence.json"
    }
    assert built == committed
