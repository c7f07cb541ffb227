"""Extraction -> ``set-NN.json`` and ``decision.json``: normalise, correct, check, write."""

import json
from pathlib import Path

from .checks import check
from .classification import classification_index, decision_document
from .corrections import correct
from .sheet import normalise

REPO = Path(__file__).resolve().parents[2]
DEFAULT_SOURCE = REPO / "scripts" / "data" / "qd26-2026-criteria-extracted.json"
OUT = REPO / "criteria" / "data" / "26-2026"


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
    (out / "decision.json").write_text(
        json.dumps(decision_document(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    print(f"wrote {len(extracted['sets'])} sets and decision.json to {out}")
