"""Build the criteria catalogue of Decision 26/2026/QĐ-TTg: ``criteria/data/26-2026/``.

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
OUT = REPO / "criteria" / "data" / "26-2026"

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

# The sheets' stop, knock-out and applicability notes, as data on their criterion (issue 16, item
# 2). Each was read in the transcript; "@~N" is its character offset. "when" says how the note's
# condition is known: "finding" - the council member records it beside the criterion (imported
# raw materials, a copied product, unacceptable impurities, no product declaration); "zero" - the
# criterion's chosen option is worth 0 points; "requires_points" - the criterion applies only when
# the criterion named in "requires" scored above 0 points.
_SOIL = (
    "Ghi chú: Nếu có tạp chất không chấp nhận được (các tạp chất có nguy cơ gây mất an toàn "
    "thực phẩm) như: đất, côn trùng, lông, len, mốc nguy hại,... sẽ không đánh giá các bước "
    "tiếp theo."
)
_HAIR = (
    "Chú ý: Nếu có các tạp chất không chấp nhận được (các tạp chất có nguy cơ gây mất an toàn "
    "thực phẩm) như: Lông, côn trùng, mẫu gỗ, cát, nhựa ... sẽ không đánh giá các bước tiếp theo"
)
_FOREIGN = (
    "Ghi chú: Nếu có tạp chất lạ có nguy cơ gây mất an toàn thực phẩm như đất, côn trùng, lông, "
    "len... sẽ không đánh giá các bước tiếp theo"
)
_IMPURITY_GLOSS = (
    "Not evaluated further if the product holds unacceptable impurities that put food safety at "
    "risk (soil, insects, hair, wool, harmful mould, wood, sand, plastic...)."
)
STOP_NOTES = {
    1: [
        (
            "6.1",
            "Ghi chú: Không xem xét các chỉ tiêu khác nếu sản phẩm có các tạp chất có nguy cơ ảnh "
            "hưởng đến vệ sinh an toàn thực phẩm, như: ruồi bọ, lông, len, cát sỏi....",
            "@~140k",
        )
    ],
    2: [
        (
            "6.1",
            "Chú ý: Nếu có các tạp chất không chấp nhận được (có nguy cơ gây mất an toàn thực "
            "phẩm) như: Lông, côn trùng, mẫu gỗ, cát, nhựa … sẽ không đánh giá các bước tiếp theo)",
            "@~226k",
        )
    ],
    3: [
        (
            "6.1",
            "Chú ý: Nếu có các tạp chất không chấp nhận được (có nguy cơ gây mất an toàn thực "
            "phẩm) như: Lông, côn trùng, mẫu gỗ, cát, nhựa ...sẽ không đánh giá các bước tiếp theo",
            "@~308k",
        )
    ],
    4: [
        (
            "6.1",
            "Chú ý: Nếu có các tạp chất không chấp nhận được (có nguy cơ gây mất an toàn thực "
            "phẩm) sẽ không đánh giá các bước tiếp theo",
            "@~390k",
        )
    ],
    5: [("6.1", _SOIL, "@~470k")],
    6: [("6.1", _SOIL, "@~552k")],
    7: [("6.1", _SOIL, "@~651k")],
    8: [
        (
            "6.1",
            "Ghi chú: Nếu có tạp chất không chấp nhận được (các tạp chất có nguy cơ gây mất an "
            "toàn thực phẩm) như: đất, côn trùng, lông, lông, len, mốc nguy hại,... sẽ không đánh "
            "giá các bước tiếp theo.",
            "@~752k",
        )
    ],
    9: [("6.1", _HAIR, "@~842k")],
    10: [("6.1", _HAIR, "@~923k")],
    11: [("6.1.1", _HAIR, "@~1008k")],
    12: [
        (
            "6.1",
            "Chú ý: Nếu có các tạp chất không chấp nhận được (các tạp chất có nguy cơ gây mất an "
            "toàn thực phẩm) như: lông, côn trùng, mẫu gỗ, cát, nhựa... sẽ không đánh giá các "
            "bước tiếp theo",
            "@~1093k",
        )
    ],
    13: [
        (
            "6.1.1",
            "Ghi chú: Nếu có tạp chất lạ có nguy cơ gây mất AN TOÀN THỰC PHẨM như đất, côn trùng, "
            "lông, len ... sẽ không đánh giá các bước tiếp theo.",
            "@~1175k",
        )
    ],
    15: [("6.1", _FOREIGN + ".", "@~1332k")],
    17: [("6.1", _FOREIGN, "@~1492k")],
}
# Set 16 (bottled water), after 6.4 (@~1412k), covering 6.1-6.4: a 0 on any of them stops.
ZERO_STOP_16 = (
    "Ghi chú: Nếu được 0 điểm tại một trong các chỉ tiêu trên, sẽ không đánh giá các bước tiếp "
    "theo."
)
# Sets 19 (cosmetics, @~1693k) and 20 (essential oils, @~1792k), under section 6.
DECLARATION_STOPS = {
    19: "Ghi chú: Không đánh giá các bước tiếp theo nếu không có Phiếu công bố sản phẩm mỹ phẩm "
    "theo quy định",
    20: "Ghi chú: Không đánh giá các bước tiếp theo nếu không có Phiếu công bố sản phẩm theo quy "
    "định",
}
# Under 1.1 "Nguồn nguyên liệu" (set 7 @~582k, set 18 @~1526k; sets 7-15 and 18-20, as the
# audit in issue 16 found).
IMPORTED_KNOCKOUT = (
    "Ghi chú: Bị loại nếu sử dụng toàn bộ nguyên liệu nhập khẩu hoặc không rõ nguồn gốc"
)
IMPORTED_SETS = (*range(7, 16), 18, 19, 20)
# Under 2.1 "Nguồn gốc ý tưởng sản phẩm" (set 6 @~515k, set 7 @~607k; sets 5-14).
IDEA_KNOCKOUT = (
    "Ghi chú: Bị loại nếu phát hiện giống hệt sản phẩm của nhà sản xuất khác, chỉ "
    "thay đổi tên sản phẩm, nhà sản xuất"
)
IDEA_SETS = range(5, 15)
# Sets 21-22, 6.2 top option: "...***** Ghi chú: Nếu sản phẩm vi phạm sở hữu trí tuệ, sẽ bị
# loại bỏ".
IP_KNOCKOUT = "Ghi chú: Nếu sản phẩm vi phạm sở hữu trí tuệ, sẽ bị loại bỏ"
# Under 5.2 "Cấu trúc câu chuyện sản phẩm" in every product set (read in sets 1-5, 8, 9, 14-17,
# 20, 22-25): its options score the story of 5.1, so without a story (5.1 at 0) 5.2 scores 0.
STORY_NOTE = "Chỉ áp dụng khi có câu chuyện sản phẩm"
# Requirement notes the extraction dropped (printed in italics under the criterion, no points).
EXTRA_NOTES = {
    (1, "1.1"): "Yêu cầu: 100% sản phẩm được trồng trên địa bàn cấp tỉnh",  # @~89k
    **{
        (n, "8"): "Ghi chú: Bản Tiêu chuẩn sản phẩm phải có phiếu kiểm nghiệm các chỉ tiêu an "
        "toàn thực phẩm"
        for n in (12, 15, 16)  # @~1104k, @~1342k, @~1414k
    },
    **{
        (n, "10"): "Ghi chú: Đánh giá dựa trên các hợp đồng xuất khẩu đã thực hiện, hoặc các "
        "chứng nhận chất lượng đã được cấp, hoặc các thông tin về đánh giá thị trường, kết quả "
        "xúc tiến thương mại ở các thị trường tiềm năng."
        for n in (15, 16)  # @~1346k, @~1420k
    },
    # Read in full on 3 December 2026: set 21 (its 7 and 9, @~1886k-1888k), set 22 (@~1896.7k-
    # 1967k), set 24 (@~2037k-2107k), set 25 (@~2107k-2175k) and set 26 (@~2175k-2256k).
    (21, "7"): "Ghi chú: Bản Tiêu chuẩn sản phẩm phải có phiếu kiểm nghiệm các chỉ tiêu an toàn "
    "thực phẩm",  # @~1886k
    **{
        (n, "9"): "Ghi chú: Đánh giá dựa trên các hợp đồng xuất khẩu đã thực hiện, hoặc các "
        "chứng nhận chất lượng đã được cấp, hoặc các thông tin về đánh giá thị trường, kết quả "
        "xúc tiến thương mại ở các thị trường tiềm năng."
        for n in (21, 24, 25)  # @~1888k, @~2103k, @~2172k
    },
    # Set 22 prints the same note with a doubled full stop (@~1964k).
    (22, "9"): "Ghi chú: Đánh giá dựa trên các hợp đồng xuất khẩu đã thực hiện, hoặc các chứng "
    "nhận chất lượng đã được cấp, hoặc các thông tin về đánh giá thị trường, kết quả xúc tiến "
    "thương mại ở các thị trường tiềm năng..",
    (24, "1.1"): "Yêu cầu: 100% sản phẩm được trồng trên địa bàn cấp tỉnh",  # @~2038k
    (25, "1.1"): "Yêu cầu: 100% sản phẩm được nuôi trên địa bàn cấp tỉnh",  # @~2111k
    # Set 26 prints 4.3's explanation on its own row under the title (@~2209k).
    (26, "4.3"): "(Gồm: Tổ chức kinh doanh, phân phối sản phẩm)",
}
SOURCE = "QĐ 26/2026/QĐ-TTg, Phụ lục II, bộ {number}, ghi chú tại tiêu chí {code}"


def rule(number, code, kind, when, text, gloss, requires=None) -> tuple[str, dict]:
    data = {"kind": kind, "when": when, "text": text, "gloss": gloss}
    if requires:
        data["requires"] = requires
    return code, data | {"source": SOURCE.format(number=number, code=code)}


def notes_of(number: int, sheet: dict) -> list[tuple[str, dict]]:
    """Every stop, knock-out and applicability note of set ``number``, by criterion code."""
    found = []
    if number in IMPORTED_SETS:
        assert find(sheet, "1.1")["title"] == "Nguồn nguyên liệu", number
        gloss = "Knocked out if the raw materials are all imported or of unknown origin."
        found.append(rule(number, "1.1", "knockout", "finding", IMPORTED_KNOCKOUT, gloss))
    if number in IDEA_SETS:
        assert find(sheet, "2.1")["title"] == "Nguồn gốc ý tưởng sản phẩm", number
        gloss = (
            "Knocked out if found identical to another producer's product, with only the "
            "product or producer name changed."
        )
        found.append(rule(number, "2.1", "knockout", "finding", IDEA_KNOCKOUT, gloss))
    story, structure = _find(sheet, "5.1"), _find(sheet, "5.2")
    if (
        story
        and structure
        and structure["title"] == "Cấu trúc câu chuyện sản phẩm"
        and any(o["points"] == 0 and "Không có câu chuyện" in o["label"] for o in story["options"])
    ):
        gloss = (
            "Applies only when there is a product story: without one (5.1 at 0 points) 5.2 "
            "scores 0."
        )
        found.append(rule(number, "5.2", "applies_if", "requires_points", STORY_NOTE, gloss, "5.1"))
    for code, text, _offset in STOP_NOTES.get(number, []):
        found.append(rule(number, code, "stop", "finding", text, _IMPURITY_GLOSS))
    if number == 16:
        gloss = "Not evaluated further if any of criteria 6.1-6.4 scores 0 points."
        for code in ("6.1", "6.2", "6.3", "6.4"):
            found.append(rule(number, code, "stop", "zero", ZERO_STOP_16, gloss))
    if number in DECLARATION_STOPS:
        gloss = "Not evaluated further without the product declaration required by law."
        found.append(rule(number, "6", "stop", "finding", DECLARATION_STOPS[number], gloss))
    if number in (21, 22):
        gloss = "Knocked out if the product infringes intellectual property rights."
        found.append(rule(number, "6.2", "knockout", "finding", IP_KNOCKOUT, gloss))
    return found


# Printed notes that the extraction glued to titles (issue 16, item 9): a requirement ("Yêu cầu:
# ...") or an explanation printed in italics on its own line under the bold title.
NOTE_SPLIT = re.compile(
    r"\s+((?:Yêu cầu:|Áp dụng bắt buộc|Chất lượng\s*[:(]).*"
    r"|\((?:Khả năng|Chất lượng|Sử dụng trực tiếp|Theo hồ sơ|Hồ sơ kiểm tra|Gồm:|Của ngoại hình"
    r"|Chỉ ra hàm lượng).*\)?)$"
)


def split_note(title: str) -> tuple[str, str]:
    match = NOTE_SPLIT.search(title)
    if not match:
        return title, ""
    return title[: match.start()].strip(), match.group(1).strip()


NUMBERING = re.compile(r"^\d+(?:\.\d+)*\.?\s+")
PART_TITLE = re.compile(r"^Phần\s*[ABC]\s*:?\s*|\s*\(\d+\s*điểm\)\s*$", re.IGNORECASE)


def option(label: str, points: int, min_star: int | None = None, **extra) -> dict:
    return {"label": label, "points": points, "min_star": min_star, **extra}


def criterion(code: str, title: str, max_points: int, options=(), children=()) -> dict:
    title, note = split_note(title)
    return {
        "code": code,
        "title": title,
        "max_points": max_points,
        "options": list(options),
        "children": list(children),
        **({"note": note} if note else {}),
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
            title, note = split_note(title)
            sections.append(
                {"code": sec["code"], "title": title, "max_points": sec["max"], "criteria": crits}
                | ({"note": note} if note else {})
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
    found = _find(sheet, code)
    if found is None:
        raise KeyError(code)
    return found


def _find(sheet: dict, code: str) -> dict | None:
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
    return None


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
    if number in (4, 7, 10, 11):
        # 1.2 prints three options; the first, "Không được cấp giấy chứng nhận chất lượng", has a
        # blank points cell (set 7 @~583k), which is 0 as in sets 1-3, 5, 6, 8, 12, 13 and 18.
        # The extractor dropped rows without points (issue 16, item 1).
        crit = find(sheet, "1.2")
        assert crit["title"] == "Vùng nguyên liệu được cấp chứng nhận chất lượng", number
        assert min(o["points"] for o in crit["options"]) == 1, number
        crit["options"].insert(0, option("Không được cấp giấy chứng nhận chất lượng", 0))
    for (set_number, code), note in EXTRA_NOTES.items():
        if set_number == number:
            crit = find(sheet, code)
            crit["note"] = "\n".join(filter(None, (crit.get("note"), note)))
    for code, data in notes_of(number, sheet):
        find(sheet, code).setdefault("rules", []).append(data)
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
        # hữu trí tuệ, sẽ bị loại bỏ" - a 5★ mark followed by a knock-out note (IP_KNOCKOUT).
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
            assert "rules" not in crit
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
        data = {
            "decision": "26/2026",
            "number": number,
            "name": raw["name"],
            "heading": f"({raw['classification']})",
            **{k: index[number][k] for k in ("sector", "group", "subgroup", "agencies")},
            "max_points": 100,
            "knockout_rules": knockouts,
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
