"""Which decision the law leaves the approver for a council's result (Decision 26/2026,
Art. 4.1 and 7.3.e), in one place: the council's proposal (tờ trình), the admin's bulk approval,
the approval screen and the transitions' own checks all ask here.

- 90 points or more, not stopped: proposed to the ministry for 5★ ("đạt từ 90 điểm trở lên",
  even with a 5★ minimum missed; the central council reads what is missing);
- 3★ or 4★: recognised by the province, with a certificate;
- anything else (1★, 2★, or an evaluation stopped by a sheet's note): a written notice, no rating.

Works on the stored ``models.CouncilResult`` and on the scoring module's result alike: both
carry ``average``, ``stars`` and ``stopped_by``.
"""

from criteria.scoring import NATIONAL_THRESHOLD

NOMINATE = "nominate"
RECOGNISE = "recognise"
NOTICE = "notice"


def approval_route(result) -> str:
    if getattr(result, "stopped_by", ()):
        return NOTICE
    if result.average >= NATIONAL_THRESHOLD and result.stars > 0:
        return NOMINATE
    if result.stars in (3, 4):
        return RECOGNISE
    return NOTICE
