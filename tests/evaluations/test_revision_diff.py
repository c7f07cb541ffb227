"""The difference between two revisions' snapshots: only what changed is listed."""

import copy

from dossiers.revisions import CriterionChange, FieldChange, diff

BEFORE = {
    "version": 1,
    "product": {"name": "Mật ong hoa nhãn", "description": "Mật ong nguyên chất.", "capacity": ""},
    "photos": [{"id": 1, "file": "a.jpg", "caption": "Hũ mật", "is_cover": True}],
    "documents": [
        {"id": 10, "kind": "business_registration", "title": "Giấy ĐKKD", "file": "a.pdf"},
        {"id": 11, "kind": "test_report", "title": "Phiếu kiểm nghiệm 2025", "file": "b.pdf"},
    ],
    "self_assessment": {
        "1.1": {"points": "1", "option": 0},
        "1.2": {"points": "2", "option": 1},
        "1.10": {"points": "1", "option": 0},
    },
}


def _after(**changes):
    after = copy.deepcopy(BEFORE)
    after.update(changes)
    return after


def test_nothing_is_listed_when_nothing_changed():
    result = diff(BEFORE, copy.deepcopy(BEFORE))

    assert result.is_empty
    assert (result.fields, result.criteria, result.documents_replaced) == ([], [], [])


def test_a_changed_product_field_is_listed_old_to_new_and_only_it():
    after = _after(product={**BEFORE["product"], "description": "Mật ong hoa nhãn thu năm 2026."})

    result = diff(BEFORE, after)

    assert result.fields == [
        FieldChange("description", "Mật ong nguyên chất.", "Mật ong hoa nhãn thu năm 2026.")
    ]
    assert (result.documents_added, result.photos_added, result.criteria) == ([], [], [])


def test_a_new_document_of_the_same_kind_is_a_replacement():
    renewed = {"id": 12, "kind": "test_report", "title": "Phiếu kiểm nghiệm 2026", "file": "c.pdf"}
    after = _after(documents=[BEFORE["documents"][0], renewed])

    result = diff(BEFORE, after)

    assert result.documents_replaced == [(BEFORE["documents"][1], renewed)]
    assert (result.documents_added, result.documents_removed) == ([], [])


def test_documents_added_and_removed_of_different_kinds():
    food_safety = {"id": 13, "kind": "food_safety", "title": "Giấy ATTP", "file": "d.pdf"}
    after = _after(documents=[BEFORE["documents"][0], food_safety])

    result = diff(BEFORE, after)

    assert result.documents_added == [food_safety]
    assert result.documents_removed == [BEFORE["documents"][1]]
    assert result.documents_replaced == []


def test_photos_added_and_removed():
    new_photo = {"id": 2, "file": "b.jpg", "caption": "Nhãn mác", "is_cover": False}
    after = _after(photos=[new_photo])

    result = diff(BEFORE, after)

    assert (result.photos_added, result.photos_removed) == ([new_photo], [BEFORE["photos"][0]])


def test_self_assessment_criteria_whose_choice_changed_in_sheet_order():
    answers = copy.deepcopy(BEFORE["self_assessment"])
    answers["1.10"] = {"points": "3", "option": 2}
    answers["1.2"] = {"points": "2", "option": 0}  # the other case with the same points
    del answers["1.1"]
    after = _after(self_assessment=answers)

    result = diff(BEFORE, after)

    assert result.criteria == [
        CriterionChange("1.1", "1", None, 0, None),
        CriterionChange("1.2", "2", "2", 1, 0),
        CriterionChange("1.10", "1", "3", 0, 2),
    ]


def test_same_points_without_a_known_option_is_not_a_change():
    answers = copy.deepcopy(BEFORE["self_assessment"])
    answers["1.1"] = {"points": "1", "option": None}

    assert diff(BEFORE, _after(self_assessment=answers)).is_empty
