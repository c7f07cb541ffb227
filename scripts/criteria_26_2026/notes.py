"""The stop, knock-out and applicability notes the sheets print, and requirement notes the
extraction dropped: sourced data, each quoted from the transcript, and the rules they become."""

from .sheet import find, find_or_none

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
    story, structure = find_or_none(sheet, "5.1"), find_or_none(sheet, "5.2")
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
