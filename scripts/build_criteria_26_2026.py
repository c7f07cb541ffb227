"""Build the criteria catalogue of Decision 26/2026/QĐ-TTg: ``evaluations/criteria/26-2026/``.

The committed JSON files are the source of truth at run time; this script only documents how they
were made. It reads the machine extraction of Appendix II
(``scripts/data/qd26-2026-criteria-extracted.json``, kept in the repository so that a clone alone
can rebuild the catalogue and the tests can check it), normalises it, applies the explicit
corrections below (each one cites what the source text says) and writes ``set-01.json`` …
``set-26.json`` plus ``decision.json`` (Appendix I classification).

Source text: the public transcript of the Decision, GitHub ``hakienpdu95/minhan``,
``docs/bnn_txng.html`` (a thuvienphapluat.vn rendering). "@~N" below is the character offset in
that file where the quoted passage is.

Run from the repository root::

    .venv/bin/python scripts/build_criteria_26_2026.py [path/to/qd26-2026-criteria-extracted.json]
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = REPO / "scripts" / "data" / "qd26-2026-criteria-extracted.json"
OUT = REPO / "evaluations" / "criteria" / "26-2026"

NNMT = "Bộ Nông nghiệp và Môi trường"
BCT = "Bộ Công Thương"
BYT = "Bộ Y tế"
BVHTTDL = "Bộ Văn hóa, Thể thao và Du lịch"

# Appendix I (@~36k-66k): sector (I-VI) -> group (1..) -> sub-group (a..) = criteria set, with the
# managing agency ("Cơ quan chủ trì quản lý", footnote 1: Decree 15/2018/NĐ-CP). A group without
# sub-groups is itself a criteria set. Names are as printed in Appendix I (which says "Sản phẩm
# chè từ thực vật khác" and "Đồ uống không cồn" where Appendix II headings say "trà", "... khác").
CLASSIFICATION = [
    (
        "I",
        "Thực phẩm",
        [
            (
                "1",
                "Thực phẩm tươi sống",
                [
                    ("a", "Rau, củ, quả, hạt tươi", 1, [NNMT]),
                    ("b", "Thịt, thủy sản, trứng, sữa tươi", 2, [NNMT]),
                ],
            ),
            (
                "2",
                "Thực phẩm thô, sơ chế",
                [
                    ("a", "Gạo, ngũ cốc, hạt sơ chế khác", 3, [NNMT]),
                    ("b", "Mật ong, mật khác và nông sản thực phẩm khác", 4, [NNMT]),
                ],
            ),
            (
                "3",
                "Thực phẩm chế biến",
                [
                    ("a", "Đồ ăn nhanh", 5, [BCT]),
                    ("b", "Chế biến từ gạo, ngũ cốc", 6, [NNMT, BCT]),
                    ("c", "Chế biến từ rau, củ, quả, hạt", 7, [NNMT]),
                    (
                        "d",
                        "Chế biến từ thịt, trứng, sữa, thủy sản, các sản phẩm từ mật ong, "
                        "mật khác và nông sản thực phẩm khác",
                        8,
                        [NNMT, BCT],
                    ),
                ],
            ),
            (
                "4",
                "Gia vị",
                [
                    ("a", "Tương, nước mắm, gia vị dạng lỏng khác", 9, [NNMT]),
                    ("b", "Gia vị khác", 10, [NNMT]),
                ],
            ),
            (
                "5",
                "Chè",
                [
                    ("a", "Chè tươi, chế biến", 11, [NNMT]),
                    ("b", "Sản phẩm chè từ thực vật khác", 12, [NNMT]),
                ],
            ),
            ("6", "Cà phê, ca cao", 13, [NNMT]),
        ],
    ),
    (
        "II",
        "Đồ uống",
        [
            (
                "1",
                "Đồ uống có cồn",
                [
                    ("a", "Rượu trắng", 14, [BCT]),
                    ("b", "Đồ uống có cồn khác", 15, [BCT]),
                ],
            ),
            (
                "2",
                "Đồ uống không cồn",
                [
                    ("a", "Nước khoáng thiên nhiên, nước uống đóng chai", 16, [BYT]),
                    ("b", "Đồ uống không cồn", 17, [BCT]),
                ],
            ),
        ],
    ),
    (
        "III",
        "Dược liệu và sản phẩm từ dược liệu",
        [
            ("1", "Thực phẩm chức năng, thuốc dược liệu, thuốc cổ truyền", 18, [BYT]),
            ("2", "Mỹ phẩm có thành phần từ dược liệu", 19, [BYT]),
            ("3", "Tinh dầu và dược liệu khác", 20, [BYT, BCT]),
        ],
    ),
    (
        "IV",
        "Hàng thủ công mỹ nghệ",
        [
            ("1", "Thủ công mỹ nghệ gia dụng, trang trí", 21, [BCT, NNMT]),
            ("2", "Vải, may mặc", 22, [BCT]),
        ],
    ),
    (
        "V",
        "Sinh vật cảnh",
        [
            ("1", "Hoa", 23, [NNMT]),
            ("2", "Cây cảnh", 24, [NNMT]),
            ("3", "Động vật cảnh", 25, [NNMT]),
        ],
    ),
    (
        "VI",
        "Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch",
        [
            (
                "1",
                "Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch",
                26,
                [BVHTTDL, NNMT],
            ),
        ],
    ),
]

# In-sheet stop rules ("sẽ không đánh giá các bước tiếp theo") under the impurity criterion. Only
# the sets whose note was read in the source are listed: sets 8, 9, 12, 13 and 14-17 also have an
# impurity criterion ("Tạp chất", "Tạp chất lạ") whose note is not transcribed yet.
# Verbatim per set (the wording varies); offsets are where each note was read.
_FOOD_SAFETY = "(có nguy cơ gây mất an toàn thực phẩm)"
_SOIL = (
    "Ghi chú: Nếu có tạp chất không chấp nhận được (các tạp chất có nguy cơ gây mất an toàn "
    "thực phẩm) như: đất, côn trùng, lông, len, mốc nguy hại,... sẽ không đánh giá các bước "
    "tiếp theo."
)
_HAIR = (
    "Chú ý: Nếu có các tạp chất không chấp nhận được (các tạp chất có nguy cơ gây mất an toàn "
    "thực phẩm) như: Lông, côn trùng, mẫu gỗ, cát, nhựa ... sẽ không đánh giá các bước tiếp theo"
)
STOP_RULES = {
    2: [
        (
            "6.1",
            f"Chú ý: Nếu có các tạp chất không chấp nhận được {_FOOD_SAFETY} như: Lông, côn "
            "trùng, mẫu gỗ, cát, nhựa … sẽ không đánh giá các bước tiếp theo)",
        )
    ],  # @~226k
    3: [
        (
            "6.1",
            f"Chú ý: Nếu có các tạp chất không chấp nhận được {_FOOD_SAFETY} như: Lông, côn "
            "trùng, mẫu gỗ, cát, nhựa ...sẽ không đánh giá các bước tiếp theo",
        )
    ],  # @~308k
    4: [
        (
            "6.1",
            f"Chú ý: Nếu có các tạp chất không chấp nhận được {_FOOD_SAFETY} sẽ không đánh "
            "giá các bước tiếp theo",
        )
    ],  # @~390k
    5: [("6.1", _SOIL)],  # @~470k
    6: [("6.1", _SOIL)],  # @~552k
    7: [("6.1", _SOIL)],  # @~651k
    10: [("6.1", _HAIR)],  # @~923k
    11: [("6.1.1", _HAIR)],  # @~1008k
}
# Knock-out notes inside the sheet ("Bị loại ..."), besides the "Hồ sơ bị loại khi" header line.
IDEA_KNOCKOUT = (
    "Ghi chú: Bị loại nếu phát hiện giống hệt sản phẩm của nhà sản xuất khác, chỉ "
    "thay đổi tên sản phẩm, nhà sản xuất"
)  # set 6, under 2.1 @~515k
IP_KNOCKOUT = "Ghi chú: Nếu sản phẩm vi phạm sở hữu trí tuệ, sẽ bị loại bỏ"  # sets 21-22, 6.2
EXTRA_KNOCKOUTS = {6: [IDEA_KNOCKOUT], 21: [IP_KNOCKOUT], 22: [IP_KNOCKOUT]}

NUMBERING = re.compile(r"^\d+(?:\.\d+)*\.?\s+")
PART_TITLE = re.compile(r"^Phần\s*[ABC]\s*:?\s*|\s*\(\d+\s*điểm\)\s*$", re.IGNORECASE)


def option(label: str, points: int, min_star: int | None = None, **extra) -> dict:
    return {"label": label, "points": points, "min_star": min_star, **extra}


def criterion(code: str, title: str, max_points: int, options=(), children=()) -> dict:
    return {
        "code": code,
        "title": title,
        "max_points": max_points,
        "options": list(options),
        "children": list(children),
    }


def normalise(raw: dict) -> dict:
    """The extraction's shape -> ours. A section that carries options itself (e.g. "7. TÍNH ĐỘC
    ĐÁO") becomes a section with one criterion of the same code; numbering prefixes leave titles
    (the code carries them)."""
    parts = []
    for part in raw["parts"]:
        sections = []
        for sec in part["sections"]:
            title = NUMBERING.sub("", sec["title"]).strip()
            if sec["options"]:
                crits = [
                    criterion(
                        sec["code"],
                        title,
                        sec["max"],
                        [
                            option(o["label"].strip(), o["points"], o["min_star"])
                            for o in sec["options"]
                        ],
                    )
                ]
            else:
                crits = [
                    criterion(
                        c["code"],
                        NUMBERING.sub("", c["title"]).strip(),
                        c["max"],
                        [
                            option(o["label"].strip(), o["points"], o["min_star"])
                            for o in c["options"]
                        ],
                    )
                    for c in sec["criteria"]
                ]
            sections.append(
                {"code": sec["code"], "title": title, "max_points": sec["max"], "criteria": crits}
            )
        parts.append(
            {
                "code": part["part"],
                "title": PART_TITLE.sub("", part["title"]).strip(),
                "max_points": part["max"],
                "sections": sections,
            }
        )
    return {"parts": parts}


def find(sheet: dict, code: str) -> dict:
    def walk(crits):
        for c in crits:
            if c["code"] == code:
                return c
            found = walk(c["children"])
            if found:
                return found
        return None

    for part in sheet["parts"]:
        for sec in part["sections"]:
            found = walk(sec["criteria"])
            if found:
                return found
    raise KeyError(code)


def section(sheet: dict, code: str) -> dict:
    return next(s for p in sheet["parts"] for s in p["sections"] if s["code"] == code)


def nest(sheet: dict, section_code: str) -> None:
    """Group sub-criteria "6.1.1", "6.1.2" … under their parent "6.1" (which has no options)."""
    sec = section(sheet, section_code)
    top, by_code = [], {}
    for crit in sec["criteria"]:
        parent = by_code.get(crit["code"].rsplit(".", 1)[0])
        (parent["children"] if parent else top).append(crit)
        by_code[crit["code"]] = crit
    sec["criteria"] = top


def correct(number: int, sheet: dict) -> None:
    """The corrections, one per source defect; every set not named here is taken as extracted."""
    # All sets with a bilingual-label criterion (2.4; 2.3 in sets 21-22): the law prints only the
    # criterion row with its maximum "1" and no option rows (e.g. set 6 @~516k, set 7 @~611k).
    # It is scored yes = 1 / no = 0.
    for part in sheet["parts"]:
        for sec in part["sections"]:
            for crit in sec["criteria"]:
                if crit["title"].startswith("Ghi nhãn hàng hóa có sử dụng song ngữ"):
                    assert not crit["options"], (number, crit)
                    assert crit["max_points"] == 1, (number, crit)
                    crit["options"] = [option("Không", 0), option("Có", 1)]
    if number == 3:
        # 5.1 top option ends with a spaced mark "* * * *" the extractor did not read: 4★
        # minimum, as in 5.1 of every other product set.
        top = find(sheet, "5.1")["options"][-1]
        top["label"], top["min_star"] = top["label"].rstrip(" *"), 4
    if number == 4:
        # 7. DINH DƯỠNG: the source prints "13" for "Có trên 2 chỉ tiêu" (@~404k) under a
        # section maximum of 3; sets 1 and 3 score the same option 3.
        assert find(sheet, "7")["options"][-1]["points"] == 13
        find(sheet, "7")["options"][-1]["points"] = 3
    if number == 7:
        # 7. TÍNH ĐỘC ĐÁO: the last option is bulleted "o" instead of "□" in the source
        # (@~667k: "o Rất độc đáo và có tính đặc trưng*****" → 5), so the extractor dropped it.
        find(sheet, "7")["options"].append(option("Rất độc đáo và có tính đặc trưng", 5, 5))
    if number == 10:
        # Part C: the heading "8 CÔNG BỐ CHẤT LƯỢNG SẢN PHẨM" (no dot, max 5, @~942k) was not
        # recognised, so its three options were appended to section 7.
        sec7 = section(sheet, "7")
        moved = sec7["criteria"][0]["options"][4:]
        del sec7["criteria"][0]["options"][4:]
        title = "CÔNG BỐ CHẤT LƯỢNG SẢN PHẨM"
        part_c = sheet["parts"][2]
        part_c["sections"].insert(
            1 + part_c["sections"].index(sec7),
            {
                "code": "8",
                "title": title,
                "max_points": 5,
                "criteria": [criterion("8", title, 5, moved)],
            },
        )
    if number == 11:
        # 6.1.1 Tạp chất: the source prints "11" for "Có rất ít tạp chất, chấp nhận được"
        # (@~1008k) under a maximum of 2; every other impurity criterion scores it 1.
        find(sheet, "6.1.1")["options"][1]["points"] = 1
    if number in (11, 13):
        # 6.1 Ngoại hình and 6.2 Nước pha are headings (maxima 4/11 in set 11, 10/5 in set 13)
        # over sub-criteria 6.1.x / 6.2.x (@~1008k, @~1178k); the extraction listed them flat.
        nest(sheet, "6")
    if number in (21, 22):
        # 6.2 top option: "...thể hiện trí tuệ địa phương***** Ghi chú: Nếu sản phẩm vi phạm sở
        # hữu trí tuệ, sẽ bị loại bỏ" - a 5★ mark followed by a knock-out note (EXTRA_KNOCKOUTS).
        top = find(sheet, "6.2")["options"][-1]
        top["label"], top["min_star"] = top["label"].split("*****")[0].strip(), 5
    if number == 23:
        # Part C: "9. HƯỚNG DẪN SỬ DỤNG ĐỂ ĐẢM BẢO SẢN PHẨM CÓ CHẤT LƯỢNG TỐT NHẤT CHO NGƯỜI TIÊU
        # DÙNG" (max cell prints "4" and a stray "1", @~2031k) was merged into section 8.
        sec8 = section(sheet, "8")
        moved = sec8["criteria"][0]["options"][3:]
        del sec8["criteria"][0]["options"][3:]
        title = "HƯỚNG DẪN SỬ DỤNG ĐỂ ĐẢM BẢO SẢN PHẨM CÓ CHẤT LƯỢNG TỐT NHẤT CHO NGƯỜI TIÊU DÙNG"
        part_c = sheet["parts"][2]
        part_c["sections"].insert(
            1 + part_c["sections"].index(sec8),
            {
                "code": "9",
                "title": title,
                "max_points": 4,
                "criteria": [criterion("9", title, 4, moved)],
            },
        )
    if number == 26:
        # The heading "PHẦN C / CHẤT LƯỢNG SẢN PHẨM (35 Điểm)" (@~2226k) was not recognised, so
        # sections 6-17 sat in Part B (which then summed 60). Part A's heading says "(35 Điểm)"
        # but its points column says 40 and its sections sum to 40: the title loses the figure.
        part_b = sheet["parts"][1]
        part_c = {
            "code": "C",
            "title": "CHẤT LƯỢNG SẢN PHẨM",
            "max_points": 35,
            "sections": part_b["sections"][2:],
        }
        del part_b["sections"][2:]
        sheet["parts"].append(part_c)
        # Criteria 8, 9 and 15: "Lựa chọn một trong hai trường hợp sau:" then two option lists
        # (@~2228k-2250k); the case heading is kept on each option as "case".
        case1 = "a. Trường hợp 1: Dịch vụ du lịch do cộng đồng cung cấp"
        for code, case2 in (
            ("8", "b. Trường hợp 2: Điểm dịch vụ du lịch"),
            ("9", "b. Trường hợp 2: Dịch vụ du lịch do tổ chức, cá nhân cung cấp"),
            ("15", "b. Trường hợp 2: Dịch vụ du lịch do tổ chức, cá nhân cung cấp"),
        ):
            crit = find(sheet, code)
            crit["note"] = "Lựa chọn một trong hai trường hợp sau:"
            for i, opt in enumerate(crit["options"]):
                opt["case"] = case1 if i < 2 else case2
    # Kept as printed, although they look like drafting slips (no correction): set 7 3.1 scores
    # its first two options 1/1 (@~611k); set 23 6.2 scores "Chấp nhận được" and "Phù hợp với đặc
    # tính sản phẩm" 1/1 (@~2019k); set 10 3.5 has no 4★ mark (@~898k).


def classification_index() -> dict[int, dict]:
    index = {}
    for sector_code, sector, groups in CLASSIFICATION:
        for group_code, group, *rest in groups:
            if isinstance(rest[0], int):
                index[rest[0]] = {
                    "sector": sector,
                    "group": group,
                    "subgroup": None,
                    "path": [sector_code, group_code],
                    "agencies": rest[1],
                }
                continue
            for sub_code, sub, number, agencies in rest[0]:
                index[number] = {
                    "sector": sector,
                    "group": group,
                    "subgroup": sub,
                    "path": [sector_code, group_code, sub_code],
                    "agencies": agencies,
                }
    return index


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


def build(source: Path, out: Path = OUT) -> None:
    extracted = json.loads(source.read_text(encoding="utf-8"))
    index = classification_index()
    out.mkdir(parents=True, exist_ok=True)
    for raw in extracted["sets"]:
        number = raw["no"]
        sheet = normalise(raw)
        correct(number, sheet)
        check(number, sheet)
        knockouts = (
            [f"Hồ sơ bị loại khi: {raw['elimination_rule']}"] if raw["elimination_rule"] else []
        )
        knockouts += EXTRA_KNOCKOUTS.get(number, [])
        data = {
            "decision": "26/2026",
            "number": number,
            "name": raw["name"],
            "heading": f"({raw['classification']})",
            **{k: index[number][k] for k in ("sector", "group", "subgroup", "agencies")},
            "max_points": 100,
            "knockout_rules": knockouts,
            "stop_rules": [{"criterion": c, "text": t} for c, t in STOP_RULES.get(number, [])],
            "parts": sheet["parts"],
        }
        path = out / f"set-{number:02d}.json"
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    decision = {
        "code": "26/2026",
        "number": "26/2026/QĐ-TTg",
        "title": "Ban hành Bộ tiêu chí và quy trình đánh giá, phân hạng sản phẩm mỗi xã một "
        "sản phẩm",
        "date": "2026-05-22",
        "signed_by": "KT. Thủ tướng, Phó Thủ tướng Hồ Quốc Dũng",
        "max_points": 100,
        "part_maxima": {"A": 40, "B": 25, "C": 35},
        # Art. 3.3: "Tổng điểm trung bình" bands, half-open; "min" is inclusive.
        "star_bands": [
            {"stars": 1, "min": 0},
            {"stars": 2, "min": 30},
            {"stars": 3, "min": 50},
            {"stars": 4, "min": 70},
            {"stars": 5, "min": 90},
        ],
        "star_marks_note": "Ghi chú: Dấu sao là yêu cầu tối thiểu phải đạt theo các cấp độ sao "
        "(*** - 3 sao; **** - 4 sao; ***** - 5 sao)",
        "source": "Phụ lục I, II; transcript GitHub hakienpdu95/minhan docs/bnn_txng.html",
        "sectors": [
            {
                "code": sc,
                "name": sn,
                "groups": [
                    {"code": gc, "name": gn, "set": rest[0], "agencies": rest[1]}
                    if isinstance(rest[0], int)
                    else {
                        "code": gc,
                        "name": gn,
                        "subgroups": [
                            {"code": c, "name": n, "set": s, "agencies": a}
                            for c, n, s, a in rest[0]
                        ],
                    }
                    for gc, gn, *rest in groups
                ],
            }
            for sc, sn, groups in CLASSIFICATION
        ],
    }
    (out / "decision.json").write_text(
        json.dumps(decision, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    print(f"wrote {len(extracted['sets'])} sets and decision.json to {out}")


if __name__ == "__main__":
    build(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SOURCE)
