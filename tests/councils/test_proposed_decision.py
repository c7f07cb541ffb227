"""What the council proposes to the approver, at the edges of the rules (Decision 26/2026,
Art. 7.3.e: the ministry for 90 points or more)."""

from decimal import Decimal
from types import SimpleNamespace

import pytest

from councils.session_board import proposed_decision


@pytest.mark.parametrize(
    ("average", "stars", "stopped_by", "proposal"),
    [
        (Decimal("90.00"), 4, (), "nominate"),
        (Decimal("89.99"), 4, (), "recognise"),
        (Decimal("90.00"), 0, (), "notice"),
        (Decimal("70.00"), 3, (), "recognise"),
        (Decimal("49.00"), 2, (), "notice"),
        (Decimal("95.00"), 5, ("3.2",), "notice"),
    ],
)
def test_the_proposal_follows_the_average_the_stars_and_any_stopping_note(
    average, stars, stopped_by, proposal
):
    result = SimpleNamespace(average=average, stars=stars, stopped_by=stopped_by)

    assert proposed_decision(result) == proposal
