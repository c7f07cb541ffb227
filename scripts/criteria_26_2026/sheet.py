"""The extraction's shape -> the catalogue's: criteria, options and notes split from titles, and
the helpers that find and regroup criteria in a sheet."""

import re

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
    found = find_or_none(sheet, code)
    if found is None:
        raise KeyError(code)
    return found


def find_or_none(sheet: dict, code: str) -> dict | None:
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
