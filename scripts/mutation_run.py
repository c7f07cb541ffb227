"""Run mutmut over a subset of the modules in `[tool.mutmut]`, without editing pyproject.toml.

    make mutation MODULES="evaluations/permissions.py" TESTS="tests/evaluations tests/approvals"

MODULES narrows `only_mutate`, TESTS narrows `pytest_add_cli_args_test_selection` (space-separated,
both optional); other arguments go to `mutmut run` unchanged. Narrowing the tests keeps the stats
phase short; mutmut still runs, for each mutant, only the selected tests that reach its function.
"""

import os
import sys

from mutmut import configuration
from mutmut.__main__ import cli

_read = configuration._config_reader
OVERRIDES = {
    "only_mutate": os.environ.get("MUTATION_MODULES", "").split(),
    "pytest_add_cli_args_test_selection": os.environ.get("MUTATION_TESTS", "").split(),
}


def _narrowed_reader():
    read = _read()

    def conf(key, default):
        return OVERRIDES.get(key) or read(key, default)

    return conf


configuration._config_reader = _narrowed_reader
configuration.reset_config()

if __name__ == "__main__":
    sys.argv = ["mutmut", "run", *sys.argv[1:]]
    sys.exit(cli())
