"""The arithmetic every built set must satisfy before it is written."""

from .sheet import NOTE_SPLIT


def check(number: int, sheet: dict) -> None:
    """Every set sums to 100 = 40/25/35; every max is its contents' sum or best option."""
    codes = []

    def crit_max(crit):
        codes.append(crit["code"])
        if crit["children"]:
            assert not crit["options"], (number, crit["code"])
            assert crit["max_points"] == sum(crit_max(c) for c in crit["children"]), crit["code"]
        else:
            assert len(crit["options"]) >= 2, (number, crit["code"])
            if crit["title"] == "Vùng nguyên liệu được cấp chứng nhận chất lượng":
                # Issue 16, item 1: a producer without a certificate is scored 0, never refused.
                assert min(o["points"] for o in crit["options"]) == 0, (number, crit["code"])
            assert NOTE_SPLIT.search(crit["title"]) is None, (number, crit["code"])
            best = max(o["points"] for o in crit["options"])
            assert crit["max_points"] == best, (number, crit["code"], best)
        return crit["max_points"]

    assert [p["code"] for p in sheet["parts"]] == ["A", "B", "C"], number
    for part, expected in zip(sheet["parts"], (40, 25, 35), strict=True):
        assert part["max_points"] == expected, (number, part["code"])
        for sec in part["sections"]:
            assert sec["max_points"] == sum(crit_max(c) for c in sec["criteria"]), (
                number,
                sec["code"],
            )
        assert part["max_points"] == sum(s["max_points"] for s in part["sections"]), number
    assert len(codes) == len(set(codes)), (number, codes)
