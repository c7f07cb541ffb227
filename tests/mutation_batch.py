"""Re-run many mutants in one pytest process: `-p tests.mutation_batch`, inside `mutants/`.

    cd mutants && MUTANTS="evaluations.sessions.x_session_board__mutmut_6 ..." \
        OCOP_TEST_DB_TEMPLATE=../var/mutation-template.sqlite3 \
        python -m pytest -q -p no:randomly -p tests.mutation_batch tests/councils/test_x.py

Each selected test runs once unmutated and once per mutant named in MUTANTS (mutmut's trampoline
reads MUTANT_UNDER_TEST at each call, as `mutmut run` sets it per forked child); a mutant's
remaining tests are skipped once one has failed. The summary prints one line per mutant:
"killed" or "SURVIVED", and "base ok" when the unmutated code passes the same tests. Not part of
the suite (nothing imports it unless named with -p).
"""

import collections
import os

import pytest

NAMES = ["none", *os.environ.get("MUTANTS", "").split()]
_failed: dict[str, list[str]] = collections.defaultdict(list)
_ran: collections.Counter = collections.Counter()


def _id(name: str) -> str:
    return "@" + name.rsplit(".", 1)[-1] + "@"


def pytest_generate_tests(metafunc):
    metafunc.fixturenames.insert(0, "_mutant")
    metafunc.parametrize("_mutant", NAMES, ids=[_id(name) for name in NAMES])


@pytest.fixture(autouse=True)
def _apply_mutant(request):
    name = request.node.callspec.params.get("_mutant", "none")
    if name != "none" and _failed[name]:
        pytest.skip("mutant already killed")
    if name == "none":
        os.environ.pop("MUTANT_UNDER_TEST", None)
    else:
        os.environ["MUTANT_UNDER_TEST"] = name
    yield
    os.environ.pop("MUTANT_UNDER_TEST", None)


def pytest_runtest_logreport(report):
    name = next((name for name in NAMES if _id(name) in report.nodeid), None)
    if name is None or report.skipped:
        return
    if report.when == "call":
        _ran[name] += 1
    if report.failed:
        _failed[name].append(report.nodeid)


def pytest_terminal_summary(terminalreporter):
    for name in NAMES:
        if name == "none":
            status = "BASE FAILS" if _failed[name] else "base ok"
        else:
            status = "killed" if _failed[name] else "SURVIVED"
        terminalreporter.write_line(f"MUTBATCH {status} {name} ({_ran[name]} run)")
