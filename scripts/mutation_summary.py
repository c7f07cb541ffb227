"""Summarise the last `mutmut run` per module into tests/MUTATION.md.

    python scripts/mutation_summary.py        # rewrites the table between the markers

Only the table is generated: what each survivor means (killed by a new test, or equivalent)
is written by hand below it. A run over a subset (`make mutation MODULES=...`) replaces the rows
of the modules it ran and keeps the others, so the groups can be run one at a time.
"""

import re
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "tests" / "MUTATION.md"
BEGIN, END = "<!-- mutation-table:begin -->", "<!-- mutation-table:end -->"
# mutmut names a mutant module.path.x_function__mutmut_N (methods: xǁClassǁmethod).
MUTANT = re.compile(r"^\s*(?P<module>[\w.]+?)\.x[_ǁ]\S*__mutmut_\d+: (?P<status>.+)$")


def counts() -> dict[str, Counter]:
    mutmut = Path(sys.executable).with_name("mutmut")
    listing = subprocess.run(
        [str(mutmut), "results", "--all", "true"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    by_module: dict[str, Counter] = defaultdict(Counter)
    for line in listing.splitlines():
        if match := MUTANT.match(line):
            by_module[match["module"]][match["status"].strip()] += 1
    return by_module


def earlier_rows(table_text: str) -> dict[str, Counter]:
    """The table already written, back into counts (the total row is recomputed)."""
    by_module: dict[str, Counter] = {}
    for line in table_text.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) != 7 or not cells[1].isdigit():
            continue
        name, _, killed, survived, no_tests, other, _ = cells
        by_module[name] = Counter(
            {"killed": int(killed), "survived": int(survived), "no tests": int(no_tests)}
        )
        by_module[name]["other"] = int(other)
    by_module.pop("**all**", None)
    return by_module


def table(by_module: dict[str, Counter]) -> str:
    rows = [
        "| module | mutants | killed | survived | no test | other | killed % |",
        "|---|---|---|---|---|---|---|",
    ]
    total = Counter()
    for module in sorted(by_module):
        c = by_module[module]
        total.update(c)
        rows.append(_row(module, c))
    rows.append(_row("**all**", total))
    return "\n".join(rows)


def _row(name: str, c: Counter) -> str:
    mutants = sum(c.values())
    killed = c["killed"] + c["timeout"]
    other = mutants - killed - c["survived"] - c["no tests"]
    share = f"{100 * killed / mutants:.0f} %" if mutants else "—"
    cells = [name, mutants, killed, c["survived"], c["no tests"], other, share]
    return "| " + " | ".join(str(cell) for cell in cells) + " |"


def main() -> None:
    text = REPORT.read_text() if REPORT.exists() else f"# Mutation testing\n\n{BEGIN}\n{END}\n"
    before, rest = text.split(BEGIN)
    previous, after = rest.split(END)
    by_module = earlier_rows(previous) | counts()
    REPORT.write_text(f"{before}{BEGIN}\n{table(by_module)}\n{END}{after}")
    print(f"Wrote {REPORT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
