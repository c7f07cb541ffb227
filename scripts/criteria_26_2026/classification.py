"""Appendix I of the Decision: which criteria set each product group is scored on, and by whom.

It gives each set its sector, group, sub-group and managing agencies, and ``decision.json`` its
classification tree.
"""

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


def decision_document() -> dict:
    """``decision.json``: the Decision's identity, its point and star bands, Appendix I's tree."""
    return {
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
