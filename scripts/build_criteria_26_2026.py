"""Build the criteria catalogue of Decision 26/2026/QĐ-TTg: ``criteria/data/26-2026/``.

The committed JSON files are the source of truth at run time; this script only documents how they
were made. It reads the machine extraction of Appendix II
(``scripts/data/qd26-2026-criteria-extracted.json``, kept in the repository so that a clone alone
can rebuild the catalogue and the tests can check it), normalises it, applies explicit
corrections (each one cites what the source text says) and writes ``set-01.json`` …
``set-26.json`` plus ``decision.json`` (Appendix I classification).

The work is split by what it does, in ``scripts/criteria_26_2026/``: ``classification``
(Appendix I), ``notes`` (the sourced stop, knock-out and requirement notes), ``sheet``
(normalising the extraction's shape), ``corrections`` (one per source defect), ``checks`` (the
point arithmetic) and ``build`` (writing the files).

Source text: the public transcript of the Decision, GitHub ``hakienpdu95/minhan``,
``docs/bnn_txng.html`` (a thuvienphapluat.vn rendering). "@~N" in those modules is the character
offset in that file where the quoted passage is.

Run from the repository root::

    .venv/bin/python scripts/build_criteria_26_2026.py [path/to/qd26-2026-criteria-extracted.json]
"""

import sys
from pathlib import Path

# Run as a script, this file's folder is on sys.path and the package imports as a top-level one;
# loaded by path (the catalogue test does), the loader puts the folder there first.
from criteria_26_2026.build import DEFAULT_SOURCE, build

if __name__ == "__main__":
    build(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SOURCE)
