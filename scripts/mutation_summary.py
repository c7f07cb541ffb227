"""Summarise the last `mutmut run` per module into tests/MUTATION.md.

    python scripts/mutation_summary.py        # rewrites the table between the markers

Only the table is generated: what each survivor means (killed by a new test, or equivalent)
is written by hand below it.
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
    _, after = rest.split(END)
    REPORT.write_text(f"{before}{BEGIN}\n{table(counts())}\n{END}{after}")
    print(f"Wrote {REPORT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
